package com.exampleco.timesheets.ingest.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.exampleco.timesheets.events.entry.Violation;
import com.exampleco.timesheets.ingest.web.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * An upload broke the entry rules; nothing of it was published. Answered 422
 * {@code invalid-batch}, or 400 {@code malformed-body} when any part could not be read in
 * its format (one unreadable part makes the whole body malformed; its other problems are
 * listed all the same), with every problem in {@code errors}.
 */
public class InvalidBatchException extends RefusedRequestException {

	private final List<Violation> violations;

	InvalidBatchException(List<Violation> violations) {
		this(List.copyOf(violations), violations.stream().anyMatch(Violation::isMalformed));
	}

	private InvalidBatchException(List<Violation> violations, boolean malformed) {
		super(malformed ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT,
				malformed ? "malformed-body" : "invalid-batch", malformed ? "Malformed request body" : "Invalid upload",
				malformed ? "malformed" : "invalid",
				violations.size() + " problem(s) in the upload; nothing was accepted");
		this.violations = violations;
		getBody().setProperty("errors", violations.stream().map(InvalidBatchException::error).toList());
	}

	/**
	 * Every problem found.
	 * @return the violations, never empty
	 */
	public List<Violation> violations() {
		return this.violations;
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

}
