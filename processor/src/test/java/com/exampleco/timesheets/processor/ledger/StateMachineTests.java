package com.exampleco.timesheets.processor.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetRejected;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class StateMachineTests {

	private static final UUID TIMESHEET = UUID.fromString("6f1c3c1e-5c1a-5a53-9a53-0a8f2c1d0001");

	private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

	private static final TimesheetEntry ENTRY = new TimesheetEntry("row-1", "EMP-7", "PRJ-1",
			LocalDate.parse("2025-03-03"), new BigDecimal("8.00"), "design review");

	private static final TimesheetEntry CHANGED = new TimesheetEntry("row-1", "EMP-7", "PRJ-1",
			LocalDate.parse("2025-03-03"), new BigDecimal("7.5"), "design review");

	private static final Actor UPLOADER = Actor.client("uploader");

	private static final Actor APPROVER = new Actor("contractor-app", "auth0|boss", "EMP-1");

	private static final Actor SELF = new Actor("contractor-app", "auth0|me", "EMP-7");

	/**
	 * The same employee as the timesheet's, spelled in lower case (ids are
	 * case-insensitive).
	 */
	private static final Actor SELF_LOWER_CASE = new Actor("contractor-app", "auth0|me", "emp-7");

	/** A manager whose team includes the timesheet's employee (in lower case). */
	private static final Actor MANAGER = new Actor("timesheets-web", "maria", "EMP-1", List.of("emp-7", "EMP-8"));

	/** A manager whose team does not include the timesheet's employee. */
	private static final Actor OTHER_MANAGER = new Actor("timesheets-web", "olga", "EMP-2", List.of("EMP-8"));

	/** The timesheet's own employee, who manages a team of others. */
	private static final Actor SELF_MANAGER = new Actor("timesheets-web", "me", "EMP-7", List.of("EMP-8"));

	private static final String OUTSIDE = "approver's team does not include EMP-7";

	/** The version of every timesheet of the table. */
	private static final long VERSION = 3;

	private static final String STALE = "stale: expected version 2, timesheet is at version 3";

	private final StateMachine machine = new StateMachine();

	enum Kind {

		SUBMIT_SAME, SUBMIT_CHANGED, APPROVE, APPROVE_SELF, APPROVE_SELF_OTHER_CASE, APPROVE_CURRENT, APPROVE_STALE,
		REJECT, REJECT_SELF, REJECT_SELF_OTHER_CASE, REJECT_CURRENT, REJECT_STALE, DELETE, APPROVE_IN_TEAM,
		APPROVE_OUTSIDE_TEAM, APPROVE_SELF_WITH_TEAM, REJECT_IN_TEAM, REJECT_OUTSIDE_TEAM, REJECT_SELF_WITH_TEAM

	}

	static Stream<Arguments> everyStateAndEvent() {
		return Stream.of(
				// unknown timesheet
				arguments(null, Kind.SUBMIT_SAME, Outcome.APPLIED, null, Status.SUBMITTED),
				arguments(null, Kind.SUBMIT_CHANGED, Outcome.APPLIED, null, Status.SUBMITTED),
				arguments(null, Kind.APPROVE, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.APPROVE_SELF, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.REJECT, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.REJECT_SELF, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.DELETE, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.APPROVE_SELF_OTHER_CASE, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.APPROVE_CURRENT, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.APPROVE_STALE, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.REJECT_SELF_OTHER_CASE, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.REJECT_CURRENT, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.REJECT_STALE, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.APPROVE_IN_TEAM, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.APPROVE_OUTSIDE_TEAM, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.APPROVE_SELF_WITH_TEAM, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.REJECT_IN_TEAM, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.REJECT_OUTSIDE_TEAM, Outcome.REJECTED, "unknown timesheet", null),
				arguments(null, Kind.REJECT_SELF_WITH_TEAM, Outcome.REJECTED, "unknown timesheet", null),
				// submitted
				arguments(Status.SUBMITTED, Kind.SUBMIT_SAME, Outcome.UNCHANGED, null, Status.SUBMITTED),
				arguments(Status.SUBMITTED, Kind.SUBMIT_CHANGED, Outcome.APPLIED, null, Status.SUBMITTED),
				arguments(Status.SUBMITTED, Kind.APPROVE, Outcome.APPLIED, null, Status.APPROVED),
				arguments(Status.SUBMITTED, Kind.APPROVE_SELF, Outcome.REJECTED,
						"approver may not approve own timesheet", Status.SUBMITTED),
				arguments(Status.SUBMITTED, Kind.REJECT, Outcome.APPLIED, null, Status.REJECTED),
				arguments(Status.SUBMITTED, Kind.REJECT_SELF, Outcome.REJECTED, "approver may not reject own timesheet",
						Status.SUBMITTED),
				arguments(Status.SUBMITTED, Kind.DELETE, Outcome.APPLIED, null, Status.DELETED),
				arguments(Status.SUBMITTED, Kind.APPROVE_SELF_OTHER_CASE, Outcome.REJECTED,
						"approver may not approve own timesheet", Status.SUBMITTED),
				arguments(Status.SUBMITTED, Kind.APPROVE_CURRENT, Outcome.APPLIED, null, Status.APPROVED),
				arguments(Status.SUBMITTED, Kind.APPROVE_STALE, Outcome.REJECTED, STALE, Status.SUBMITTED),
				arguments(Status.SUBMITTED, Kind.REJECT_SELF_OTHER_CASE, Outcome.REJECTED,
						"approver may not reject own timesheet", Status.SUBMITTED),
				arguments(Status.SUBMITTED, Kind.REJECT_CURRENT, Outcome.APPLIED, null, Status.REJECTED),
				arguments(Status.SUBMITTED, Kind.REJECT_STALE, Outcome.REJECTED, STALE, Status.SUBMITTED),
				arguments(Status.SUBMITTED, Kind.APPROVE_IN_TEAM, Outcome.APPLIED, null, Status.APPROVED),
				arguments(Status.SUBMITTED, Kind.APPROVE_OUTSIDE_TEAM, Outcome.REJECTED, OUTSIDE, Status.SUBMITTED),
				arguments(Status.SUBMITTED, Kind.APPROVE_SELF_WITH_TEAM, Outcome.REJECTED,
						"approver may not approve own timesheet", Status.SUBMITTED),
				arguments(Status.SUBMITTED, Kind.REJECT_IN_TEAM, Outcome.APPLIED, null, Status.REJECTED),
				arguments(Status.SUBMITTED, Kind.REJECT_OUTSIDE_TEAM, Outcome.REJECTED, OUTSIDE, Status.SUBMITTED),
				arguments(Status.SUBMITTED, Kind.REJECT_SELF_WITH_TEAM, Outcome.REJECTED,
						"approver may not reject own timesheet", Status.SUBMITTED),
				// approved
				arguments(Status.APPROVED, Kind.SUBMIT_SAME, Outcome.UNCHANGED, null, Status.APPROVED),
				arguments(Status.APPROVED, Kind.SUBMIT_CHANGED, Outcome.REJECTED,
						"timesheet is approved; resubmission refused", Status.APPROVED),
				arguments(Status.APPROVED, Kind.APPROVE, Outcome.REJECTED, "timesheet is already approved",
						Status.APPROVED),
				arguments(Status.APPROVED, Kind.APPROVE_SELF, Outcome.REJECTED,
						"approver may not approve own timesheet", Status.APPROVED),
				arguments(Status.APPROVED, Kind.REJECT, Outcome.REJECTED, "timesheet is approved; rejection refused",
						Status.APPROVED),
				arguments(Status.APPROVED, Kind.REJECT_SELF, Outcome.REJECTED, "approver may not reject own timesheet",
						Status.APPROVED),
				arguments(Status.APPROVED, Kind.DELETE, Outcome.APPLIED, null, Status.DELETED),
				arguments(Status.APPROVED, Kind.APPROVE_SELF_OTHER_CASE, Outcome.REJECTED,
						"approver may not approve own timesheet", Status.APPROVED),
				arguments(Status.APPROVED, Kind.APPROVE_CURRENT, Outcome.REJECTED, "timesheet is already approved",
						Status.APPROVED),
				arguments(Status.APPROVED, Kind.APPROVE_STALE, Outcome.REJECTED, STALE, Status.APPROVED),
				arguments(Status.APPROVED, Kind.REJECT_SELF_OTHER_CASE, Outcome.REJECTED,
						"approver may not reject own timesheet", Status.APPROVED),
				arguments(Status.APPROVED, Kind.REJECT_CURRENT, Outcome.REJECTED,
						"timesheet is approved; rejection refused", Status.APPROVED),
				arguments(Status.APPROVED, Kind.REJECT_STALE, Outcome.REJECTED, STALE, Status.APPROVED),
				arguments(Status.APPROVED, Kind.APPROVE_IN_TEAM, Outcome.REJECTED, "timesheet is already approved",
						Status.APPROVED),
				arguments(Status.APPROVED, Kind.APPROVE_OUTSIDE_TEAM, Outcome.REJECTED, OUTSIDE, Status.APPROVED),
				arguments(Status.APPROVED, Kind.APPROVE_SELF_WITH_TEAM, Outcome.REJECTED,
						"approver may not approve own timesheet", Status.APPROVED),
				arguments(Status.APPROVED, Kind.REJECT_IN_TEAM, Outcome.REJECTED,
						"timesheet is approved; rejection refused", Status.APPROVED),
				arguments(Status.APPROVED, Kind.REJECT_OUTSIDE_TEAM, Outcome.REJECTED, OUTSIDE, Status.APPROVED),
				arguments(Status.APPROVED, Kind.REJECT_SELF_WITH_TEAM, Outcome.REJECTED,
						"approver may not reject own timesheet", Status.APPROVED),
				// rejected
				arguments(Status.REJECTED, Kind.SUBMIT_SAME, Outcome.UNCHANGED, null, Status.REJECTED),
				arguments(Status.REJECTED, Kind.SUBMIT_CHANGED, Outcome.APPLIED, null, Status.SUBMITTED),
				arguments(Status.REJECTED, Kind.APPROVE, Outcome.REJECTED,
						"timesheet is rejected; it must be resubmitted before approval", Status.REJECTED),
				arguments(Status.REJECTED, Kind.APPROVE_SELF, Outcome.REJECTED,
						"approver may not approve own timesheet", Status.REJECTED),
				arguments(Status.REJECTED, Kind.REJECT, Outcome.REJECTED, "timesheet is already rejected",
						Status.REJECTED),
				arguments(Status.REJECTED, Kind.REJECT_SELF, Outcome.REJECTED, "approver may not reject own timesheet",
						Status.REJECTED),
				arguments(Status.REJECTED, Kind.DELETE, Outcome.APPLIED, null, Status.DELETED),
				arguments(Status.REJECTED, Kind.APPROVE_SELF_OTHER_CASE, Outcome.REJECTED,
						"approver may not approve own timesheet", Status.REJECTED),
				arguments(Status.REJECTED, Kind.APPROVE_CURRENT, Outcome.REJECTED,
						"timesheet is rejected; it must be resubmitted before approval", Status.REJECTED),
				arguments(Status.REJECTED, Kind.APPROVE_STALE, Outcome.REJECTED, STALE, Status.REJECTED),
				arguments(Status.REJECTED, Kind.REJECT_SELF_OTHER_CASE, Outcome.REJECTED,
						"approver may not reject own timesheet", Status.REJECTED),
				arguments(Status.REJECTED, Kind.REJECT_CURRENT, Outcome.REJECTED, "timesheet is already rejected",
						Status.REJECTED),
				arguments(Status.REJECTED, Kind.REJECT_STALE, Outcome.REJECTED, STALE, Status.REJECTED),
				arguments(Status.REJECTED, Kind.APPROVE_IN_TEAM, Outcome.REJECTED,
						"timesheet is rejected; it must be resubmitted before approval", Status.REJECTED),
				arguments(Status.REJECTED, Kind.APPROVE_OUTSIDE_TEAM, Outcome.REJECTED, OUTSIDE, Status.REJECTED),
				arguments(Status.REJECTED, Kind.APPROVE_SELF_WITH_TEAM, Outcome.REJECTED,
						"approver may not approve own timesheet", Status.REJECTED),
				arguments(Status.REJECTED, Kind.REJECT_IN_TEAM, Outcome.REJECTED, "timesheet is already rejected",
						Status.REJECTED),
				arguments(Status.REJECTED, Kind.REJECT_OUTSIDE_TEAM, Outcome.REJECTED, OUTSIDE, Status.REJECTED),
				arguments(Status.REJECTED, Kind.REJECT_SELF_WITH_TEAM, Outcome.REJECTED,
						"approver may not reject own timesheet", Status.REJECTED),
				// deleted
				arguments(Status.DELETED, Kind.SUBMIT_SAME, Outcome.REJECTED, "timesheet is deleted", Status.DELETED),
				arguments(Status.DELETED, Kind.SUBMIT_CHANGED, Outcome.REJECTED, "timesheet is deleted",
						Status.DELETED),
				arguments(Status.DELETED, Kind.APPROVE, Outcome.REJECTED, "timesheet is deleted", Status.DELETED),
				arguments(Status.DELETED, Kind.APPROVE_SELF, Outcome.REJECTED, "timesheet is deleted", Status.DELETED),
				arguments(Status.DELETED, Kind.REJECT, Outcome.REJECTED, "timesheet is deleted", Status.DELETED),
				arguments(Status.DELETED, Kind.REJECT_SELF, Outcome.REJECTED, "timesheet is deleted", Status.DELETED),
				arguments(Status.DELETED, Kind.DELETE, Outcome.REJECTED, "timesheet is already deleted",
						Status.DELETED),
				arguments(Status.DELETED, Kind.APPROVE_SELF_OTHER_CASE, Outcome.REJECTED, "timesheet is deleted",
						Status.DELETED),
				arguments(Status.DELETED, Kind.APPROVE_CURRENT, Outcome.REJECTED, "timesheet is deleted",
						Status.DELETED),
				arguments(Status.DELETED, Kind.APPROVE_STALE, Outcome.REJECTED, "timesheet is deleted", Status.DELETED),
				arguments(Status.DELETED, Kind.REJECT_SELF_OTHER_CASE, Outcome.REJECTED, "timesheet is deleted",
						Status.DELETED),
				arguments(Status.DELETED, Kind.REJECT_CURRENT, Outcome.REJECTED, "timesheet is deleted",
						Status.DELETED),
				arguments(Status.DELETED, Kind.REJECT_STALE, Outcome.REJECTED, "timesheet is deleted", Status.DELETED),
				arguments(Status.DELETED, Kind.APPROVE_IN_TEAM, Outcome.REJECTED, "timesheet is deleted",
						Status.DELETED),
				arguments(Status.DELETED, Kind.APPROVE_OUTSIDE_TEAM, Outcome.REJECTED, "timesheet is deleted",
						Status.DELETED),
				arguments(Status.DELETED, Kind.APPROVE_SELF_WITH_TEAM, Outcome.REJECTED, "timesheet is deleted",
						Status.DELETED),
				arguments(Status.DELETED, Kind.REJECT_IN_TEAM, Outcome.REJECTED, "timesheet is deleted",
						Status.DELETED),
				arguments(Status.DELETED, Kind.REJECT_OUTSIDE_TEAM, Outcome.REJECTED, "timesheet is deleted",
						Status.DELETED),
				arguments(Status.DELETED, Kind.REJECT_SELF_WITH_TEAM, Outcome.REJECTED, "timesheet is deleted",
						Status.DELETED));
	}

	@Test
	void tableCoversEveryStateTimesEveryEvent() {
		assertThat(everyStateAndEvent()).hasSize(5 * Kind.values().length);
	}

	@ParameterizedTest(name = "{0} + {1} -> {2} {3}")
	@MethodSource("everyStateAndEvent")
	void decidesEveryStateAndEventPair(Status state, Kind kind, Outcome outcome, String reason, Status next) {
		Timesheet current = (state != null) ? timesheetIn(state) : null;
		TimesheetEvent event = event(kind);

		Decision decision = this.machine.decide(current, event);

		assertThat(decision.outcome()).isEqualTo(outcome);
		assertThat(decision.reason()).isEqualTo(reason);
		if (next == null) {
			assertThat(decision.next()).isNull();
		}
		else {
			assertThat(decision.next().status()).isEqualTo(next);
		}
		if (outcome == Outcome.APPLIED) {
			assertThat(decision.next().version()).isEqualTo((current != null) ? current.version() + 1 : 1);
			assertThat(decision.next().lastEventId()).isEqualTo(event.eventId());
		}
		else {
			assertThat(decision.next()).isSameAs(current);
		}
	}

	@Test
	void resubmissionAfterRejectionClearsTheRejectionAndTakesTheNewContent() {
		Timesheet rejected = this.machine.decide(timesheetIn(Status.SUBMITTED), event(Kind.REJECT)).next();

		Decision decision = this.machine.decide(rejected, event(Kind.SUBMIT_CHANGED));

		assertThat(decision.outcome()).isEqualTo(Outcome.APPLIED);
		assertThat(decision.next().status()).isEqualTo(Status.SUBMITTED);
		assertThat(decision.next().rejected()).isNull();
		assertThat(decision.next().entry().hours()).isEqualByComparingTo("7.5");
		assertThat(decision.next().version()).isEqualTo(rejected.version() + 1);
	}

	@Test
	void approvalRecordsApproverAndComment() {
		Decision decision = this.machine.decide(timesheetIn(Status.SUBMITTED), event(Kind.APPROVE));

		assertThat(decision.next().approved().by()).isEqualTo("auth0|boss");
		assertThat(decision.next().approved().text()).isEqualTo("ok");
		assertThat(decision.next().approved().at()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void submissionEqualByHoursValueIsUnchanged() {
		TimesheetEntry sameWithOtherScale = new TimesheetEntry("row-1", "emp-7", "PRJ-1", LocalDate.parse("2025-03-03"),
				new BigDecimal("8"), "design review");

		Decision decision = this.machine.decide(timesheetIn(Status.SUBMITTED), new TimesheetSubmitted(UUID.randomUUID(),
				TIMESHEET, UUID.randomUUID(), T0, UPLOADER, 1, sameWithOtherScale));

		assertThat(decision.outcome()).isEqualTo(Outcome.UNCHANGED);
	}

	@Test
	void submissionStoresTheEmployeeIdInCanonicalFormAndALowerCaseResubmissionIsUnchanged() {
		TimesheetEntry lowerCase = new TimesheetEntry("row-1", "emp-7", "PRJ-1", LocalDate.parse("2025-03-03"),
				new BigDecimal("8"), "design review");

		Decision first = this.machine.decide(null,
				new TimesheetSubmitted(UUID.randomUUID(), TIMESHEET, UUID.randomUUID(), T0, UPLOADER, 1, lowerCase));
		Decision again = this.machine.decide(first.next(),
				new TimesheetSubmitted(UUID.randomUUID(), TIMESHEET, UUID.randomUUID(), T0, UPLOADER, 1, lowerCase));

		assertThat(first.next().entry().employeeId()).isEqualTo("EMP-7");
		assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
	}

	@Test
	void staleDecisionLeavesTheStateUntouched() {
		Timesheet current = timesheetIn(Status.SUBMITTED);

		Decision decision = this.machine.decide(current, event(Kind.APPROVE_STALE));

		assertThat(decision.reason()).startsWith("stale");
		assertThat(decision.next()).isSameAs(current);
	}

	@Test
	void machineClientWithoutEmployeeMayApprove() {
		Decision decision = this.machine.decide(timesheetIn(Status.SUBMITTED), new TimesheetApproved(UUID.randomUUID(),
				TIMESHEET, UUID.randomUUID(), T0, Actor.client("approver-bot"), 1, null));

		assertThat(decision.outcome()).isEqualTo(Outcome.APPLIED);
	}

	private static Timesheet timesheetIn(Status status) {
		Timesheet.Stamp submitted = new Timesheet.Stamp(T0, "uploader", "uploader", null);
		Timesheet.Stamp decided = new Timesheet.Stamp(T0, "auth0|boss", "contractor-app", "why");
		return new Timesheet(TIMESHEET, ENTRY, status, VERSION, UUID.randomUUID(), UUID.randomUUID(), submitted,
				(status == Status.APPROVED) ? decided : null, (status == Status.REJECTED) ? decided : null,
				(status == Status.DELETED) ? decided : null);
	}

	private static TimesheetEvent event(Kind kind) {
		UUID eventId = UUID.randomUUID();
		UUID batchId = UUID.randomUUID();
		Instant at = T0.plusSeconds(60);
		return switch (kind) {
			case SUBMIT_SAME -> new TimesheetSubmitted(eventId, TIMESHEET, batchId, at, UPLOADER, 1, ENTRY);
			case SUBMIT_CHANGED -> new TimesheetSubmitted(eventId, TIMESHEET, batchId, at, UPLOADER, 1, CHANGED);
			case APPROVE -> new TimesheetApproved(eventId, TIMESHEET, batchId, at, APPROVER, 1, "ok");
			case APPROVE_SELF -> new TimesheetApproved(eventId, TIMESHEET, batchId, at, SELF, 1, null);
			case REJECT -> new TimesheetRejected(eventId, TIMESHEET, batchId, at, APPROVER, 1, "wrong project");
			case REJECT_SELF -> new TimesheetRejected(eventId, TIMESHEET, batchId, at, SELF, 1, null);
			case APPROVE_SELF_OTHER_CASE ->
				new TimesheetApproved(eventId, TIMESHEET, batchId, at, SELF_LOWER_CASE, 1, null);
			case REJECT_SELF_OTHER_CASE ->
				new TimesheetRejected(eventId, TIMESHEET, batchId, at, SELF_LOWER_CASE, 1, null);
			case APPROVE_CURRENT -> new TimesheetApproved(eventId, TIMESHEET, batchId, at, APPROVER, 1, "ok", VERSION);
			case APPROVE_STALE ->
				new TimesheetApproved(eventId, TIMESHEET, batchId, at, APPROVER, 1, "ok", VERSION - 1);
			case REJECT_CURRENT -> new TimesheetRejected(eventId, TIMESHEET, batchId, at, APPROVER, 1, "no", VERSION);
			case REJECT_STALE -> new TimesheetRejected(eventId, TIMESHEET, batchId, at, APPROVER, 1, "no", VERSION - 1);
			case DELETE -> new TimesheetDeleted(eventId, TIMESHEET, batchId, at, UPLOADER, 1);
			case APPROVE_IN_TEAM -> new TimesheetApproved(eventId, TIMESHEET, batchId, at, MANAGER, 1, "ok");
			case APPROVE_OUTSIDE_TEAM -> new TimesheetApproved(eventId, TIMESHEET, batchId, at, OTHER_MANAGER, 1, "ok");
			case APPROVE_SELF_WITH_TEAM ->
				new TimesheetApproved(eventId, TIMESHEET, batchId, at, SELF_MANAGER, 1, null);
			case REJECT_IN_TEAM -> new TimesheetRejected(eventId, TIMESHEET, batchId, at, MANAGER, 1, "no");
			case REJECT_OUTSIDE_TEAM -> new TimesheetRejected(eventId, TIMESHEET, batchId, at, OTHER_MANAGER, 1, "no");
			case REJECT_SELF_WITH_TEAM -> new TimesheetRejected(eventId, TIMESHEET, batchId, at, SELF_MANAGER, 1, null);
		};
	}

}
