package com.exampleco.timesheets.query.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import com.exampleco.timesheets.query.config.QueryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 {@code application/problem+json} answer. Bad
 * input is a 400 whose {@code parameter} property names the refused parameter; answers
 * never echo parameter values. Framework errors (wrong method, …) are answered by the
 * base class in the same form.
 */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

	static final String PROBLEM_BASE = "https://timesheets.exampleco.com/problems/";

	private static final Logger logger = LoggerFactory.getLogger(ProblemAnswers.class);

	private final QueryProperties properties;

	private final MeterRegistry meterRegistry;

	ProblemAnswers(QueryProperties properties, MeterRegistry meterRegistry) {
		this.properties = properties;
		this.meterRegistry = meterRegistry;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException ex) {
		return ResponseEntity.of(invalid(ex.parameter(), ex.getMessage())).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		rejected("not_found");
		return ResponseEntity.of(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage())).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException ex) {
		rejected("store_unavailable");
		logger.warn("Answering 503, the database failed: {}", ex.getClass().getSimpleName(), ex);
		return ResponseEntity
			.of(problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Temporarily unavailable",
					"The timesheet store could not be read; retry later."))
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.properties.retryAfter().toSeconds())))
			.build();
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "unknown";
		return ResponseEntity.of(invalid(name, describe(name, ex.getRequiredType()))).build();
	}

	private ProblemDetail invalid(String parameter, String detail) {
		rejected("invalid_parameter");
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
		problem.setProperty("parameter", QueryParameters.printable(parameter));
		return problem;
	}

	private static String describe(String name, Class<?> type) {
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

	private void rejected(String reason) {
		this.meterRegistry.counter("timesheets.query.requests.rejected", "reason", reason).increment();
	}

	/**
	 * A problem of this API.
	 * @param status the status
	 * @param type the last segment of the problem type URI
	 * @param title the title
	 * @param detail the detail
	 * @return the problem
	 */
	static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(PROBLEM_BASE + type));
		problem.setTitle(title);
		return problem;
	}

}
