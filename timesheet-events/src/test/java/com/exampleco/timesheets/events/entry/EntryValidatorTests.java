package com.exampleco.timesheets.events.entry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.entry.EntryValidator.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;

class EntryValidatorTests {

	/** Today is 2026-03-10 (UTC). */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

	private final EntryValidator validator = new EntryValidator(EntryLimits.DEFAULTS, CLOCK);

	private static RawEntry valid() {
		return new RawEntry("ROW-1", "EMP-1", "PRJ-1", "2026-03-02", "7.5", "Design review");
	}

	private static RawEntry with(String field, String value) {
		RawEntry e = valid();
		return switch (field) {
			case "externalId" ->
				new RawEntry(value, e.employeeId(), e.projectCode(), e.workDate(), e.hours(), e.note());
			case "employeeId" ->
				new RawEntry(e.externalId(), value, e.projectCode(), e.workDate(), e.hours(), e.note());
			case "projectCode" ->
				new RawEntry(e.externalId(), e.employeeId(), value, e.workDate(), e.hours(), e.note());
			case "workDate" ->
				new RawEntry(e.externalId(), e.employeeId(), e.projectCode(), value, e.hours(), e.note());
			case "hours" ->
				new RawEntry(e.externalId(), e.employeeId(), e.projectCode(), e.workDate(), value, e.note());
			case "note" ->
				new RawEntry(e.externalId(), e.employeeId(), e.projectCode(), e.workDate(), e.hours(), value);
			default -> throw new IllegalArgumentException(field);
		};
	}

	private TimesheetEntry accepted(RawEntry raw) {
		Validation validation = this.validator.validate(raw);
		assertThat(validation.violations()).isEmpty();
		assertThat(validation.valid()).isTrue();
		assertThat(validation.entries()).hasSize(1);
		return validation.entries().get(0);
	}

