package com.exampleco.timesheets.events.entry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.exampleco.timesheets.events.entry.EntryReader.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.tuple;

class EntryReaderTests {

	private static final String ENTRY = "{\"externalId\":\"%s\",\"employeeId\":\"EMP-1\",\"projectCode\":\"PRJ-1\","
			+ "\"workDate\":\"2026-03-02\",\"hours\":7.5}";

	private static final RawEntry ROW_1 = new RawEntry("ROW-1", "EMP-1", "PRJ-1", "2026-03-02", "7.5", null);

	private final EntryReader reader = new EntryReader();

	private Result read(EntryFormat format, String text) {
		return this.reader.read(format, text.getBytes(StandardCharsets.UTF_8));
	}

	private static String entry(String externalId) {
		return ENTRY.formatted(externalId);
	}

	// JSON array

	@Test
	void readsJsonArray() {
		Result result = read(EntryFormat.JSON_ARRAY, """
				[
				  {"externalId":"ROW-1","employeeId":"EMP-1","projectCode":"PRJ-1","workDate":"2026-03-02","hours":7.5},
				  {"externalId":"ROW-2","employeeId":"EMP-2","projectCode":"PRJ-2","workDate":"2026-03-03","hours":"8",
				   "note":"Grüße, \\"quoted\\"\\nsecond line"}
				]
				""");
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).extracting(SourcedEntry::index, SourcedEntry::raw)
			.containsExactly(tuple(0, ROW_1), tuple(1,
					new RawEntry("ROW-2", "EMP-2", "PRJ-2", "2026-03-03", "8", "Grüße, \"quoted\"\nsecond line")));
	}

	@Test
	void readsEmptyJsonArrayAsEmptyBatch() {
		Result result = read(EntryFormat.JSON_ARRAY, " [ ] ");
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "7.5", "7.50", "\"7.5\"", "\"7.50\"", "75e-1" })
	void readsHoursAsNumberOrString(String hours) {
		Result result = read(EntryFormat.JSON_ARRAY, "[{\"hours\":" + hours + "}]");
		assertThat(result.violations()).isEmpty();
		assertThat(new BigDecimal(result.entries().get(0).raw().hours())).isEqualByComparingTo("7.5");
	}

	@Test
	void readsWholeHoursAsPlainText() {
		Result result = read(EntryFormat.JSON_ARRAY, "[{\"hours\":8},{\"hours\":1e1},{\"hours\":24.00}]");
		assertThat(result.entries()).extracting((entry) -> entry.raw().hours())
			.allSatisfy((hours) -> assertThat(hours).matches("[0-9]+(\\.[0-9]+)?"));
	}

	@Test
	void readsHugeExponentQuicklyAndTheValidatorRefusesIt() {
		Result result = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> read(EntryFormat.JSON_ARRAY, "[{\"hours\":1e999999999},{\"hours\":1e-999999999}]"));
		assertThat(result.violations()).isEmpty();
		EntryValidator.Validation validation = EntryValidator.withDefaults().validate(result.entries());
		assertThat(validation.violations()).filteredOn((violation) -> "hours".equals(violation.field()))
			.extracting(Violation::index)
			.containsExactly(0, 1);
	}

	@Test
	void treatsJsonNullAsAbsent() {
		Result result = read(EntryFormat.JSON_ARRAY, "[{\"externalId\":\"ROW-1\",\"note\":null}]");
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries().get(0).raw()).isEqualTo(new RawEntry("ROW-1", null, null, null, null, null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"externalId\":\"ROW-1\"}", "\"entries\"", "42", "null" })
	void rejectsJsonThatIsNotAnArray(String json) {
		Result result = read(EntryFormat.JSON_ARRAY, json);
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).singleElement().satisfies((violation) -> {
			assertThat(violation.index()).isEqualTo(-1);
			assertThat(violation.message()).contains("JSON array");
		});
	}

	@Test
	void rejectsArrayElementsThatAreNotObjectsAndReadsTheOthers() {
		Result result = read(EntryFormat.JSON_ARRAY, "[1, " + entry("ROW-1") + ", [], \"x\", null]");
		assertThat(result.violations()).extracting(Violation::index, Violation::field, Violation::message)
			.containsExactly(tuple(0, null, "expected a JSON object"), tuple(2, null, "expected a JSON object"),
					tuple(3, null, "expected a JSON object"), tuple(4, null, "expected a JSON object"));
		assertThat(result.entries()).extracting(SourcedEntry::index, SourcedEntry::raw)
			.containsExactly(tuple(1, ROW_1));
	}

	@Test
	void rejectsUnknownFields() {
		Result result = read(EntryFormat.JSON_ARRAY,
				"[" + entry("ROW-1") + ",{\"externalId\":\"ROW-2\",\"status\":\"APPROVED\",\"Hours\":1}]");
		assertThat(result.violations()).extracting(Violation::index, Violation::field, Violation::message)
			.containsExactly(tuple(1, "status", "unknown field"), tuple(1, "Hours", "unknown field"));
		assertThat(result.entries()).extracting(SourcedEntry::index).containsExactly(0);
	}

	@Test
	void rejectsFieldsOfTheWrongType() {
		Result result = read(EntryFormat.JSON_ARRAY,
				"[{\"externalId\":42,\"employeeId\":[\"E\"],\"projectCode\":{},\"workDate\":20260302,"
						+ "\"hours\":true,\"note\":false}]");
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).extracting(Violation::index, Violation::field, Violation::message)
			.containsExactly(tuple(0, "externalId", "must be a string"), tuple(0, "employeeId", "must be a string"),
					tuple(0, "projectCode", "must be a string"), tuple(0, "workDate", "must be a string"),
					tuple(0, "hours", "must be a number or a string"), tuple(0, "note", "must be a string"));
	}

	@Test
	void reportsMalformedJsonWithItsLine() {
		Result result = read(EntryFormat.JSON_ARRAY, "[\n" + entry("ROW-1") + ",\n{\"externalId\": \"ROW-2\",}\n]");
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).singleElement().satisfies((violation) -> {
			assertThat(violation.index()).isEqualTo(-1);
			assertThat(violation.line()).isEqualTo(3);
			assertThat(violation.message()).startsWith("malformed JSON");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "[", "[{]", "[] []", "[{\"externalId\":\"A\",\"externalId\":\"B\"}]", "{'a':1}" })
	void rejectsMalformedJson(String json) {
		Result result = read(EntryFormat.JSON_ARRAY, json);
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.index()).isEqualTo(-1));
	}

	@Test
	void rejectsDuplicateKeysAsMalformed() {
		Result result = read(EntryFormat.JSON_ARRAY, "[{\"hours\":\"8\",\"hours\":\"30\"}]");
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.message()).startsWith("malformed JSON").contains("hours"));
	}

	// NDJSON

	@Test
	void readsNdjsonSkippingBlankLines() {
		Result result = read(EntryFormat.NDJSON, "\n" + entry("ROW-1") + "\n\n   \n" + entry("ROW-2") + "\n");
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).extracting(SourcedEntry::index, SourcedEntry::line, (e) -> e.raw().externalId())
			.containsExactly(tuple(0, 2, "ROW-1"), tuple(1, 5, "ROW-2"));
	}

	@Test
	void readsNdjsonWithCrlfLineEnds() {
		Result result = read(EntryFormat.NDJSON,
				entry("ROW-1") + "\r\n" + entry("ROW-2") + "\r\n\r\n" + entry("ROW-3"));
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).extracting(SourcedEntry::line, (e) -> e.raw().externalId())
			.containsExactly(tuple(1, "ROW-1"), tuple(2, "ROW-2"), tuple(4, "ROW-3"));
	}

	@Test
	void reportsBadNdjsonLinesByLineNumberAndReadsTheOthers() {
		Result result = read(EntryFormat.NDJSON, entry("ROW-1") + "\n{\"externalId\":\n\n[1]\n" + entry("ROW-2") + " "
				+ entry("ROW-3") + "\n" + "{\"status\":\"x\"}\n" + entry("ROW-4"));
		assertThat(result.violations()).extracting(Violation::index, Violation::line, Violation::field)
			.containsExactly(tuple(1, 2, null), tuple(2, 4, null), tuple(3, 5, null), tuple(4, 6, "status"));
		assertThat(result.violations().get(0).message()).startsWith("malformed JSON");
		assertThat(result.violations().get(1).message()).isEqualTo("expected a JSON object");
		assertThat(result.entries()).extracting(SourcedEntry::index, SourcedEntry::line, (e) -> e.raw().externalId())
			.containsExactly(tuple(0, 1, "ROW-1"), tuple(5, 7, "ROW-4"));
	}

	@Test
	void readsEmptyNdjsonAsEmptyBatch() {
		Result result = read(EntryFormat.NDJSON, "\n\n");
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).isEmpty();
	}

	// CSV

	@Test
	void readsCsv() {
		Result result = read(EntryFormat.CSV, """
				external_id,employee_id,project_code,work_date,hours,note
				ROW-1,EMP-1,PRJ-1,2026-03-02,7.5,
				ROW-2,EMP-2,PRJ-2,2026-03-03,8,Design review
				""");
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).extracting(SourcedEntry::index, SourcedEntry::line, SourcedEntry::raw)
			.containsExactly(tuple(0, 2, ROW_1),
					tuple(1, 3, new RawEntry("ROW-2", "EMP-2", "PRJ-2", "2026-03-03", "8", "Design review")));
	}

	@Test
	void readsCsvColumnsInAnyOrder() {
		Result result = read(EntryFormat.CSV, """
				note,hours, work_date ,project_code,employee_id,external_id
				Review,7.5,2026-03-02,PRJ-1,EMP-1,ROW-1
				""");
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).extracting(SourcedEntry::raw)
			.containsExactly(new RawEntry("ROW-1", "EMP-1", "PRJ-1", "2026-03-02", "7.5", "Review"));
	}

	@Test
	void readsCsvWithoutNoteColumn() {
		Result result = read(EntryFormat.CSV,
				"external_id,employee_id,project_code,work_date,hours\n" + "ROW-1,EMP-1,PRJ-1,2026-03-02,7.5\n");
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).extracting(SourcedEntry::raw).containsExactly(ROW_1);
	}

	@Test
	void readsEmptyCsvFieldsAsAbsent() {
		Result result = read(EntryFormat.CSV, "external_id,employee_id,project_code,work_date,hours,note\n,,,,,\n");
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).extracting(SourcedEntry::raw)
			.containsExactly(new RawEntry(null, null, null, null, null, null));
	}

	@Test
	void readsQuotedFieldsWithCommasAndDoubledQuotes() {
		Result result = read(EntryFormat.CSV, """
				external_id,employee_id,project_code,work_date,hours,note
				"ROW,1",EMP-1,PRJ-1,2026-03-02,"7.5","She said ""hi"", then left"
				""");
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).extracting(SourcedEntry::raw)
			.containsExactly(
					new RawEntry("ROW,1", "EMP-1", "PRJ-1", "2026-03-02", "7.5", "She said \"hi\", then left"));
	}

	@Test
	void keepsLineNumbersRightAfterNewlinesInsideQuotes() {
		Result result = read(EntryFormat.CSV, """
				external_id,employee_id,project_code,work_date,hours,note
				ROW-1,EMP-1,PRJ-1,2026-03-02,7.5,"first line
				second line
				third line"
				ROW-2,EMP-1,PRJ-1,2026-03-02,8,
				ROW-3,EMP-1,PRJ-1,2026-03-02
				ROW-4,EMP-1,PRJ-1,2026-03-02,8,"x"
				""");
		assertThat(result.entries()).extracting(SourcedEntry::index, SourcedEntry::line, (e) -> e.raw().externalId())
			.containsExactly(tuple(0, 2, "ROW-1"), tuple(1, 5, "ROW-2"), tuple(3, 7, "ROW-4"));
		assertThat(result.entries().get(0).raw().note()).isEqualTo("first line\nsecond line\nthird line");
		assertThat(result.violations()).extracting(Violation::index, Violation::line, Violation::message)
			.containsExactly(tuple(2, 6, "expected 6 fields, found 4"));
	}

	@Test
	void readsCsvWithCrlfLineEnds() {
		Result result = read(EntryFormat.CSV,
				"external_id,employee_id,project_code,work_date,hours,note\r\n"
						+ "ROW-1,EMP-1,PRJ-1,2026-03-02,7.5,a\r\n" + "ROW-2,EMP-1,PRJ-1,2026-03-02,8,\"b\r\nc\"\r\n"
						+ "ROW-3,EMP-1,PRJ-1,2026-03-02,8,d\r\n");
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).extracting(SourcedEntry::line, (e) -> e.raw().note())
			.containsExactly(tuple(2, "a"), tuple(3, "b\r\nc"), tuple(5, "d"));
	}

	@Test
	void ignoresUtf8ByteOrderMark() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] csv = "external_id,employee_id,project_code,work_date,hours\nROW-1,EMP-1,PRJ-1,2026-03-02,7.5\n"
			.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[bom.length + csv.length];
		System.arraycopy(bom, 0, bytes, 0, bom.length);
		System.arraycopy(csv, 0, bytes, bom.length, csv.length);
		Result result = this.reader.read(EntryFormat.CSV, bytes);
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).extracting(SourcedEntry::raw).containsExactly(ROW_1);
	}

	@Test
	void ignoresByteOrderMarkInJson() {
		Result result = read(EntryFormat.NDJSON, "\uFEFF" + entry("ROW-1"));
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).hasSize(1);
	}

	@Test
	void skipsBlankCsvLines() {
		Result result = read(EntryFormat.CSV, "\n\nexternal_id,employee_id,project_code,work_date,hours\n\n"
				+ "ROW-1,EMP-1,PRJ-1,2026-03-02,7.5\n   \n\nROW-2,EMP-1,PRJ-1,2026-03-02,8\n\n");
		assertThat(result.violations()).isEmpty();
		assertThat(result.entries()).extracting(SourcedEntry::index, SourcedEntry::line)
			.containsExactly(tuple(0, 5), tuple(1, 8));
	}

	@Test
	void readsLastCsvRowWithoutLineEnd() {
		Result result = read(EntryFormat.CSV,
				"external_id,employee_id,project_code,work_date,hours\nROW-1,EMP-1,PRJ-1,2026-03-02,7.5");
		assertThat(result.entries()).extracting(SourcedEntry::raw).containsExactly(ROW_1);
	}

	@Test
	void readsHeaderOnlyCsvAsEmptyBatch() {
		Result result = read(EntryFormat.CSV, "external_id,employee_id,project_code,work_date,hours,note\n");
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).isEmpty();
	}

	@Test
	void rejectsCsvMissingRequiredColumns() {
		Result result = read(EntryFormat.CSV, "external_id,project_code,work_date,note\nROW-1,PRJ-1,2026-03-02,n\n");
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).extracting(Violation::index, Violation::line, Violation::message)
			.containsExactly(tuple(-1, 1, "missing CSV column 'employee_id'"),
					tuple(-1, 1, "missing CSV column 'hours'"));
	}

	@Test
	void rejectsUnknownCsvColumn() {
		Result result = read(EntryFormat.CSV, "external_id,employee_id,project_code,work_date,hours,status\n"
				+ "ROW-1,EMP-1,PRJ-1,2026-03-02,7.5,APPROVED\n");
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).extracting(Violation::message).containsExactly("unknown CSV column 'status'");
	}

	@Test
	void rejectsCsvColumnNamesInOtherCase() {
		Result result = read(EntryFormat.CSV, "External_Id,employee_id,project_code,work_date,hours\n");
		assertThat(result.violations()).extracting(Violation::message)
			.containsExactly("unknown CSV column 'External_Id'", "missing CSV column 'external_id'");
	}

	@Test
	void rejectsDuplicateCsvColumn() {
		Result result = read(EntryFormat.CSV, "external_id,employee_id,project_code,work_date,hours,hours\n"
				+ "ROW-1,EMP-1,PRJ-1,2026-03-02,7.5,8\n");
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).extracting(Violation::message)
			.containsExactly("CSV column 'hours' appears twice");
	}

	@Test
	void rejectsRowsWithWrongFieldCountAndReadsTheOthers() {
		Result result = read(EntryFormat.CSV, """
				external_id,employee_id,project_code,work_date,hours
				ROW-1,EMP-1,PRJ-1,2026-03-02,7.5
				ROW-2,EMP-1,PRJ-1,2026-03-02,7.5,extra
				ROW-3,EMP-1
				ROW-4,EMP-1,PRJ-1,2026-03-02,8
				""");
		assertThat(result.violations())
			.extracting(Violation::index, Violation::line, Violation::field, Violation::message)
			.containsExactly(tuple(1, 3, null, "expected 5 fields, found 6"),
					tuple(2, 4, null, "expected 5 fields, found 2"));
		assertThat(result.entries()).extracting(SourcedEntry::index, SourcedEntry::line)
			.containsExactly(tuple(0, 2), tuple(3, 5));
	}

	@Test
	void rejectsUnclosedQuote() {
		Result result = read(EntryFormat.CSV, "external_id,employee_id,project_code,work_date,hours,note\n"
				+ "ROW-1,EMP-1,PRJ-1,2026-03-02,7.5,\"never closed\nROW-2,EMP-1,PRJ-1,2026-03-02,8,\n");
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).singleElement().satisfies((violation) -> {
			assertThat(violation.index()).isEqualTo(0);
			assertThat(violation.line()).isEqualTo(2);
			assertThat(violation.message()).contains("not closed");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "ROW\"1,EMP-1,PRJ-1,2026-03-02,7.5", "\"ROW-1\"x,EMP-1,PRJ-1,2026-03-02,7.5",
			"\"ROW-1\" ,EMP-1,PRJ-1,2026-03-02,7.5" })
	void rejectsStrayQuotes(String row) {
		Result result = read(EntryFormat.CSV, "external_id,employee_id,project_code,work_date,hours\n" + row + "\n"
				+ "ROW-2,EMP-1,PRJ-1,2026-03-02,8\n");
		assertThat(result.violations()).extracting(Violation::index, Violation::line).containsExactly(tuple(0, 2));
		assertThat(result.entries()).extracting(SourcedEntry::index, SourcedEntry::line).containsExactly(tuple(1, 3));
	}

	@Test
	void rejectsMalformedHeader() {
		Result result = read(EntryFormat.CSV, "external_id,\"employee_id\nROW-1\n");
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.index()).isEqualTo(-1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "\n", "\r\n\r\n", "  \n" })
	void rejectsCsvWithoutHeader(String text) {
		Result result = read(EntryFormat.CSV, text);
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.message()).startsWith("empty CSV"));
	}

	@ParameterizedTest
	@EnumSource(EntryFormat.class)
	void rejectsInvalidUtf8(EntryFormat format) {
		byte[] bytes = { 'a', (byte) 0xC3, (byte) 0x28, '\n' };
		Result result = this.reader.read(format, bytes);
		assertThat(result.entries()).isEmpty();
		assertThat(result.violations()).containsExactly(Violation.malformed(-1, 0, "input is not valid UTF-8"));
	}

	@ParameterizedTest
	@EnumSource(EntryFormat.class)
	void rejectsLatin1Text(EntryFormat format) {
		byte[] bytes = "external_id\nGr\u00fc\u00dfe".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(this.reader.read(format, bytes).violations()).extracting(Violation::message)
			.containsExactly("input is not valid UTF-8");
	}

	/**
	 * Unreadable input (RFC 9110 "malformed syntax", 400 at the API) against well-formed
	 * input that breaks a rule (422): every violation of a result has the expected kind.
	 */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			JSON_ARRAY | [{"externalId": | MALFORMED
			JSON_ARRAY | [] [] | MALFORMED
			JSON_ARRAY | '' | MALFORMED
			JSON_ARRAY | [{"note":"a","note":"b"}] | MALFORMED
			JSON_ARRAY | {"externalId":"a"} | INVALID
			JSON_ARRAY | ["a"] | INVALID
			JSON_ARRAY | [{"status":"APPROVED"}] | INVALID
			JSON_ARRAY | [{"hours":true}] | INVALID
			NDJSON | {"externalId": | MALFORMED
			NDJSON | [] | INVALID
			NDJSON | {"status":"x"} | INVALID
			CSV | external_id,"employee_id | MALFORMED
			CSV | id,who | INVALID
			CSV | external_id,employee_id,project_code,work_date,hours,hours | INVALID
			""")
	void tellsMalformedFromInvalidInput(EntryFormat format, String text, Violation.Kind kind) {
		Result result = this.reader.read(format, text.getBytes(StandardCharsets.UTF_8));
		assertThat(result.violations()).isNotEmpty()
			.allSatisfy((violation) -> assertThat(violation.kind()).isEqualTo(kind));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "r1,E1,P,2026-03-02,8", "r1,E1,P,2026-03-02,8,n,extra", "r1,E1,P,2026-03-02,8,\"open",
			"r1,E1,P,2026-03-02,8,say \"hi\"", "r1,E1,P,2026-03-02,8,\"hi\"there" })
	void readsCsvFramingErrorsAsMalformed(String row) {
		String csv = String.join(",", EntryReader.CSV_COLUMNS) + "\n" + row + "\n";
		Result result = this.reader.read(EntryFormat.CSV, csv.getBytes(StandardCharsets.UTF_8));
		assertThat(result.violations()).singleElement().satisfies((violation) -> {
			assertThat(violation.isMalformed()).isTrue();
			assertThat(violation.index()).isZero();
			assertThat(violation.line()).isEqualTo(2);
		});
	}

	@Test
	void keepsInvalidAsTheDefaultKind() {
		assertThat(new Violation(0, 1, "hours", "must be at most 24").kind()).isEqualTo(Violation.Kind.INVALID);
		assertThat(Violation.ofInput(1, "missing CSV column 'hours'").isMalformed()).isFalse();
	}

}
