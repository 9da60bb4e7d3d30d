package com.exampleco.timesheets.events.entry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.exampleco.timesheets.events.EmployeeIds;
import com.exampleco.timesheets.events.TextRules;
import com.exampleco.timesheets.events.TimesheetEntry;

/**
 * The entry rules shared by the ingest API and the uploader, so that a file the uploader
 * accepts locally is accepted by the API. Surrounding white space of every field but the
 * note is ignored. A batch is judged whole: every violation of every entry is reported.
 * Every text field is checked against the contract's {@link TextRules} (no NUL, no other
 * control character but tab and line breaks in the note, no unpaired surrogate), so text
 * the event records would refuse is reported as a violation naming the field, never
 * thrown. Thread-safe.
 * <ul>
 * <li>{@code externalId}: required, at most {@value #MAX_EXTERNAL_ID_LENGTH} characters
 * (code points), no control characters, unique within the batch</li>
 * <li>{@code employeeId}: required, 1 to 64 of {@code A-Z a-z 0-9 _ -}; case-insensitive,
 * written in its canonical upper-case form ({@link EmployeeIds#canonical(String)})</li>
 * <li>{@code projectCode}: required, 1 to 40 of {@code A-Z a-z 0-9 . _ -}, starting with
 * a letter or digit</li>
 * <li>{@code workDate}: required, ISO {@code yyyy-mm-dd}, a real date, not before
 * {@link EntryLimits#earliestWorkDate()} nor more than {@link EntryLimits#maxDaysAhead()}
 * days after today (UTC)</li>
 * <li>{@code hours}: required, a plain decimal number (ASCII digits, optional point, no
 * exponent) greater than 0, at most 24, in quarter hours</li>
 * <li>{@code note}: optional, at most {@link EntryLimits#maxNoteLength()} characters
 * (code points), no control characters but tab and line breaks</li>
 * </ul>
 */
public final class EntryValidator {

	/** The longest external id accepted. */
	public static final int MAX_EXTERNAL_ID_LENGTH = 128;

	private static final Pattern EMPLOYEE_ID = EmployeeIds.RULE;

	private static final Pattern PROJECT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

	private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

	private static final BigDecimal QUARTERS_PER_HOUR = BigDecimal.valueOf(4);

	private final EntryLimits limits;

	private final Clock clock;

