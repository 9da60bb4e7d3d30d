package com.exampleco.timesheets.events.entry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * The rules of one entry's fields are {@link EntryRules}; this class judges the batch.
 */
public final class EntryValidator {

	/** The longest external id accepted. */
	public static final int MAX_EXTERNAL_ID_LENGTH = 128;

	private final EntryRules rules;

	private final Clock clock;

	/**
	 * A validator.
	 * @param limits the configurable bounds
	 * @param clock the clock that says what today is
	 */
	public EntryValidator(EntryLimits limits, Clock clock) {
		this.rules = new EntryRules(Objects.requireNonNull(limits, "limits"));
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
			EntryChecker checker = new EntryChecker(entry, violations);
			String externalId = this.rules.externalId(checker, entry.raw().externalId());
			if (externalId != null) {
				Integer first = firstIndexOfExternalId.putIfAbsent(externalId, entry.index());
				if (first != null) {
					checker.fail("externalId", "duplicate externalId in this batch (first at index " + first + ")");
				}
			}
			TimesheetEntry checked = this.rules.entry(checker, externalId, entry.raw(), today);
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
