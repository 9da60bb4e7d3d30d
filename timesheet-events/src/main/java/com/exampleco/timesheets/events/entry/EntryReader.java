package com.exampleco.timesheets.events.entry;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the entries of a batch from its bytes in any {@link EntryFormat}, reporting every
 * problem of form (not JSON, unknown field, wrong CSV column count, …) as a
 * {@link Violation} instead of failing on the first. Input that cannot be read in its
 * format (not UTF-8, not JSON, an NDJSON line that is not JSON, broken CSV framing
 * including a row whose field count differs from the header's) is
 * {@link Violation.Kind#MALFORMED}; everything else is {@link Violation.Kind#INVALID}.
 * Input must be UTF-8; a leading byte order mark is ignored, as are blank lines.
 * Thread-safe.
 */
public final class EntryReader {

	/** The CSV header columns in their expected order. */
	public static final List<String> CSV_COLUMNS = List.of("external_id", "employee_id", "project_code", "work_date",
			"hours", "note");

	private static final List<String> JSON_FIELDS = List.of("externalId", "employeeId", "projectCode", "workDate",
			"hours", "note");

	private static final List<String> REQUIRED_CSV_COLUMNS = List.of("external_id", "employee_id", "project_code",
			"work_date", "hours");

	/**
	 * Beyond this many digits a JSON number is written in scientific notation rather than
	 * expanded (which for {@code 1e999999999} would take gigabytes); the validator
	 * refuses it either way.
	 */
	private static final int MAX_PLAIN_DIGITS = 64;

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * Reads a batch.
	 * @param format the format of the bytes
	 * @param bytes the whole input
	 * @return the entries read and the problems found
	 */
	public Result read(EntryFormat format, byte[] bytes) {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(bytes, "bytes");
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new Result(List.of(), List.of(Violation.malformed(-1, 0, "input is not valid UTF-8")));
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return switch (format) {
			case JSON_ARRAY -> readJsonArray(text);
			case NDJSON -> readNdjson(text);
			case CSV -> readCsv(text);
		};
	}

	private Result readJsonArray(String text) {
		List<SourcedEntry> entries = new ArrayList<>();
		List<Violation> violations = new ArrayList<>();
		JsonNode root;
		try {
			root = this.mapper.readTree(text);
		}
		catch (JacksonException ex) {
			return new Result(List.of(),
					List.of(Violation.malformed(-1, lineOf(ex), "malformed JSON: " + describe(ex))));
		}
		if (root == null || root.isMissingNode()) {
			return new Result(List.of(), List.of(Violation.malformed(-1, 1, "empty body: expected a JSON array")));
		}
		if (!root.isArray()) {
			return new Result(List.of(), List.of(Violation.ofInput(1, "expected a JSON array of entries")));
		}
		for (int index = 0; index < root.size(); index++) {
			SourcedEntry entry = toEntry(root.get(index), index, 0, violations);
			if (entry != null) {
				entries.add(entry);
			}
		}
		return new Result(entries, violations);
	}

	private Result readNdjson(String text) {
		List<SourcedEntry> entries = new ArrayList<>();
		List<Violation> violations = new ArrayList<>();
		String[] lines = text.split("\r?\n", -1);
		int index = 0;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (line.isBlank()) {
				continue;
			}
			int lineNumber = i + 1;
			try {
				SourcedEntry entry = toEntry(this.mapper.readTree(line), index, lineNumber, violations);
				if (entry != null) {
					entries.add(entry);
				}
			}
			catch (JacksonException ex) {
				violations.add(Violation.malformed(index, lineNumber, "malformed JSON: " + describe(ex)));
			}
			index++;
		}
		return new Result(entries, violations);
	}

	private SourcedEntry toEntry(JsonNode node, int index, int line, List<Violation> violations) {
		if (node == null || !node.isObject()) {
			violations.add(new Violation(index, line, null, "expected a JSON object"));
			return null;
		}
		boolean ok = true;
		for (String name : node.propertyNames()) {
			if (!JSON_FIELDS.contains(name)) {
				violations.add(new Violation(index, line, name, "unknown field"));
				ok = false;
			}
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : JSON_FIELDS) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				continue;
			}
			if (value.isString()) {
				values.put(name, value.asString());
			}
			else if (value.isNumber() && name.equals("hours")) {
				values.put(name, numberText(value.decimalValue()));
			}
			else {
				violations.add(new Violation(index, line, name,
						name.equals("hours") ? "must be a number or a string" : "must be a string"));
				ok = false;
			}
		}
		if (!ok) {
			return null;
		}
		return new SourcedEntry(index, line, new RawEntry(values.get("externalId"), values.get("employeeId"),
				values.get("projectCode"), values.get("workDate"), values.get("hours"), values.get("note")));
	}

	private Result readCsv(String text) {
		List<SourcedEntry> entries = new ArrayList<>();
		List<Violation> violations = new ArrayList<>();
		CsvRecords records = new CsvRecords(text);
		CsvRecords.Row header = records.next();
		while (header != null && header.isBlank()) {
			header = records.next();
		}
		if (header == null) {
			return new Result(List.of(),
					List.of(Violation.ofInput(1, "empty CSV: expected the header " + String.join(",", CSV_COLUMNS))));
		}
		if (header.error() != null) {
			return new Result(List.of(), List.of(Violation.malformed(-1, header.line(), header.error())));
		}
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < header.fields().size(); i++) {
			String name = header.fields().get(i).strip();
			if (!CSV_COLUMNS.contains(name)) {
				violations.add(Violation.ofInput(header.line(), "unknown CSV column '" + name + "'"));
			}
			else if (columns.putIfAbsent(name, i) != null) {
				violations.add(Violation.ofInput(header.line(), "CSV column '" + name + "' appears twice"));
			}
		}
		for (String required : REQUIRED_CSV_COLUMNS) {
			if (!columns.containsKey(required)) {
				violations.add(Violation.ofInput(header.line(), "missing CSV column '" + required + "'"));
			}
		}
		if (!violations.isEmpty()) {
			return new Result(List.of(), violations);
		}
		int width = header.fields().size();
		int index = 0;
		for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
			if (row.isBlank()) {
				continue;
			}
			// CSV framing: a row that cannot be split, or splits into another number of
			// fields than the header, cannot be read as an entry (malformed, not invalid)
			if (row.error() != null) {
				violations.add(Violation.malformed(index, row.line(), row.error()));
			}
			else if (row.fields().size() != width) {
				violations.add(Violation.malformed(index, row.line(),
						"expected " + width + " fields, found " + row.fields().size()));
			}
			else {
				entries.add(new SourcedEntry(index, row.line(),
						new RawEntry(column(row, columns, "external_id"), column(row, columns, "employee_id"),
								column(row, columns, "project_code"), column(row, columns, "work_date"),
								column(row, columns, "hours"), column(row, columns, "note"))));
			}
			index++;
		}
		return new Result(entries, violations);
	}

	private static String numberText(BigDecimal number) {
		boolean small = number.precision() <= MAX_PLAIN_DIGITS && Math.abs(number.scale()) <= MAX_PLAIN_DIGITS;
		return small ? number.toPlainString() : number.toString();
	}

	private static String column(CsvRecords.Row row, Map<String, Integer> columns, String name) {
		Integer position = columns.get(name);
		if (position == null) {
			return null;
		}
		String value = row.fields().get(position);
		return value.isEmpty() ? null : value;
	}

	private static int lineOf(JacksonException ex) {
		return (ex.getLocation() != null) ? Math.max(ex.getLocation().getLineNr(), 0) : 0;
	}

	private static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage();
		int cut = message.indexOf('\n');
		message = (cut >= 0) ? message.substring(0, cut) : message;
		return (message.length() > 200) ? message.substring(0, 200) + "…" : message;
	}

	/**
	 * Entries read and problems of form found.
	 *
	 * @param entries the entries that could be read, in input order
	 * @param violations every problem of form; when not empty the batch must be refused
	 */
	public record Result(List<SourcedEntry> entries, List<Violation> violations) {

	}

}