	/**
	 * A validator.
	 * @param limits the configurable bounds
	 * @param clock the clock that says what today is
	 */
	public EntryValidator(EntryLimits limits, Clock clock) {
		this.limits = Objects.requireNonNull(limits, "limits");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * A validator with the default bounds and the system clock.
	 * @return the validator
	 */
	public static EntryValidator withDefaults() {
		return new EntryValidator(EntryLimits.DEFAULTS, Clock.systemUTC());
	}

	/**
	 * Validates a batch whole.
	 * @param entries the entries in batch order
	 * @return the valid entries in batch order when there is no violation at all, else
	 * every violation
	 */
	public Validation validate(List<SourcedEntry> entries) {
		List<TimesheetEntry> valid = new ArrayList<>(entries.size());
		List<Violation> violations = new ArrayList<>();
		Map<String, Integer> firstIndexOfExternalId = new HashMap<>();
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		for (SourcedEntry entry : entries) {
			Checker checker = new Checker(entry, violations);
			String externalId = checkExternalId(checker, entry.raw().externalId());
			if (externalId != null) {
				Integer first = firstIndexOfExternalId.putIfAbsent(externalId, entry.index());
				if (first != null) {
					checker.fail("externalId", "duplicate externalId in this batch (first at index " + first + ")");
				}
			}
			TimesheetEntry checked = check(checker, externalId, entry.raw(), today);
			if (checked != null) {
				valid.add(checked);
			}
		}
		return violations.isEmpty() ? new Validation(valid, List.of()) : new Validation(List.of(), violations);
	}

	/**
	 * Validates one entry.
	 * @param raw the entry
	 * @return the result for a batch of one
	 */
	public Validation validate(RawEntry raw) {
		return validate(List.of(new SourcedEntry(0, 0, raw)));
	}

	private static String checkExternalId(Checker checker, String value) {
		String externalId = checker.required("externalId", value);
		if (externalId == null) {
			return null;
		}
		if (externalId.codePointCount(0, externalId.length()) > MAX_EXTERNAL_ID_LENGTH) {
			checker.fail("externalId", "must be at most " + MAX_EXTERNAL_ID_LENGTH + " characters");
			return null;
		}
		if (!checker.storable("externalId", externalId, false)) {
			return null;
		}
		return externalId;
	}

	private TimesheetEntry check(Checker checker, String externalId, RawEntry raw, LocalDate today) {
		String employeeId = checker.matching("employeeId", raw.employeeId(), EMPLOYEE_ID,
				"must be 1 to 64 letters, digits, '_' or '-'");
		String projectCode = checker.matching("projectCode", raw.projectCode(), PROJECT_CODE,
				"must be 1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit");
		LocalDate workDate = checkWorkDate(checker, raw.workDate(), today);
		BigDecimal hours = checkHours(checker, raw.hours());
		String note = raw.note();
		if (note != null && !note.isEmpty()) {
			if (note.codePointCount(0, note.length()) > this.limits.maxNoteLength()) {
				checker.fail("note", "must be at most " + this.limits.maxNoteLength() + " characters");
			}
			else {
				checker.storable("note", note, true);
			}
		}
		if (checker.failed()) {
			return null;
		}
		try {
			return new TimesheetEntry(externalId, EmployeeIds.canonical(employeeId), projectCode, workDate, hours,
					note);
		}
		catch (IllegalArgumentException ex) {
			// the record's own rules (TextRules); the checks above should have caught it,
			// but the sender gets a violation naming the field rather than a 500
			String message = String.valueOf(ex.getMessage());
			int space = message.indexOf(' ');
			String field = (space > 0) ? message.substring(0, space) : null;
			checker.fail(field, (space > 0) ? message.substring(space + 1) : message);
			return null;
		}
	}

	private LocalDate checkWorkDate(Checker checker, String value, LocalDate today) {
		String text = checker.required("workDate", value);
		if (text == null) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text, ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			checker.fail("workDate", "must be a real date in the form yyyy-mm-dd");
			return null;
		}
		if (date.isBefore(this.limits.earliestWorkDate())) {
			checker.fail("workDate", "must not be before " + this.limits.earliestWorkDate());
			return null;
		}
		LocalDate latest = today.plusDays(this.limits.maxDaysAhead());
		if (date.isAfter(latest)) {
			checker.fail("workDate", "must not be after " + latest + " (work cannot be logged ahead)");
			return null;
		}
		return date;
	}

	private BigDecimal checkHours(Checker checker, String value) {
		String text = checker.required("hours", value);
		if (text == null) {
			return null;
		}
		BigDecimal hours;
		try {
			if (text.length() > 32 || !PLAIN_DECIMAL.matcher(text).matches()) {
				throw new NumberFormatException("not a plain decimal");
			}
			hours = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			checker.fail("hours", "must be a decimal number such as 7.5");
			return null;
		}
		if (hours.signum() <= 0) {
			checker.fail("hours", "must be greater than 0");
			return null;
		}
		if (hours.compareTo(MAX_HOURS) > 0) {
			checker.fail("hours", "must be at most 24");
			return null;
		}
		if (hours.multiply(QUARTERS_PER_HOUR).stripTrailingZeros().scale() > 0) {
			checker.fail("hours", "must be in quarter hours (.0, .25, .5 or .75)");
			return null;
		}
		return hours;
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

	/** Collects the violations of one entry. */
	private static final class Checker {

		private final SourcedEntry entry;

		private final List<Violation> violations;

		private boolean failed;

		Checker(SourcedEntry entry, List<Violation> violations) {
			this.entry = entry;
			this.violations = violations;
		}

		String required(String field, String value) {
			String text = (value != null) ? value.strip() : null;
			if (text == null || text.isEmpty()) {
				fail(field, "is required");
				return null;
			}
			return text;
		}

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

	}

	/**
	 * The outcome of validating a batch.
	 *
	 * @param entries the valid entries in batch order; empty when there are violations
	 * @param violations every violation; empty when the batch is valid
	 */
	public record Validation(List<TimesheetEntry> entries, List<Violation> violations) {

		/**
		 * Whether the batch may be accepted.
		 * @return true when there is no violation
		 */
		public boolean valid() {
			return this.violations.isEmpty();
		}

	}

}
