package com.exampleco.timesheets.processor.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.processor.ledger.AppliedBatch.Result;
import com.exampleco.timesheets.processor.ledger.BatchApplier.Plan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchApplierTests {

	private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

	private static final TimesheetEntry ENTRY = new TimesheetEntry("row-1", "EMP-7", "PRJ-1",
			LocalDate.parse("2025-03-03"), new BigDecimal("8.00"), "design review");

	private static final Actor UPLOADER = Actor.client("uploader");

	private static final Actor APPROVER = new Actor("contractor-app", "auth0|boss", "EMP-1");

	private final BatchApplier applier = new BatchApplier();

	private long offset;

	@Test
	void dropsEventsRecordedBeforeOrRepeatedInTheBatchAsDuplicates() {
		UUID timesheet = UUID.randomUUID();
		ReceivedEvent recorded = received(
				new TimesheetSubmitted(UUID.randomUUID(), timesheet, UUID.randomUUID(), T0, UPLOADER, 1, ENTRY));
		ReceivedEvent fresh = received(new TimesheetSubmitted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				T0, UPLOADER, 1, ENTRY));
		ReceivedEvent again = received(fresh.event());

		Plan plan = this.applier.apply(List.of(recorded, fresh, again), Set.of(recorded.event().eventId()), Map.of());

		assertThat(plan.results()).extracting(Result::outcome)
			.containsExactly(Outcome.DUPLICATE, Outcome.APPLIED, Outcome.DUPLICATE);
		assertThat(plan.inserts()).extracting(Timesheet::timesheetId).containsExactly(fresh.event().timesheetId());
		assertThat(plan.updates()).isEmpty();
	}

	@Test
	void laterEventsOfTheBatchSeeTheStateEarlierOnesLeftAndANewTimesheetIsInsertedOnce() {
		UUID timesheet = UUID.randomUUID();
		ReceivedEvent submit = received(
				new TimesheetSubmitted(UUID.randomUUID(), timesheet, UUID.randomUUID(), T0, UPLOADER, 1, ENTRY));
		ReceivedEvent approve = received(
				new TimesheetApproved(UUID.randomUUID(), timesheet, UUID.randomUUID(), T0, APPROVER, 1, "ok"));

		Plan plan = this.applier.apply(List.of(submit, approve), Set.of(), Map.of());

		assertThat(plan.results()).extracting(Result::outcome).containsExactly(Outcome.APPLIED, Outcome.APPLIED);
		assertThat(plan.inserts()).singleElement().satisfies((inserted) -> {
			assertThat(inserted.status()).isEqualTo(Status.APPROVED);
			assertThat(inserted.version()).isEqualTo(2);
			assertThat(inserted.lastEventId()).isEqualTo(approve.event().eventId());
		});
		assertThat(plan.updates()).isEmpty();
		assertThat(plan.states()).containsOnlyKeys(timesheet);
	}

	@Test
	void aChangedLoadedTimesheetIsUpdatedAgainstItsLoadedVersionAndTheInputsStayAsTheyWere() {
		UUID timesheet = UUID.randomUUID();
		Timesheet loaded = this.applier.apply(List.of(received(
				new TimesheetSubmitted(UUID.randomUUID(), timesheet, UUID.randomUUID(), T0, UPLOADER, 1, ENTRY))),
				Set.of(), Map.of())
			.states()
			.get(timesheet);
		UUID unknown = UUID.randomUUID();
		ReceivedEvent delete = received(
				new TimesheetDeleted(UUID.randomUUID(), timesheet, UUID.randomUUID(), T0, UPLOADER, 1));
		ReceivedEvent approveUnknown = received(
				new TimesheetApproved(UUID.randomUUID(), unknown, UUID.randomUUID(), T0, APPROVER, 1, "ok"));
		Map<UUID, Timesheet> current = new HashMap<>(Map.of(timesheet, loaded));

		Plan plan = this.applier.apply(List.of(delete, approveUnknown), Set.of(), current);

		assertThat(plan.results()).extracting(Result::outcome).containsExactly(Outcome.APPLIED, Outcome.REJECTED);
		assertThat(plan.results().get(1).reason()).isEqualTo(StateMachine.UNKNOWN);
		assertThat(plan.inserts()).isEmpty();
		assertThat(plan.updates()).singleElement()
			.satisfies((updated) -> assertThat(updated.status()).isEqualTo(Status.DELETED));
		assertThat(plan.loadedVersions()).containsExactly(Map.entry(timesheet, loaded.version()));
		assertThat(plan.states()).doesNotContainKey(unknown);
		assertThat(current).containsExactly(Map.entry(timesheet, loaded));
	}

	private ReceivedEvent received(TimesheetEvent event) {
		return new ReceivedEvent(event, "timesheet-events", 0, this.offset++);
	}

}
