package com.exampleco.timesheets.events;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

class CloudEventHeadersTests {

	private static final String SOURCE = "/timesheets/ingest-api";

	@ParameterizedTest
	@CsvSource({ "TimesheetSubmitted, timesheet-submitted", "TimesheetApproved, timesheet-approved",
			"TimesheetRejected, timesheet-rejected", "TimesheetDeleted, timesheet-deleted" })
	void carriesEveryHeaderForEachEventType(String typeName, String schemaName) {
		TimesheetEvent event = SampleEvents.full()
			.stream()
			.filter((e) -> e.eventType().jsonName().equals(typeName))
			.findFirst()
			.orElseThrow();
		Map<String, String> headers = CloudEventHeaders.of(event, SOURCE);
		assertThat(headers).containsExactly(entry("ce_specversion", "1.0"),
				entry("ce_id", "0b5f1f0e-8a1c-5d0e-9a55-1d2f3e4a5b6c"),
				entry("ce_type", "com.exampleco.timesheets." + typeName + ".v1"),
				entry("ce_source", "/timesheets/ingest-api"), entry("ce_time", "2026-03-10T09:15:30.123Z"),
				entry("ce_subject", "9a298b03-6ed7-5962-bb4b-3e3a0f40d8cf"),
				entry("ce_dataschema", "https://timesheets.exampleco.com/schemas/" + schemaName + ".v1.schema.json"),
				entry("content-type", "application/json"));
	}

	@Test
	void headerNamesAreTheKafkaBindingNames() {
		assertThat(CloudEventHeaders.of(SampleEvents.deleted(), SOURCE)).containsOnlyKeys(CloudEventHeaders.SPECVERSION,
				CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE, CloudEventHeaders.TIME,
				CloudEventHeaders.SUBJECT, CloudEventHeaders.DATASCHEMA, CloudEventHeaders.CONTENT_TYPE);
	}

	@Test
	void dataSchemaNamesASchemaShippedInThisJar() {
		String dataSchema = CloudEventHeaders.of(SampleEvents.submitted(), SOURCE).get(CloudEventHeaders.DATASCHEMA);
		String resource = dataSchema.substring(CloudEventHeaders.SCHEMA_BASE_URI.length());
		assertThat(getClass().getClassLoader().getResource(resource)).isNotNull();
	}

	@Test
	void timeIsInUtcWithoutFractionWhenWhole() {
		TimesheetDeleted event = new TimesheetDeleted(SampleEvents.EVENT_ID, SampleEvents.TIMESHEET_ID,
				SampleEvents.BATCH_ID, Instant.parse("2026-03-10T10:00:00+01:00"), SampleEvents.MACHINE, 1);
		assertThat(CloudEventHeaders.of(event, SOURCE)).containsEntry(CloudEventHeaders.TIME, "2026-03-10T09:00:00Z");
	}

	@Test
	void headersAreUnmodifiable() {
		Map<String, String> headers = CloudEventHeaders.of(SampleEvents.deleted(), SOURCE);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> headers.put("ce_extra", "x"));
	}

	@Test
	void requiresEventAndSource() {
		assertThatNullPointerException().isThrownBy(() -> CloudEventHeaders.of(null, SOURCE));
		assertThatNullPointerException().isThrownBy(() -> CloudEventHeaders.of(SampleEvents.deleted(), null));
	}

}
