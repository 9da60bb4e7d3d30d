package com.exampleco.timesheets.events;

/**
 * The one rule for text in every event: what PostgreSQL (and any sane consumer) can
 * store. No NUL, no other C0 control character (U+0000–U+001F) except tab, line feed and
 * carriage return in free-text fields (note, comment, reason), no DEL (U+007F) and no
 * unpaired UTF-16 surrogate (which has no UTF-8 form). Ids (external id, employee id,
 * project code, the actor's client id and subject) allow no control character at all. The
 * event records' constructors enforce it, so an event that breaks it can neither be built
 * nor decoded; the ingest API checks it first to answer 422 naming the field; the JSON
 * Schemas say it too.
 */
public final class TextRules {

	private TextRules() {
	}

	/**
	 * What is wrong with a single-line value (an id or a name), if anything.
	 * @param value the value, may be null (nothing wrong)
	 * @return a message for the caller ("contains the control character U+0000"), or
	 * {@code null} when the value is storable
	 */
	public static String singleLineProblem(String value) {
		return problem(value, false);
	}

	/**
	 * What is wrong with a free-text value (note, comment, reason), if anything: as
	 * {@link #singleLineProblem(String)}, but tab, line feed and carriage return are
	 * allowed.
	 * @param value the value, may be null (nothing wrong)
	 * @return a message, or {@code null} when the value is storable
	 */
	public static String freeTextProblem(String value) {
		return problem(value, true);
	}

	static String requireSingleLine(String value, String field) {
		return require(value, field, singleLineProblem(value));
	}

	static String requireFreeText(String value, String field) {
		return require(value, field, freeTextProblem(value));
	}

	private static String require(String value, String field, String problem) {
		if (problem != null) {
			throw new IllegalArgumentException(field + " " + problem);
		}
		return value;
	}

	private static String problem(String value, boolean multiline) {
		if (value == null) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				if (multiline && (c == '\t' || c == '\n' || c == '\r')) {
					continue;
				}
				return "contains the control character U+%04X".formatted((int) c);
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
					continue;
				}
				return "contains an unpaired surrogate (not valid Unicode)";
			}
			if (Character.isLowSurrogate(c)) {
				return "contains an unpaired surrogate (not valid Unicode)";
			}
		}
		return null;
	}

}
