package com.exampleco.timesheets.query.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import com.exampleco.timesheets.query.config.QueryProperties;
import com.exampleco.timesheets.security.ApiProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 {@code application/problem+json} answer. The
 * API's own refusals ({@link InvalidParameterException}, {@link NotFoundException}) carry
 * their problem themselves and are written by the base class; this class adds the
 * rejection counter, turns a parameter of the wrong type into an
 * {@link InvalidParameterException} and answers a failing database with 503. Answers
 * never echo parameter values. Framework errors (wrong method, …) are answered by the
 * base class in the same form.
 */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemAnswers.class);

	private final QueryProperties properties;

	private final MeterRegistry meterRegistry;

	ProblemAnswers(QueryProperties properties, MeterRegistry meterRegistry) {
		this.properties = properties;
		this.meterRegistry = meterRegistry;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException ex) {
		rejected("store-unavailable");
		logger.warn("Answering 503, the database failed: {}", ex.getClass().getSimpleName(), ex);
		return ResponseEntity
			.of(ApiProblemException.problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
					"Temporarily unavailable", "The timesheet store could not be read; retry later."))
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.properties.retryAfter().toSeconds())))
			.build();
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleErrorResponseException(ErrorResponseException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof ApiProblemException problem) {
			rejected(problem.problemType());
		}
		return super.handleErrorResponseException(ex, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "unknown";
		InvalidParameterException invalid = new InvalidParameterException(name, describe(name, ex.getRequiredType()));
		return handleErrorResponseException(invalid, headers, invalid.getStatusCode(), request);
	}

	private static String describe(String name, @Nullable Class<?> type) {
		if (type == null) {
			return "'" + name + "' has a value of the wrong type";
		}
		if (LocalDate.class.equals(type)) {
			return "'" + name + "' must be an ISO date (yyyy-MM-dd)";
		}
		if (UUID.class.equals(type)) {
			return "'" + name + "' must be a UUID";
		}
		if (Integer.class.equals(type) || int.class.equals(type) || Long.class.equals(type)) {
			return "'" + name + "' must be an integer";
		}
		if (type.isEnum()) {
			return "'" + name + "' must be one of "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
		}
		return "'" + name + "' has a value of the wrong type";
	}

	/**
	 * Counts a refusal under its problem type, in the metric's tag form
	 * ({@code not-found} as {@code not_found}).
	 */
	private void rejected(String problemType) {
		this.meterRegistry.counter("timesheets.query.requests.rejected", "reason", problemType.replace('-', '_'))
			.increment();
	}

}
