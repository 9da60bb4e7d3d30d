package com.exampleco.timesheets.processor.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.processor.ledger.AppliedBatch.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedRunTests {

	private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

	private static final TimesheetEntry ENTRY = new TimesheetEntry("row-1", "EMP-7", "PRJ-1",
			LocalDate.parse("2025-03-03"), new BigDecimal("8.00"), null);

	private static final Actor UPLOADER = Actor.client("uploader");

	private long offset;

	@Test
	void groupsAppliedEventsOfOneRequestAndPartitionIntoRunsOfAtMost32() {
		UUID batch = UUID.randomUUID();
		List<Result> results = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			results.add(applied(submission(batch, T0), 0));
		}

		List<AppliedRun> runs = AppliedRun.of(results);

		assertThat(runs).extracting((run) -> run.events().size()).containsExactly(32, 32, 6);
		assertThat(runs).extracting(AppliedRun::firstOffset).containsExactly(0L, 32L, 64L);
		assertThat(runs.get(1).eventIds()).containsExactly(results.subList(32, 64)
			.stream()
			.map((result) -> result.received().event().eventId())
			.toArray(UUID[]::new));
		assertThat(runs.get(2).offsets()).containsExactly(64L, 65L, 66L, 67L, 68L, 69L);
	}

	@Test
	void separatesWhatARunCannotShareAndLeavesOtherOutcomesOut() {
		UUID batch = UUID.randomUUID();
		Result first = applied(submission(batch, T0), 0);
		Result otherPartition = applied(submission(batch, T0), 1);
		Result otherTime = applied(submission(batch, T0.plusMillis(1)), 0);
		Result otherType = applied(new TimesheetDeleted(UUID.randomUUID(), UUID.randomUUID(), batch, T0, UPLOADER, 1),
				0);
		Result otherBatch = applied(submission(UUID.randomUUID(), T0), 0);
		Result sameAsFirst = applied(submission(batch, T0), 0);
		Result unchanged = new Result(received(submission(batch, T0), 0), Outcome.UNCHANGED, null);
		Result duplicate = new Result(received(submission(batch, T0), 0), Outcome.DUPLICATE, null);

		List<AppliedRun> runs = AppliedRun
			.of(List.of(first, otherPartition, unchanged, otherTime, otherType, duplicate, otherBatch, sameAsFirst));

		assertThat(runs).extracting(AppliedRun::events)
			.containsExactly(List.of(first, sameAsFirst), List.of(otherPartition), List.of(otherTime),
					List.of(otherType), List.of(otherBatch));
	}

	private static TimesheetSubmitted submission(UUID batch, Instant occurredAt) {
		return new TimesheetSubmitted(UUID.randomUUID(), UUID.randomUUID(), batch, occurredAt, UPLOADER, 1, ENTRY);
	}

	private Result applied(TimesheetEvent event, int partition) {
		return new Result(received(event, partition), Outcome.APPLIED, null);
	}

	private ReceivedEvent received(TimesheetEvent event, int partition) {
		return new ReceivedEvent(event, "timesheet-events", partition, this.offset++);
	}

}