	private Violation refused(RawEntry raw, String field) {
		Validation validation = this.validator.validate(raw);
		assertThat(validation.valid()).isFalse();
		assertThat(validation.entries()).isEmpty();
		assertThat(validation.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.field()).isEqualTo(field));
		return validation.violations().get(0);
	}

	private static SourcedEntry at(int index, RawEntry raw) {
		return new SourcedEntry(index, index + 2, raw);
	}

	@Test
	void acceptsValidEntry() {
		assertThat(accepted(valid())).isEqualTo(new TimesheetEntry("ROW-1", "EMP-1", "PRJ-1", LocalDate.of(2026, 3, 2),
				new BigDecimal("7.5"), "Design review"));
	}

	// hours

	@ParameterizedTest
	@CsvSource({ "0.25, 0.25", "0.5, 0.5", "0.75, 0.75", "1, 1", "7.50, 7.5", "7.5, 7.5", "8.0, 8", "24, 24",
			"24.00, 24", "'  8  ', 8", "000008.25, 8.25", "+8, 8", ".25, 0.25", "8., 8" })
	void acceptsHoursInQuarterHoursUpToTwentyFour(String text, BigDecimal expected) {
		assertThat(accepted(with("hours", text)).hours()).isEqualByComparingTo(expected);
	}

	@Test
	void normalisesTheScaleOfHours() {
		assertThat(accepted(with("hours", "24.00")).hours()).isEqualTo(new BigDecimal("24"));
		assertThat(accepted(with("hours", "7.50")).hours()).isEqualTo(new BigDecimal("7.5"));
		assertThat(accepted(with("hours", "10.0")).hours()).isEqualTo(new BigDecimal("10"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-0", "-1", "-0.25" })
	void rejectsHoursOfZeroOrLess(String text) {
		assertThat(refused(with("hours", text), "hours").message()).contains("greater than 0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "24.25", "24.01", "25", "1000" })
	void rejectsHoursAboveTwentyFour(String text) {
		assertThat(refused(with("hours", text), "hours").message()).contains("at most 24");
	}

	@ParameterizedTest
	@ValueSource(strings = { "7.3", "7.1", "0.1", "7.125", "7.333", "23.99" })
	void rejectsHoursThatAreNotQuarterHours(String text) {
		assertThat(refused(with("hours", text), "hours").message()).contains("quarter hours");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "1e1", "1E1", "2.5e0", "0x10", "NaN", "Infinity", "7,5", "7.5h", "1 000", ".",
			"\u0668", "8.25.1", "0.250000000000000000000000000000000000" })
	void rejectsHoursThatAreNotPlainDecimals(String text) {
		assertThat(refused(with("hours", text), "hours").message()).contains("decimal number");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\t" })
	void rejectsMissingHours(String text) {
		assertThat(refused(with("hours", text), "hours").message()).isEqualTo("is required");
	}

	// workDate

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-28", "2024-02-29", "2026-03-10", " 2026-03-01 " })
	void acceptsRealDates(String text) {
		assertThat(accepted(with("workDate", text)).workDate()).isEqualTo(LocalDate.parse(text.strip()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00" })
	void rejectsUnrealDates(String text) {
		assertThat(refused(with("workDate", text), "workDate").message()).contains("real date");
	}

	@ParameterizedTest
	@ValueSource(strings = { "26-1-1", "2026/01/01", "2026-1-01", "2026-01-1", "20260101", "01.03.2026",
			"2026-03-01T00:00", "+2026-03-01", "March 1, 2026", "\u0662\u0660\u0662\u0666-03-01" })
	void rejectsDatesNotInIsoForm(String text) {
		assertThat(refused(with("workDate", text), "workDate").message()).contains("yyyy-mm-dd");
	}

	@ParameterizedTest
	@NullAndEmptySource
	void rejectsMissingWorkDate(String text) {
		assertThat(refused(with("workDate", text), "workDate").message()).isEqualTo("is required");
	}

	@Test
	void acceptsTheEarliestWorkDate() {
		assertThat(accepted(with("workDate", "2000-01-01")).workDate()).isEqualTo(LocalDate.of(2000, 1, 1));
	}

	@Test
	void rejectsTheDayBeforeTheEarliestWorkDate() {
		assertThat(refused(with("workDate", "1999-12-31"), "workDate").message()).contains("before 2000-01-01");
	}

	@Test
	void acceptsTomorrow() {
		assertThat(accepted(with("workDate", "2026-03-11")).workDate()).isEqualTo(LocalDate.of(2026, 3, 11));
	}

	@Test
	void rejectsTheDayAfterTomorrow() {
		assertThat(refused(with("workDate", "2026-03-12"), "workDate").message()).contains("after 2026-03-11");
	}

	@Test
	void takesTodayInUtcWhateverTheClockZone() {
		// 23:00 UTC on the 10th is already the 11th in Kiritimati (UTC+14)
		Clock kiritimati = Clock.fixed(Instant.parse("2026-03-10T23:00:00Z"), ZoneId.of("Pacific/Kiritimati"));
		EntryValidator validator = new EntryValidator(EntryLimits.DEFAULTS, kiritimati);
		assertThat(validator.validate(with("workDate", "2026-03-11")).valid()).isTrue();
		assertThat(validator.validate(with("workDate", "2026-03-12")).valid()).isFalse();
	}

	@Test
	void appliesConfiguredDateLimits() {
		EntryValidator validator = new EntryValidator(new EntryLimits(500, LocalDate.of(2026, 1, 1), 0), CLOCK);
		assertThat(validator.validate(with("workDate", "2026-01-01")).valid()).isTrue();
		assertThat(validator.validate(with("workDate", "2025-12-31")).valid()).isFalse();
		assertThat(validator.validate(with("workDate", "2026-03-10")).valid()).isTrue();
		assertThat(validator.validate(with("workDate", "2026-03-11")).valid()).isFalse();
	}

	// externalId

	@Test
	void acceptsExternalIdOfMaximumLength() {
		String id = "x".repeat(128);
		assertThat(accepted(with("externalId", id)).externalId()).isEqualTo(id);
	}

	@Test
	void rejectsExternalIdAboveMaximumLength() {
		assertThat(refused(with("externalId", "x".repeat(129)), "externalId").message()).contains("at most 128");
	}

	@Test
	void countsExternalIdLengthInCodePoints() {
		String emoji = "\ud83d\ude00";
		assertThat(accepted(with("externalId", emoji.repeat(128))).externalId()).hasSize(256);
		refused(with("externalId", emoji.repeat(129)), "externalId");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  ", "\t\n" })
	void rejectsMissingExternalId(String id) {
		assertThat(refused(with("externalId", id), "externalId").message()).isEqualTo("is required");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "a\tb", "a\nb", "a\rb", "a\u001bb", "a\u007fb", "a\u0085b" })
	void rejectsExternalIdWithControlCharacters(String id) {
		assertThat(refused(with("externalId", id), "externalId").message()).contains("control characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\ud800", "\udc00a", "a\ude00\ud83db" })
	void rejectsExternalIdWithUnpairedSurrogates(String id) {
		assertThat(refused(with("externalId", id), "externalId").message()).contains("Unicode");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ROW 1", "Zeile-ä", "a/b:c#d", "\"quoted\"" })
	void acceptsExternalIdOfAnyPrintableText(String id) {
		assertThat(accepted(with("externalId", id)).externalId()).isEqualTo(id);
	}

	// employeeId and projectCode

	@ParameterizedTest
	@CsvSource({ "E, E", "EMP-1, EMP-1", "emp_1, EMP_1", "0123, 0123", "A_b-9, A_B-9", "e1001, E1001" })
	void acceptsEmployeeIdsOfLettersDigitsUnderscoreAndHyphenInUpperCase(String id, String canonical) {
		assertThat(accepted(with("employeeId", id)).employeeId()).isEqualTo(canonical);
	}

	@Test
	void employeeIdsThatDifferInCaseOnlyBecomeTheSameId() {
		assertThat(accepted(with("employeeId", "e1001")).employeeId())
			.isEqualTo(accepted(with("employeeId", "E1001")).employeeId());
	}

	@Test
	void acceptsEmployeeIdOfSixtyFourCharacters() {
		assertThat(accepted(with("employeeId", "e".repeat(64))).employeeId()).hasSize(64);
	}

	@ParameterizedTest
	@ValueSource(strings = { "EMP 1", "emp.1", "émp", "emp/1", "emp+1", "EMP\u00a01" })
	void rejectsEmployeeIdsWithOtherCharacters(String id) {
		assertThat(refused(with("employeeId", id), "employeeId").message()).contains("1 to 64");
	}

	@Test
	void rejectsEmployeeIdOfSixtyFiveCharacters() {
		refused(with("employeeId", "e".repeat(65)), "employeeId");
	}

	@ParameterizedTest
	@NullAndEmptySource
	void rejectsMissingEmployeeId(String id) {
		assertThat(refused(with("employeeId", id), "employeeId").message()).isEqualTo("is required");
	}

	@ParameterizedTest
	@ValueSource(strings = { "P", "PRJ-1", "prj.alpha_2", "9x", "A.b_c-d" })
	void acceptsProjectCodesStartingWithLetterOrDigit(String code) {
		assertThat(accepted(with("projectCode", code)).projectCode()).isEqualTo(code);
	}

	@Test
	void acceptsProjectCodeOfFortyCharacters() {
		assertThat(accepted(with("projectCode", "p".repeat(40))).projectCode()).hasSize(40);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-PRJ", ".PRJ", "_PRJ", "PRJ 1", "PRJ/1", "prøject" })
	void rejectsProjectCodesWithWrongStartOrCharacters(String code) {
		assertThat(refused(with("projectCode", code), "projectCode").message()).contains("1 to 40");
	}

	@Test
	void rejectsProjectCodeOfFortyOneCharacters() {
		refused(with("projectCode", "p".repeat(41)), "projectCode");
	}

	@ParameterizedTest
	@NullAndEmptySource
	void rejectsMissingProjectCode(String code) {
		assertThat(refused(with("projectCode", code), "projectCode").message()).isEqualTo("is required");
	}

	// note

	@Test
	void acceptsNoteOfFiveHundredCharacters() {
		assertThat(accepted(with("note", "n".repeat(500))).note()).hasSize(500);
	}

	@Test
	void rejectsNoteOfFiveHundredAndOneCharacters() {
		assertThat(refused(with("note", "n".repeat(501)), "note").message()).contains("at most 500");
	}

	@Test
	void countsNoteLengthInCodePoints() {
		String emoji = "\ud83d\ude00";
		assertThat(accepted(with("note", emoji.repeat(500))).note()).hasSize(1000);
		refused(with("note", emoji.repeat(501)), "note");
		refused(with("note", "n".repeat(499) + emoji + "n"), "note");
	}

	@Test
	void appliesConfiguredNoteLength() {
		EntryValidator validator = new EntryValidator(new EntryLimits(10, LocalDate.of(2000, 1, 1), 1), CLOCK);
		assertThat(validator.validate(with("note", "n".repeat(10))).valid()).isTrue();
		assertThat(validator.validate(with("note", "n".repeat(11))).valid()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\tb", "line 1\nline 2", "line 1\r\nline 2", " padded " })
	void acceptsNoteWithTabsAndLineBreaksAsWritten(String note) {
		assertThat(accepted(with("note", note)).note()).isEqualTo(note);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "bell\u0007", "esc\u001b[31m", "a\u007fb", "a\u0085b", "a\u000bb", "a\fb" })
	void rejectsNoteWithOtherControlCharacters(String note) {
		assertThat(refused(with("note", note), "note").message()).contains("control characters");
	}

	@Test
	void rejectsNoteWithUnpairedSurrogate() {
		refused(with("note", "broken \ud83d"), "note");
	}

	@ParameterizedTest
	@NullAndEmptySource
	void treatsMissingNoteAsAbsent(String note) {
		assertThat(accepted(with("note", note)).note()).isNull();
	}

	// batches

	@Test
	void stripsSurroundingWhitespaceOfEveryFieldButTheNote() {
		RawEntry raw = new RawEntry("  ROW-1 ", "\tEMP-1 ", " PRJ-1\u2003", " 2026-03-02\n", " 7.5 ", "  keep me ");
		assertThat(accepted(raw)).isEqualTo(new TimesheetEntry("ROW-1", "EMP-1", "PRJ-1", LocalDate.of(2026, 3, 2),
				new BigDecimal("7.5"), "  keep me "));
	}

	@Test
	void yieldsValidEntriesInBatchOrder() {
		List<SourcedEntry> batch = List.of(at(0, with("externalId", "C")), at(1, with("externalId", "A")),
				at(2, with("externalId", "B")));
		Validation validation = this.validator.validate(batch);
		assertThat(validation.valid()).isTrue();
		assertThat(validation.entries()).extracting(TimesheetEntry::externalId).containsExactly("C", "A", "B");
	}

	@Test
	void acceptsEmptyBatch() {
		Validation validation = this.validator.validate(List.of());
		assertThat(validation.valid()).isTrue();
		assertThat(validation.entries()).isEmpty();
	}

	@Test
	void reportsDuplicateExternalIdWithItsIndex() {
		List<SourcedEntry> batch = List.of(at(0, with("externalId", "A")), at(1, with("externalId", "B")),
				at(2, with("externalId", " A ")));
		Validation validation = this.validator.validate(batch);
		assertThat(validation.entries()).isEmpty();
		assertThat(validation.violations()).singleElement().satisfies((violation) -> {
			assertThat(violation.index()).isEqualTo(2);
			assertThat(violation.line()).isEqualTo(4);
			assertThat(violation.field()).isEqualTo("externalId");
			assertThat(violation.message()).contains("duplicate").contains("index 0");
		});
	}

	@Test
	void reportsDuplicateExternalIdEvenWhenTheFirstEntryIsOtherwiseInvalid() {
		RawEntry firstWithBadHours = new RawEntry("A", "EMP-1", "PRJ-1", "2026-03-02", "7.3", null);
		List<SourcedEntry> batch = List.of(at(0, firstWithBadHours), at(1, with("externalId", "A")));
		assertThat(this.validator.validate(batch).violations()).extracting(Violation::index, Violation::field)
			.containsExactly(tuple(0, "hours"), tuple(1, "externalId"));
	}

	@Test
	void treatsExternalIdsAsCaseSensitive() {
		List<SourcedEntry> batch = List.of(at(0, with("externalId", "a")), at(1, with("externalId", "A")));
		assertThat(this.validator.validate(batch).valid()).isTrue();
	}

	@Test
	void listsEveryViolationOfEveryEntry() {
		List<SourcedEntry> batch = List.of(at(0, valid()),
				at(1, new RawEntry("ROW-2", "EMP-1", "PRJ-1", "2026-02-30", "24.25", null)),
				at(2, new RawEntry("ROW-3", null, "-P", "2026-03-01", "8", "bad\u0000")),
				at(3, with("externalId", "ROW-4")), at(4, new RawEntry(null, "E", "P", "2026-03-01", "abc", null)));
		Validation validation = this.validator.validate(batch);
		assertThat(validation.valid()).isFalse();
		assertThat(validation.entries()).isEmpty();
		assertThat(validation.violations()).extracting(Violation::index, Violation::line, Violation::field)
			.containsExactly(tuple(1, 3, "workDate"), tuple(1, 3, "hours"), tuple(2, 4, "employeeId"),
					tuple(2, 4, "projectCode"), tuple(2, 4, "note"), tuple(4, 6, "externalId"), tuple(4, 6, "hours"));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@CsvSource({ "externalId, NUL", "externalId, U+001F", "employeeId, NUL", "employeeId, U+0001", "projectCode, NUL",
			"projectCode, DEL", "note, NUL", "note, U+001F", "note, lone surrogate", "externalId, lone surrogate",
			"employeeId, lone surrogate" })
	void reportsTextTheContractRefusesAsAViolationOfItsField(String field, String what) {
		String bad = switch (what) {
			case "NUL" -> "A\u0000B";
			case "U+0001" -> "A\u0001B";
			case "U+001F" -> "A\u001FB";
			case "DEL" -> "A\u007FB";
			default -> "A\uD83DB";
		};
		Validation validation = this.validator
			.validate(List.of(at(0, with("externalId", "ROW-0")), at(1, with(field, bad))));
		assertThat(validation.valid()).isFalse();
		assertThat(validation.violations()).singleElement().satisfies((violation) -> {
			assertThat(violation.index()).isEqualTo(1);
			assertThat(violation.field()).isEqualTo(field);
			assertThat(violation.message()).containsAnyOf("control character", "Unicode");
		});
	}

	@Test
	void reportsLineZeroForASingleEntry() {
		assertThat(refused(with("hours", "0"), "hours")).extracting(Violation::index, Violation::line)
			.containsExactly(0, 0);
	}

	// limits

	@Test
	void defaultLimitsAreFiveHundredCharactersFromTwoThousandToTomorrow() {
		assertThat(EntryLimits.DEFAULTS).isEqualTo(new EntryLimits(500, LocalDate.of(2000, 1, 1), 1));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2000 })
	void limitsAcceptNoteLengthsUpToTheCeiling(int length) {
		assertThat(new EntryLimits(length, LocalDate.of(2000, 1, 1), 0).maxNoteLength()).isEqualTo(length);
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 2001, Integer.MAX_VALUE })
	void limitsRejectNoteLengthsOutsideZeroToCeiling(int length) {
		assertThatIllegalArgumentException().isThrownBy(() -> new EntryLimits(length, LocalDate.of(2000, 1, 1), 1))
			.withMessageContaining("maxNoteLength");
	}

	@Test
	void limitsRequireEarliestWorkDate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EntryLimits(500, null, 1))
			.withMessageContaining("earliestWorkDate");
	}

	@Test
	void limitsRejectNegativeDaysAhead() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EntryLimits(500, LocalDate.of(2000, 1, 1), -1))
			.withMessageContaining("maxDaysAhead");
	}

	@Test
	void validatorRequiresLimitsAndClock() {
		assertThatNullPointerException().isThrownBy(() -> new EntryValidator(null, CLOCK));
		assertThatNullPointerException().isThrownBy(() -> new EntryValidator(EntryLimits.DEFAULTS, null));
	}

}
