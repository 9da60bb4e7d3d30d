package com.exampleco.timesheets.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.exampleco.timesheets.events.TimesheetEntry;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The peer's input: the same rows the processor's pre-filled submissions carry, in the
 * form the Debezium JDBC sink can map — a flat record with a schema. The processor's
 * events cannot be consumed as they are: they are schemaless JSON (the sink refuses
 * records without a value schema) and nested ({@code entry}, {@code actor}). So the peer
 * reads a topic of its own, filled with Kafka's {@code JsonConverter} envelope
 * ({@code {"schema": …, "payload": …}}, {@code schemas.enable=true}): one flat struct per
 * row whose fields are the {@code timesheets} columns the processor writes for a new
 * submission, typed with Connect's and Debezium's logical types ({@code Date},
 * {@code Decimal}, {@code io.debezium.data.Uuid},
 * {@code io.debezium.time.ZonedTimestamp}) so that each binds to its PostgreSQL column
 * type. The key is the timesheet id as a plain string, as in the processor's topic.
 */
final class PeerRecords {

	/** The value schema of every record, as JsonConverter reads it. */
	static final String SCHEMA = """
			{"type":"struct","name":"timesheets.row","optional":false,"fields":[\
			{"field":"timesheet_id","type":"string","optional":false,"name":"io.debezium.data.Uuid","version":1},\
			{"field":"external_id","type":"string","optional":false},\
			{"field":"employee_id","type":"string","optional":false},\
			{"field":"project_code","type":"string","optional":false},\
			{"field":"work_date","type":"int32","optional":false,"name":"org.apache.kafka.connect.data.Date","version":1},\
			{"field":"hours","type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,\
			"parameters":{"scale":"2","connect.decimal.precision":"4"}},\
			{"field":"note","type":"string","optional":true},\
			{"field":"status","type":"string","optional":false},\
			{"field":"version","type":"int64","optional":false},\
			{"field":"last_event_id","type":"string","optional":false,"name":"io.debezium.data.Uuid","version":1},\
			{"field":"last_batch_id","type":"string","optional":false,"name":"io.debezium.data.Uuid","version":1},\
			{"field":"submitted_at","type":"string","optional":false,"name":"io.debezium.time.ZonedTimestamp","version":1},\
			{"field":"submitted_by","type":"string","optional":false},\
			{"field":"submitted_client","type":"string","optional":false},\
			{"field":"updated_at","type":"string","optional":false,"name":"io.debezium.time.ZonedTimestamp","version":1}]}""";

	private PeerRecords() {
	}

	/**
	 * The row of pre-filled submission {@code seq} (the processor's phase
	 * {@code "prefill"}) as the peer's record.
	 * @param topic the peer's topic
	 * @param payloads the run's payloads
	 * @param seq the submission's sequence number
	 * @param batchId the pre-fill's batch id
	 * @param at the submission time
	 * @return the record, key = the timesheet id
	 */
	static ProducerRecord<String, byte[]> row(String topic, Payloads payloads, long seq, UUID batchId, Instant at) {
		UUID timesheetId = payloads.timesheetId("prefill", seq);
		return new ProducerRecord<>(topic, timesheetId.toString(),
				value(timesheetId, payloads.entry("prefill", seq), UUID.randomUUID(), batchId, at)
					.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The JsonConverter envelope of one row: what the processor stores for a new
	 * submission (status {@code SUBMITTED}, version 1, submitted and updated now, by the
	 * uploader client).
	 */
	static String value(UUID timesheetId, TimesheetEntry entry, UUID eventId, UUID batchId, Instant at) {
		StringBuilder json = new StringBuilder(SCHEMA.length() + 600);
		json.append("{\"schema\":").append(SCHEMA).append(",\"payload\":{");
		field(json, "timesheet_id", timesheetId.toString()).append(',');
		field(json, "external_id", entry.externalId()).append(',');
		field(json, "employee_id", entry.employeeId()).append(',');
		field(json, "project_code", entry.projectCode()).append(',');
		json.append("\"work_date\":").append(entry.workDate().toEpochDay()).append(',');
		json.append("\"hours\":").append(entry.hours().setScale(2).toPlainString()).append(',');
		if (entry.note() != null) {
			field(json, "note", entry.note()).append(',');
		}
		field(json, "status", "SUBMITTED").append(',');
		json.append("\"version\":1,");
		field(json, "last_event_id", eventId.toString()).append(',');
		field(json, "last_batch_id", batchId.toString()).append(',');
		field(json, "submitted_at", at.toString()).append(',');
		field(json, "submitted_by", Payloads.CLIENT_ID).append(',');
		field(json, "submitted_client", Payloads.CLIENT_ID).append(',');
		field(json, "updated_at", at.toString());
		return json.append("}}").toString();
	}

	private static StringBuilder field(StringBuilder json, String name, String value) {
		json.append('"').append(name).append("\":\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"');
	}

}
