package com.exampleco.timesheets.events;

import java.util.List;

/**
 * A record value is not a valid {@link TimesheetEvent}: not JSON, not of a known type, or
 * not conforming to its JSON Schema. Such a record can never be processed and belongs in
 * the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

	private final List<String> problems;

	/**
	 * A new exception.
	 * @param message what is wrong
	 * @param problems the individual problems found, may be empty
	 * @param cause the underlying failure, may be null
	 */
	public MalformedEventException(String message, List<String> problems, Throwable cause) {
		super(message, cause);
		this.problems = List.copyOf(problems);
	}

	/**
	 * The individual problems found, for example each schema violation.
	 * @return the problems, never null
	 */
	public List<String> problems() {
		return this.problems;
	}

}
