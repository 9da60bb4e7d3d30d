package com.exampleco.timesheets.ingest.batch;

import java.util.List;

import com.exampleco.timesheets.events.entry.Violation;

/** An upload broke the entry rules; nothing of it was published. */
public class InvalidBatchException extends RuntimeException {

	private final List<Violation> violations;

	InvalidBatchException(List<Violation> violations) {
		super(violations.size() + " problem(s) in the upload; nothing was accepted");
		this.violations = List.copyOf(violations);
	}

	/**
	 * Every problem found.
	 * @return the violations, never empty
	 */
	public List<Violation> violations() {
		return this.violations;
	}

}
