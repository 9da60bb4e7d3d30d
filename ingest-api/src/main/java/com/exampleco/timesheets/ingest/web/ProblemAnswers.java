package com.exampleco.timesheets.ingest.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.exampleco.timesheets.events.entry.Violation;
import com.exampleco.timesheets.ingest.approval.InvalidApprovalException;
import com.exampleco.timesheets.ingest.approval.MalformedIfMatchException;
import com.exampleco.timesheets.ingest.batch.InvalidBatchException;
import com.exampleco.timesheets.ingest.batch.TooManyEntriesException;
import com.exampleco.timesheets.ingest.config.IngestProperties;
import com.exampleco.timesheets.ingest.publishing.BrokerUnavailableException;
import com.exampleco.timesheets.ingest.publishing.IdempotencyKeyReusedException;
import com.exampleco.timesheets.ingest.publishing.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 {@code application/problem+json} answer.
 * Framework errors (malformed JSON, wrong method, …) are answered by the base class in
 * the same form. Answers name the problem, never echo request content beyond field names.
 */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

	static final String PROBLEM_BASE = "https://timesheets.exampleco.com/problems/";

	private static final Logger logger = LoggerFactory.getLogger(ProblemAnswers.class);

	private final IngestProperties properties;

	private final MeterRegistry meterRegistry;

	ProblemAnswers(IngestProperties properties, MeterRegistry meterRegistry) {
		this.properties = properties;
		this.meterRegistry = meterRegistry;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidBatch(InvalidBatchException ex) {
		rejected("invalid");
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-batch", "Invalid upload",
				ex.getMessage());
		List<Map<String, Object>> errors = ex.violations().stream().map(ProblemAnswers::error).toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.of(problem).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidApproval(InvalidApprovalException ex) {
		rejected("invalid");
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-approval", "Invalid approval",
				ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return ResponseEntity.of(problem).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> malformedIfMatch(MalformedIfMatchException ex) {
		rejected("malformed_if_match");
		return ResponseEntity
			.of(problem(HttpStatus.BAD_REQUEST, "malformed-if-match", "Malformed If-Match", ex.getMessage()))
			.build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReusedException ex) {
		rejected("idempotency_key_reused");
		return ResponseEntity
			.of(problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
					ex.getMessage()))
			.build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyEntries(TooManyEntriesException ex) {
		rejected("too_many_entries");
		return ResponseEntity
			.of(problem(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Too many entries", ex.getMessage()))
			.build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException ex) {
		rejected("body_too_large");
		return ResponseEntity
			.of(problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large", ex.getMessage()))
			.build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupportedFormat(UnsupportedFormatException ex) {
		rejected("unsupported_media_type");
		return ResponseEntity
			.of(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
					ex.getMessage()))
			.build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> malformedKey(RequestIds.MalformedIdempotencyKeyException ex) {
		rejected("malformed_idempotency_key");
		return ResponseEntity
			.of(problem(HttpStatus.BAD_REQUEST, "malformed-idempotency-key", "Malformed Idempotency-Key",
					ex.getMessage()))
			.build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> brokerUnavailable(BrokerUnavailableException ex) {
		rejected("broker_unavailable");
		logger.warn("Answering 503: {}", ex.getMessage());
		String detail = ex.outcomeUnknown()
				? "The event log did not confirm the request in time; the outcome is unknown: it may still be "
						+ "accepted. A retry with the same Idempotency-Key is safe: it is answered as the first "
						+ "request was, or published if the first was not."
				: "The event log did not acknowledge the request in time; nothing was accepted. "
						+ "Retry later with the same Idempotency-Key.";
		return ResponseEntity
			.of(problem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "Temporarily unavailable", detail))
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.properties.retryAfter().toSeconds())))
			.build();
	}

	private void rejected(String reason) {
		this.meterRegistry.counter("timesheets.ingest.requests.rejected", "reason", reason).increment();
	}

	private static Map<String, Object> error(Violation violation) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("index", violation.index());
		if (violation.line() > 0) {
			error.put("line", violation.line());
		}
		if (violation.field() != null) {
			error.put("field", violation.field());
		}
		error.put("message", violation.message());
		return error;
	}

	static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(PROBLEM_BASE + type));
		problem.setTitle(title);
		return problem;
	}

}
