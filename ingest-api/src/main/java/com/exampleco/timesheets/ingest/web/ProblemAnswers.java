package com.exampleco.timesheets.ingest.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.exampleco.timesheets.ingest.config.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static com.exampleco.timesheets.security.ApiProblemException.problem;

/**
 * Every error of the API as an RFC 9457 {@code application/problem+json} answer. The
 * API's own refusals ({@link RefusedRequestException}s) carry their problem; this class
 * answers them as they are, counts them and adds {@code Retry-After} to a 503. Request
 * bodies Spring could not bind get their problem here; other framework errors (wrong
 * method, …) are answered by the base class in the same form. Answers name the problem,
 * never echo request content beyond field names.
 * <p>
 * Bodies follow RFC 9110: a body that cannot be read in its format (not UTF-8, not JSON,
 * an NDJSON line that is not JSON, broken CSV framing, no body) is 400
 * {@code malformed-body}; a well-formed body that breaks a rule (unknown field, unknown
 * decision, value out of range, wrong JSON shape) is 422 ({@code invalid-batch} for
 * uploads, {@code invalid-approval} for approvals). Both list their {@code errors}.
 */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

	static final String MALFORMED_BODY = "malformed-body";

	private static final Logger logger = LoggerFactory.getLogger(ProblemAnswers.class);

	private final IngestProperties properties;

	private final MeterRegistry meterRegistry;

	ProblemAnswers(IngestProperties properties, MeterRegistry meterRegistry) {
		this.properties = properties;
		this.meterRegistry = meterRegistry;
	}

	/**
	 * A refusal of this API: answered with the problem it carries; a 503 also says when
	 * to retry.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(RefusedRequestException ex) {
		rejected(ex.reason());
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.getStatusCode()).headers(ex.getHeaders());
		if (ex.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			logger.warn("Answering 503: {}", ex.getMessage());
			answer.header(HttpHeaders.RETRY_AFTER,
					Long.toString(Math.max(1, this.properties.retryAfter().toSeconds())));
		}
		return answer.body(ex.getBody());
	}

	/**
	 * A JSON body bound by Spring ({@code @RequestBody}) that could not be read: 400 when
	 * it is not JSON (or missing), 422 when it is JSON that does not fit the request
	 * type.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException cause = jacksonCause(ex);
		if (cause instanceof DatabindException && !isTrailingValue(cause)) {
			rejected("invalid");
			ProblemDetail problem = invalidBody(request);
			problem.setProperty("errors", List.of(bindingError(cause)));
			return ResponseEntity.of(problem).build();
		}
		rejected("malformed");
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, MALFORMED_BODY, "Malformed request body",
				(cause != null) ? "The body is not well-formed JSON." : "The request has no body.");
		problem.setProperty("errors", List.of(Map.of("message", (cause != null) ? "malformed JSON" : "no body")));
		return ResponseEntity.of(problem).build();
	}

	/**
	 * A JSON body that was read but breaks a {@code @Valid} constraint: 422.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		rejected("invalid");
		ProblemDetail problem = invalidBody(request);
		List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream().map((error) -> {
			Map<String, Object> each = new LinkedHashMap<>();
			each.put("field", error.getField());
			each.put("message", (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "invalid");
			return each;
		}).toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.of(problem).build();
	}

	private static ProblemDetail invalidBody(WebRequest request) {
		boolean approval = request instanceof ServletWebRequest servlet
				&& servlet.getRequest().getRequestURI().endsWith("/approval");
		return approval
				? problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-approval", "Invalid approval",
						"The body is well-formed JSON but not a valid approval.")
				: problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-body", "Invalid request body",
						"The body is well-formed JSON but not a valid request.");
	}

	private static @Nullable JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	// a second JSON value after the first: the body is not one JSON text (RFC 8259)
	private static boolean isTrailingValue(JacksonException ex) {
		return ex instanceof MismatchedInputException && ex.getOriginalMessage() != null
				&& ex.getOriginalMessage().startsWith("Trailing token");
	}

	private static Map<String, Object> bindingError(JacksonException ex) {
		Map<String, Object> error = new LinkedHashMap<>();
		String field = ex.getPath()
			.stream()
			.map(JacksonException.Reference::getPropertyName)
			.filter((name) -> name != null)
			.reduce((first, second) -> second)
			.orElse(null);
		if (field != null) {
			error.put("field", field);
		}
		error.put("message", bindingMessage(ex, field));
		return error;
	}

	private static String bindingMessage(JacksonException ex, @Nullable String field) {
		if (ex instanceof UnrecognizedPropertyException) {
			return "unknown field";
		}
		if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			return "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
				.map(String::valueOf)
				.collect(Collectors.joining(", "));
		}
		return (field != null) ? "has the wrong type" : "expected a JSON object";
	}

	private void rejected(String reason) {
		this.meterRegistry.counter("timesheets.ingest.requests.rejected", "reason", reason).increment();
	}

}
