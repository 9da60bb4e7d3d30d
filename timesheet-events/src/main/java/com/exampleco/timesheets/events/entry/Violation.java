package com.exampleco.timesheets.events.entry;

/**
 * One reason an entry or a whole input is refused.
 *
 * @param index zero-based position of the entry in the batch, or {@code -1} when the
 * problem is with the input as a whole
 * @param line one-based line of the input, or {@code 0} when unknown
 * @param field the field concerned, in its JSON spelling ({@code workDate}), or
 * {@code null} when the problem is with the entry or input as a whole
 * @param message what is wrong, for a person; never contains more than the offending
 * field's name
 */
public record Violation(int index, int line, String field, String message) {

	/**
	 * A problem with the input as a whole (for example a missing CSV header).
	 * @param line the line, or 0
	 * @param message what is wrong
	 * @return the violation
	 */
	public static Violation ofInput(int line, String message) {
		return new Violation(-1, line, null, message);
	}

}
