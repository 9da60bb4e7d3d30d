package com.exampleco.timesheets.events.entry;

import java.util.List;
import java.util.regex.Pattern;

import com.exampleco.timesheets.events.TextRules;

/**
 * Collects the violations of one entry, each naming the entry (index, line) and the
 * field: the generic checks every field rule starts with (present, matching a pattern,
 * storable text). Not thread-safe: one per entry.
 */
final class EntryChecker {

	private final SourcedEntry entry;

	private final List<Violation> violations;

	private boolean failed;

	/**
	 * A checker of one entry.
	 * @param entry the entry
	 * @param violations where the violations go (shared by the batch)
	 */
	EntryChecker(SourcedEntry entry, List<Violation> violations) {
		this.entry = entry;
		this.violations = violations;
	}

	/**
	 * A required field without its surrounding white space.
	 * @return the stripped text, or null (and a violation) when absent or blank
	 */
	String required(String field, String value) {
		String text = (value != null) ? value.strip() : null;
		if (text == null || text.isEmpty()) {
			fail(field, "is required");
			return null;
		}
		return text;
	}

	/**
	 * A required single-line field that must match a pattern.
	 * @return the stripped text, or null (and a violation) when it does not qualify
	 */
	String matching(String field, String value, Pattern pattern, String rule) {
		String text = required(field, value);
		if (text != null && !storable(field, text, false)) {
			return null;
		}
		if (text != null && !pattern.matcher(text).matches()) {
			fail(field, rule);
			return null;
		}
		return text;
	}

	/**
	 * Checks a text field against the contract's {@link TextRules} (and refuses C1
	 * controls too), reporting a violation naming the field.
	 * @return true when the text may be stored
	 */
	boolean storable(String field, String text, boolean freeText) {
		String problem = freeText ? TextRules.freeTextProblem(text) : TextRules.singleLineProblem(text);
		if (problem == null && hasC1Controls(text)) {
			problem = "contains a C1 control character";
		}
		if (problem == null) {
			return true;
		}
		if (problem.contains("surrogate")) {
			fail(field, "must be valid Unicode text (" + problem + ")");
		}
		else if (freeText) {
			fail(field, "must not contain control characters other than tab and line breaks (" + problem + ")");
		}
		else {
			fail(field, "must not contain control characters (" + problem + ")");
		}
		return false;
	}

	void fail(String field, String message) {
		this.failed = true;
		this.violations.add(new Violation(this.entry.index(), this.entry.line(), field, message));
	}

	boolean failed() {
		return this.failed;
	}

	/**
	 * C1 controls (U+0080 to U+009F): storable, but never meant in an id or a note. The
	 * contract's {@link TextRules} allow them; the entry rules are stricter.
	 */
	private static boolean hasC1Controls(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x80 && c <= 0x9f) {
				return true;
			}
		}
		return false;
	}

}
