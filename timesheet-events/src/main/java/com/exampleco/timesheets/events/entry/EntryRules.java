package com.exampleco.timesheets.events.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

import com.exampleco.timesheets.events.EmployeeIds;
import com.exampleco.timesheets.events.TimesheetEntry;

/**
 * The rules of one entry's fields (listed on {@link EntryValidator}): each field parsed
 * and checked, every violation reported through the entry's {@link EntryChecker}, and the
 * entry built when none failed. Rules across entries (all or nothing, unique external
 * ids) are the {@link EntryValidator}'s. Thread-safe.
 */
final class EntryRules {

	private static final Pattern EMPLOYEE_ID = EmployeeIds.RULE;

	private static final Pattern PROJECT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

	private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

	private static final BigDecimal QUARTERS_PER_HOUR = BigDecimal.valueOf(4);

	private final EntryLimits limits;

	EntryRules(EntryLimits limits) {
		this.limits = limits;
	}

	/**
	 * The external id, checked on its own so that the batch can check its uniqueness.
	 * @return the stripped id, or null when it violates a rule
	 */
	String externalId(EntryChecker checker, String value) {
		String externalId = checker.required("externalId", value);
		if (externalId == null) {
			return null;
		}
		if (externalId.codePointCount(0, externalId.length()) > EntryValidator.MAX_EXTERNAL_ID_LENGTH) {
			checker.fail("externalId", "must be at most " + EntryValidator.MAX_EXTERNAL_ID_LENGTH + " characters");
			return null;
		}
		if (!checker.storable("externalId", externalId, false)) {
			return null;
		}
		return externalId;
	}

	/**
	 * The other fields, and the entry when no rule of the entry failed.
	 * @param externalId the result of {@link #externalId}
	 * @param today the current date (UTC)
	 * @return the entry, or null when the checker has a violation
	 */
	TimesheetEntry entry(EntryChecker checker, String externalId, RawEntry raw, LocalDate today) {
		String employeeId = checker.matching("employeeId", raw.employeeId(), EMPLOYEE_ID,
				"must be 1 to 64 letters, digits, '_' or '-'");
		String projectCode = checker.matching("projectCode", raw.projectCode(), PROJECT_CODE,
				"must be 1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit");
		LocalDate workDate = workDate(checker, raw.workDate(), today);
		BigDecimal hours = hours(checker, raw.hours());
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

	private LocalDate workDate(EntryChecker checker, String value, LocalDate today) {
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

	private static BigDecimal hours(EntryChecker checker, String value) {
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

}
