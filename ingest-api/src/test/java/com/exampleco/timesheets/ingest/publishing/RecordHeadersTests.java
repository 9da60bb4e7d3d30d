package com.exampleco.timesheets.ingest.publishing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.TimesheetRejected;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records {@link EventRecords} builds carry exactly the contract's CloudEvents
 * headers ({@link CloudEventHeaders#of}), in its order, with the event's key, value and
 * timestamp.
 */
class RecordHeadersTests {

	final TimesheetEventCodec codec = new TimesheetEventCodec();

	final EventRecords records = new EventRecords(this.codec, "/timesheets/ingest-api");

	@Test
	void recordsCarryTheContractsHeadersKeyValueAndTimestamp() {
		Instant now = Instant.parse("2026-11-02T10:15:30.123456Z");
		Instant later = now.plusSeconds(1);
		UUID batch = UUID.randomUUID();
		Actor actor = Actor.client("c");
		TimesheetEntry entry = new TimesheetEntry("x-1", "E1", "P", LocalDate.of(2026, 11, 2), new BigDecimal("1.5"),
				null);
		List<TimesheetEvent> events = List.of(
				new TimesheetSubmitted(UUID.randomUUID(), UUID.randomUUID(), batch, now, actor, 1, entry),
				new TimesheetSubmitted(UUID.randomUUID(), UUID.randomUUID(), batch, now, actor, 1, entry),
				new TimesheetApproved(UUID.randomUUID(), UUID.randomUUID(), batch, now, actor, 1, "ok"),
				new TimesheetRejected(UUID.randomUUID(), UUID.randomUUID(), batch, later, actor, 1, null),
				new TimesheetDeleted(UUID.randomUUID(), UUID.randomUUID(), batch, later, actor, 1),
				new TimesheetSubmitted(UUID.randomUUID(), UUID.randomUUID(), batch, now, actor, 1, entry));
		List<ProducerRecord<String, byte[]>> records = this.records.of(events);
		assertThat(records).hasSize(events.size());
		for (int i = 0; i < events.size(); i++) {
			TimesheetEvent event = events.get(i);
			ProducerRecord<String, byte[]> record = records.get(i);
			assertThat(record.topic()).isEqualTo(Topics.TIMESHEET_EVENTS);
			assertThat(record.key()).isEqualTo(event.timesheetId().toString());
			assertThat(record.timestamp()).isEqualTo(event.occurredAt().toEpochMilli());
			assertThat(record.value()).isEqualTo(this.codec.encode(event));
			Map<String, String> headers = new LinkedHashMap<>();
			for (Header header : record.headers()) {
				headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
			}
			assertThat(headers).containsExactlyEntriesOf(CloudEventHeaders.of(event, "/timesheets/ingest-api"));
		}
	}

}
