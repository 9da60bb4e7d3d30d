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
 * @param kind whether the input could not be read at all ({@link Kind#MALFORMED}) or was
 * read and breaks a rule ({@link Kind#INVALID}); never null
 */
public record Violation(int index, int line, String field, String message, Kind kind) {

	/**
	 * Defaults a missing kind to {@link Kind#INVALID}.
	 */
	public Violation {
		kind = (kind != null) ? kind : Kind.INVALID;
	}

	/**
	 * A rule broken by well-formed input ({@link Kind#INVALID}).
	 * @param index the entry's position, or -1
	 * @param line the line, or 0
	 * @param field the field, or null
	 * @param message what is wrong
	 */
	public Violation(int index, int line, String field, String message) {
		this(index, line, field, message, Kind.INVALID);
	}

	/**
	 * A problem with the input as a whole (for example a missing CSV header).
	 * @param line the line, or 0
	 * @param message what is wrong
	 * @return the violation
	 */
	public static Violation ofInput(int line, String message) {
		return new Violation(-1, line, null, message);
	}

	/**
	 * Input that is not well-formed in its format (not UTF-8, not JSON, broken CSV
	 * framing): it could not be read, let alone checked.
	 * @param index the entry's position, or -1 for the input as a whole
	 * @param line the line, or 0
	 * @param message what is wrong
	 * @return the violation, of kind {@link Kind#MALFORMED}
	 */
	public static Violation malformed(int index, int line, String message) {
		return new Violation(index, line, null, message, Kind.MALFORMED);
	}

	/**
	 * Whether the input could not be read (an HTTP API answers 400 rather than 422).
	 * @return true for {@link Kind#MALFORMED}
	 */
	public boolean isMalformed() {
		return this.kind == Kind.MALFORMED;
	}

	/**
	 * The two kinds of refusal, after RFC 9110: malformed syntax (400) and well-formed
	 * content that breaks a rule (422).
	 */
	public enum Kind {

		/**
		 * Not well-formed: not UTF-8, not JSON (a JSON array body or an NDJSON line), CSV
		 * framing broken (unclosed quote, stray quote, a row with a different number of
		 * fields than the header).
		 */
		MALFORMED,

		/**
		 * Well-formed but wrong: wrong JSON shape, unknown or missing field or column, a
		 * value out of range, a duplicate.
		 */
		INVALID

	}

}
