package com.exampleco.timesheets.processor.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.processor.ledger.AppliedBatch;
import com.exampleco.timesheets.processor.ledger.ReadPosition;
import com.exampleco.timesheets.processor.ledger.ReceivedEvent;
import com.exampleco.timesheets.processor.ledger.TimesheetLedger;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenarios of issue 18's design, for every database: APPLIED events recorded as runs per
 * batch and partition, other outcomes as rows, duplicates of a retried request recognised
 * by batch, records before the stored offsets skipped.
 */
abstract class OffsetAndRetryScenarios extends ProcessorScenarios {

	@Autowired
	TimesheetLedger ledger;

	@Autowired
	MeterRegistry meters;

	@Test
	void recordsBeforeTheStoredOffsetsAreSkippedAndChangeNothing() {
		UUID batch = UUID.randomUUID();
		List<TimesheetEvent> events = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			events.add(submission(batch, UUID.randomUUID(), "again-" + i, "3"));
		}
		List<RecordMetadata> sent = send(events);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, "APPLIED")).isEqualTo(20));

		// the same records delivered again, as after a crash between the database commit
		// and the offset commit when the consumer did not start at the stored offsets
		List<ReceivedEvent> again = new ArrayList<>();
		Map<String, ReadPosition> positions = new HashMap<>();
		for (int i = 0; i < events.size(); i++) {
			RecordMetadata metadata = sent.get(i);
			again.add(new ReceivedEvent(events.get(i), metadata.topic(), metadata.partition(), metadata.offset()));
			positions.merge(metadata.topic() + "-" + metadata.partition(),
					new ReadPosition(metadata.topic(), metadata.partition(), metadata.offset() + 1),
					(a, b) -> (a.nextOffset() >= b.nextOffset()) ? a : b);
		}
		AppliedBatch applied = this.ledger.apply(this.properties.groupId(), again, positions.values());

		assertThat(applied.redelivered()).isEqualTo(20);
		assertThat(applied.results()).isEmpty();
		assertThat(applied.touched()).as("their states are published again").hasSize(20);
		assertThat(outcomes(batch, null)).isEqualTo(20);
		assertThat(duplicates(batch)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT SUM(version) FROM timesheets WHERE last_batch_id = ?", Long.class,
				batch))
			.isEqualTo(20);
		for (ReadPosition position : positions.values()) {
			assertThat(this.ledger
				.storedOffsets(this.properties.groupId(), position.topic(), List.of(position.partition()))
				.get(position.partition())).isGreaterThanOrEqualTo(position.nextOffset());
		}
	}

	@Test
	void retriedBatchInterleavedWithOtherEventsCountsEveryRepeatAsDuplicateOnce() {
		UUID batch = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		// one request: one occurredAt, as the ingest API sets it
		java.time.Instant acceptedAt = java.time.Instant.now();
		List<TimesheetEvent> request = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			TimesheetSubmitted entry = submission(batch, UUID.randomUUID(), "retried-" + i, "2.5");
			request.add(new TimesheetSubmitted(entry.eventId(), entry.timesheetId(), batch, acceptedAt, UPLOADER, 1,
					entry.entry()));
		}
		List<TimesheetEvent> between = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			between.add(submission(other, UUID.randomUUID(), "between-" + i, "1"));
		}

		// together, so that they are polled together and recorded as runs
		sendTogether(request, 0);
		send(between);
		sendTogether(request, 0);
		// a later event of the same batch (another eventId) is not a repeat
		TimesheetEvent later = submission(batch, UUID.randomUUID(), "retried-later", "2.5");
		send(List.of(later));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, "APPLIED")).isEqualTo(41));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(duplicates(batch)).isEqualTo(40));
		assertThat(outcomes(batch, null)).isEqualTo(41);
		assertThat(outcomes(other, "APPLIED")).isEqualTo(10);
		assertThat(duplicates(other)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM event_outcomes WHERE batch_id = ? AND outcome = ?",
				Long.class, batch, "DUPLICATE"))
			.isEqualTo(40);
		assertThat(this.jdbc.queryForObject("SELECT SUM(version) FROM timesheets WHERE last_batch_id = ?", Long.class,
				batch))
			.isEqualTo(41);
		assertThat(
				this.jdbc.queryForObject("SELECT SUM(events) FROM applied_runs WHERE batch_id = ?", Long.class, batch))
			.as("APPLIED events are recorded in runs")
			.isEqualTo(41);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM applied_runs WHERE batch_id = ?", Long.class, batch))
			.as("fewer runs than events")
			.isLessThan(41);
	}

	@Test
	void unchangedAndRejectedOutcomesAreRowsOfTheirOwnAndAppliedOnesAreRuns() {
		UUID batch = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		UUID unknown = UUID.randomUUID();
		TimesheetEvent submitted = submission(batch, id, "own-rows", "8");
		TimesheetEvent unchanged = submission(batch, id, "own-rows", "8");
		TimesheetEvent approveUnknown = new TimesheetApproved(UUID.randomUUID(), unknown, batch,
				java.time.Instant.now(), APPROVER, 1, null);
		TimesheetEvent deleted = new TimesheetDeleted(UUID.randomUUID(), id, batch, java.time.Instant.now(), UPLOADER,
				1);
		TimesheetEvent approveDeleted = new TimesheetApproved(UUID.randomUUID(), id, batch, java.time.Instant.now(),
				APPROVER, 1, null);

		send(List.of(submitted, unchanged, approveUnknown, deleted, approveDeleted));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, null)).isEqualTo(5));
		assertThat(this.jdbc
			.queryForList("SELECT event_type || '/' || outcome || ':' || COALESCE(reason, '') FROM applied_events"
					+ " WHERE timesheet_id = ? ORDER BY kafka_offset", String.class, id))
			.containsExactly("SUBMITTED/APPLIED:", "SUBMITTED/UNCHANGED:", "DELETED/APPLIED:",
					"APPROVED/REJECTED:timesheet is deleted");
		assertThat(this.jdbc.queryForList(
				"SELECT outcome || ':' || reason FROM applied_events WHERE timesheet_id = ? AND batch_id = ?",
				String.class, unknown, batch))
			.containsExactly("REJECTED:unknown timesheet");
		assertThat(this.jdbc.queryForList(
				"SELECT outcome FROM event_outcome_rows WHERE batch_id = ? ORDER BY outcome, kafka_offset",
				String.class, batch))
			.containsExactly("REJECTED", "REJECTED", "UNCHANGED");
		assertThat(
				this.jdbc.queryForObject("SELECT SUM(events) FROM applied_runs WHERE batch_id = ?", Long.class, batch))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"SELECT client_id || '/' || actor_subject FROM applied_events WHERE event_id = ?", String.class,
				deleted.eventId()))
			.isEqualTo(UPLOADER.clientId() + "/" + UPLOADER.subject());
	}

	double redeliveredCounter() {
		return this.meters.get("timesheets.processor.events").tag("outcome", "redelivered").counter().count();
	}

}
