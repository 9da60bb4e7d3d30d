package com.exampleco.timesheets.events.entry;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EntryFormatTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "application/json | JSON_ARRAY", "application/json; charset=UTF-8 | JSON_ARRAY",
					"Application/JSON;charset=utf-8 | JSON_ARRAY", "application/x-ndjson | NDJSON",
					"APPLICATION/X-NDJSON ; charset=utf-8 | NDJSON", "text/csv | CSV",
					"text/csv;charset=UTF-8;header=present | CSV", "'  Text/CSV  ' | CSV" })
	void recognisesMediaTypesWithParametersInAnyCase(String mediaType, EntryFormat expected) {
		assertThat(EntryFormat.ofMediaType(mediaType)).contains(expected);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "text/plain", "application/xml", "application/json-patch+json", "application/jsonl",
			"text/csvx", "json", "csv", ";charset=utf-8", "multipart/form-data; boundary=x" })
	void recognisesNoOtherMediaType(String mediaType) {
		assertThat(EntryFormat.ofMediaType(mediaType)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "entries.json, JSON_ARRAY", "ENTRIES.JSON, JSON_ARRAY", "march.ndjson, NDJSON",
			"export.2026-03.csv, CSV", "Export.CSV, CSV", "/tmp/dir.json/a.csv, CSV" })
	void recognisesFileExtensionsInAnyCase(String fileName, EntryFormat expected) {
		assertThat(EntryFormat.ofFileName(fileName)).contains(expected);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(
			strings = { "entries.txt", "entries.csv.bak", "csv", "json", "entries.jsonl", "entries.xlsx", "entries" })
	void recognisesNoOtherFileName(String fileName) {
		assertThat(EntryFormat.ofFileName(fileName)).isEmpty();
	}

	@Test
	void namesItsMediaTypes() {
		assertThat(EntryFormat.JSON_ARRAY.mediaType()).isEqualTo("application/json");
		assertThat(EntryFormat.NDJSON.mediaType()).isEqualTo("application/x-ndjson");
		assertThat(EntryFormat.CSV.mediaType()).isEqualTo("text/csv");
	}

	@Test
	void everyMediaTypeMapsBackToItsFormat() {
		for (EntryFormat format : EntryFormat.values()) {
			assertThat(EntryFormat.ofMediaType(format.mediaType())).isEqualTo(Optional.of(format));
		}
	}

}
