package com.exampleco.timesheets.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.exampleco.timesheets.events.TimesheetEntry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeerRecordsTests {

	private final Payloads payloads = new Payloads("test");

	@Test
	void rowIsAFlatStructOfTheTimesheetsColumnsAsJsonConverterWithSchemasReadsIt() {
		UUID batch = UUID.randomUUID();
		Instant at = Instant.parse("2026-11-30T10:15:30.123Z");
		ProducerRecord<String, byte[]> record = PeerRecords.row("peer", this.payloads, 7, batch, at);
		TimesheetEntry entry = this.payloads.entry("prefill", 7);

		SchemaAndValue data = converter().toConnectData("peer", record.value());

		Struct row = (Struct) data.value();
		row.validate();
		assertThat(record.key()).isEqualTo(this.payloads.timesheetId("prefill", 7).toString());
		assertThat(row.getString("timesheet_id")).isEqualTo(record.key());
		assertThat(row.getString("external_id")).isEqualTo(entry.externalId());
		assertThat(row.getString("employee_id")).isEqualTo(entry.employeeId());
		assertThat(row.getString("project_code")).isEqualTo(entry.projectCode());
		assertThat(row.get("work_date")).isEqualTo(new java.util.Date(entry.workDate().toEpochDay() * 86_400_000L));
		assertThat(row.get("hours")).isEqualTo(entry.hours().setScale(2));
		assertThat(row.getString("note")).isEqualTo(entry.note());
		assertThat(row.getString("status")).isEqualTo("SUBMITTED");
		assertThat(row.getInt64("version")).isEqualTo(1L);
		assertThat(row.getString("last_batch_id")).isEqualTo(batch.toString());
		assertThat(row.getString("submitted_at")).isEqualTo("2026-11-30T10:15:30.123Z");
		assertThat(row.getString("submitted_client")).isEqualTo(Payloads.CLIENT_ID);
		assertThat(row.schema().fields()).hasSize(15);
	}

	@Test
	void typesEachFieldForItsPostgresColumn() {
		Schema schema = converter()
			.toConnectData("peer", PeerRecords.row("peer", this.payloads, 1, UUID.randomUUID(), Instant.now()).value())
			.schema();
		assertThat(schema.field("timesheet_id").schema().name()).isEqualTo("io.debezium.data.Uuid");
		assertThat(schema.field("last_event_id").schema().name()).isEqualTo("io.debezium.data.Uuid");
		assertThat(schema.field("work_date").schema().name()).isEqualTo(Date.LOGICAL_NAME);
		assertThat(schema.field("hours").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
		assertThat(schema.field("hours").schema().parameters()).containsEntry(Decimal.SCALE_FIELD, "2");
		assertThat(schema.field("updated_at").schema().name()).isEqualTo("io.debezium.time.ZonedTimestamp");
		assertThat(schema.field("note").schema().isOptional()).isTrue();
		assertThat(schema.field("employee_id").schema().isOptional()).isFalse();
	}

	@Test
	void escapesQuotesBackslashesAndControlCharactersOfText() {
		TimesheetEntry entry = new TimesheetEntry("x\"1", "E0001", "PRJ-1", java.time.LocalDate.of(2026, 1, 2),
				new BigDecimal("7.50"), "a \\ b\nc");
		String value = PeerRecords.value(UUID.randomUUID(), entry, UUID.randomUUID(), UUID.randomUUID(), Instant.now());
		Struct row = (Struct) converter().toConnectData("peer", value.getBytes(StandardCharsets.UTF_8)).value();
		assertThat(row.getString("external_id")).isEqualTo("x\"1");
		assertThat(row.getString("note")).isEqualTo("a \\ b\nc");
		assertThat(row.get("hours")).isEqualTo(new BigDecimal("7.50"));
	}

	private static JsonConverter converter() {
		JsonConverter converter = new JsonConverter();
		converter.configure(Map.of("schemas.enable", "true"), false);
		return converter;
	}

}
