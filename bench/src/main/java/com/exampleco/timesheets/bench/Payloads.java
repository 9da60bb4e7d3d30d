package com.exampleco.timesheets.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.TimesheetIds;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Realistic entries: ~300 bytes of JSON as posted (1,000 employees, 25 projects, a year
 * of work dates, quarter hours, a note of 120–180 characters), and the submission events
 * the ingest API makes of them. Deterministic per sequence number, so any phase can name
 * the timesheet ids it created.
 */
final class Payloads {

	/** The client id the bench's uploader tokens carry (auth-server's default client). */
	static final String CLIENT_ID = "timesheets-uploader";

	static final int EMPLOYEES = 1000;

	static final int PROJECTS = 25;

	private static final String WORDS = "reviewed the quarterly invoices with the client, fixed the failing import job, "
			+ "paired on the schema migration, wrote the runbook for the night shift and answered support tickets; ";

	private static final LocalDate FIRST_DAY = LocalDate.now().minusDays(400);

	private final TimesheetEventCodec codec = new TimesheetEventCodec();

	private final String run;

	Payloads(String run) {
		this.run = run;
	}

	static String employee(int i) {
		return String.format("E%04d", i % EMPLOYEES);
	}

	String externalId(String phase, long seq) {
		return externalIdPrefix(phase) + seq;
	}

	/** What every external id of a phase starts with. */
	String externalIdPrefix(String phase) {
		return this.run + "-" + phase + "-";
	}

	TimesheetEntry entry(String phase, long seq) {
		int h = (int) Math.floorMod(seq, 32) + 1; // 0.25 .. 8.00
		int noteLength = 120 + (int) Math.floorMod(seq, 61);
		int offset = (int) Math.floorMod(seq, 97);
		String note = (WORDS + WORDS).substring(offset, offset + noteLength);
		return new TimesheetEntry(externalId(phase, seq), employee((int) Math.floorMod(seq * 7919, EMPLOYEES)),
				"PRJ-" + Math.floorMod(seq, PROJECTS), FIRST_DAY.plusDays(Math.floorMod(seq, 365)),
				BigDecimal.valueOf(h * 25, 2), note);
	}

	UUID timesheetId(String phase, long seq) {
		return TimesheetIds.timesheetId(CLIENT_ID, externalId(phase, seq));
	}

	/** The JSON array body of a batch, as the uploader posts it. */
	String batchJson(String phase, long firstSeq, int size) {
		StringBuilder json = new StringBuilder(size * 320);
		json.append('[');
		for (int i = 0; i < size; i++) {
			if (i > 0) {
				json.append(',');
			}
			appendEntry(json, entry(phase, firstSeq + i));
		}
		return json.append(']').toString();
	}

	static void appendEntry(StringBuilder json, TimesheetEntry entry) {
		json.append("{\"externalId\":\"")
			.append(entry.externalId())
			.append("\",\"employeeId\":\"")
			.append(entry.employeeId())
			.append("\",\"projectCode\":\"")
			.append(entry.projectCode())
			.append("\",\"workDate\":\"")
			.append(entry.workDate())
			.append("\",\"hours\":")
			.append(entry.hours().toPlainString())
			.append(",\"note\":\"")
			.append(entry.note())
			.append("\"}");
	}

	int entryBytes() {
		StringBuilder json = new StringBuilder();
		appendEntry(json, entry("size", 30));
		return json.toString().getBytes(StandardCharsets.UTF_8).length;
	}

	/** The submission event ingest-api would publish for an entry, as a record. */
	ProducerRecord<String, byte[]> submission(String topic, String phase, long seq, UUID batchId) {
		return submission(topic, phase, seq, batchId, Instant.now());
	}

	/**
	 * The same, with the request's {@code occurredAt} (one per request, as ingest-api
	 * sets it).
	 */
	ProducerRecord<String, byte[]> submission(String topic, String phase, long seq, UUID batchId, Instant occurredAt) {
		TimesheetEntry entry = entry(phase, seq);
		TimesheetSubmitted event = new TimesheetSubmitted(UUID.randomUUID(), timesheetId(phase, seq), batchId,
				occurredAt, Actor.client(CLIENT_ID), 1, entry);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.timesheetId().toString(),
				this.codec.encode(event));
		CloudEventHeaders.of(event, "/timesheets/ingest-api")
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	int eventBytes() {
		return submission(Topics.TIMESHEET_EVENTS, "size", 30, UUID.randomUUID()).value().length;
	}

	static List<String> phases() {
		return List.of("ingest100", "ingest1000", "prefill", "e2e", "raw");
	}

}
