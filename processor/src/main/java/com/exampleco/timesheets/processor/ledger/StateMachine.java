package com.exampleco.timesheets.processor.ledger;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.EmployeeIds;
import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetRejected;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.processor.ledger.Timesheet.Stamp;

/**
 * The approval state machine: {@code SUBMITTED} (new, or resubmitted while not approved)
 * → {@code APPROVED} | {@code REJECTED}; any → {@code DELETED}, which is final. A
 * submission equal to the current content is {@code UNCHANGED}. Everything else is
 * {@code REJECTED} with a reason a person understands. An approval or rejection that
 * names the version its approver saw ({@code expectedVersion}) is refused as
 * {@code stale} when the timesheet has another version now. Employee ids are compared and
 * stored in their canonical form ({@link EmployeeIds#canonical(String)}), so
 * {@code e1001} may not approve {@code E1001}'s timesheet. An approval or rejection by an
 * actor with a team (a manager's token carried the team claim) of a timesheet whose
 * employee is not in that team is refused ({@value #OUTSIDE_TEAM} + the employee id); an
 * actor without a team (a machine approver client) keeps the rules above. Pure and
 * stateless.
 */
public final class StateMachine {

	static final String UNKNOWN = "unknown timesheet";

	static final String DELETED = "timesheet is deleted";

	static final String ALREADY_DELETED = "timesheet is already deleted";

	static final String APPROVED_RESUBMISSION = "timesheet is approved; resubmission refused";

	static final String SELF_APPROVAL = "approver may not approve own timesheet";

	static final String SELF_REJECTION = "approver may not reject own timesheet";

	static final String ALREADY_APPROVED = "timesheet is already approved";

	static final String REJECTED_NOT_APPROVABLE = "timesheet is rejected; it must be resubmitted before approval";

	static final String APPROVED_NOT_REJECTABLE = "timesheet is approved; rejection refused";

	static final String ALREADY_REJECTED = "timesheet is already rejected";

	/** Prefix of the reason of a decision on a timesheet outside the approver's team. */
	static final String OUTSIDE_TEAM = "approver's team does not include ";

	/** Prefix of the reason of a decision made on an older version than the current. */
	static final String STALE = "stale";

	/**
	 * Decides what an event does to a timesheet.
	 * @param current the current state, null when the timesheet is unknown
	 * @param event the event, never null
	 * @return the decision, never null
	 */
	public Decision decide(Timesheet current, TimesheetEvent event) {
		if (event instanceof TimesheetSubmitted submitted) {
			return submit(current, submitted);
		}
		if (current == null) {
			return Decision.rejected(null, UNKNOWN);
		}
		if (event instanceof TimesheetDeleted deleted) {
			return delete(current, deleted);
		}
		if (current.status() == Status.DELETED) {
			return Decision.rejected(current, DELETED);
		}
		if (event instanceof TimesheetApproved approved) {
			return approve(current, approved);
		}
		return reject(current, (TimesheetRejected) event);
	}

	private Decision submit(Timesheet current, TimesheetSubmitted event) {
		Stamp stamp = stamp(event, null);
		TimesheetEntry entry = canonical(event.entry());
		if (current == null) {
			return Decision.applied(new Timesheet(event.timesheetId(), entry, Status.SUBMITTED, 1, event.eventId(),
					event.batchId(), stamp, null, null, null));
		}
		if (current.status() == Status.DELETED) {
			return Decision.rejected(current, DELETED);
		}
		if (current.entry().sameContentAs(entry)) {
			return Decision.unchanged(current);
		}
		if (current.status() == Status.APPROVED) {
			return Decision.rejected(current, APPROVED_RESUBMISSION);
		}
		return Decision.applied(new Timesheet(current.timesheetId(), entry, Status.SUBMITTED, current.version() + 1,
				event.eventId(), event.batchId(), stamp, null, null, null));
	}

	private Decision approve(Timesheet current, TimesheetApproved event) {
		if (ownTimesheet(current, event.actor())) {
			return Decision.rejected(current, SELF_APPROVAL);
		}
		if (outsideTeam(current, event.actor())) {
			return Decision.rejected(current, OUTSIDE_TEAM + current.entry().employeeId());
		}
		if (stale(current, event.expectedVersion())) {
			return Decision.rejected(current, staleReason(current, event.expectedVersion()));
		}
		if (current.status() == Status.APPROVED) {
			return Decision.rejected(current, ALREADY_APPROVED);
		}
		if (current.status() == Status.REJECTED) {
			return Decision.rejected(current, REJECTED_NOT_APPROVABLE);
		}
		return Decision
			.applied(new Timesheet(current.timesheetId(), current.entry(), Status.APPROVED, current.version() + 1,
					event.eventId(), event.batchId(), current.submitted(), stamp(event, event.comment()), null, null));
	}

	private Decision reject(Timesheet current, TimesheetRejected event) {
		if (ownTimesheet(current, event.actor())) {
			return Decision.rejected(current, SELF_REJECTION);
		}
		if (outsideTeam(current, event.actor())) {
			return Decision.rejected(current, OUTSIDE_TEAM + current.entry().employeeId());
		}
		if (stale(current, event.expectedVersion())) {
			return Decision.rejected(current, staleReason(current, event.expectedVersion()));
		}
		if (current.status() == Status.APPROVED) {
			return Decision.rejected(current, APPROVED_NOT_REJECTABLE);
		}
		if (current.status() == Status.REJECTED) {
			return Decision.rejected(current, ALREADY_REJECTED);
		}
		return Decision
			.applied(new Timesheet(current.timesheetId(), current.entry(), Status.REJECTED, current.version() + 1,
					event.eventId(), event.batchId(), current.submitted(), null, stamp(event, event.reason()), null));
	}

	private Decision delete(Timesheet current, TimesheetDeleted event) {
		if (current.status() == Status.DELETED) {
			return Decision.rejected(current, ALREADY_DELETED);
		}
		return Decision.applied(new Timesheet(current.timesheetId(), current.entry(), Status.DELETED,
				current.version() + 1, event.eventId(), event.batchId(), current.submitted(), current.approved(),
				current.rejected(), stamp(event, null)));
	}

	private static boolean ownTimesheet(Timesheet current, Actor actor) {
		return EmployeeIds.same(actor.employeeId(), current.entry().employeeId());
	}

	/**
	 * A manager deciding on a timesheet of someone outside their team. An actor without a
	 * team is not restricted here.
	 */
	private static boolean outsideTeam(Timesheet current, Actor actor) {
		return actor.hasTeam() && !actor.manages(current.entry().employeeId());
	}

	private static boolean stale(Timesheet current, Long expectedVersion) {
		return expectedVersion != null && expectedVersion != current.version();
	}

	private static String staleReason(Timesheet current, long expectedVersion) {
		return STALE + ": expected version " + expectedVersion + ", timesheet is at version " + current.version();
	}

	/** The entry with its employee id in canonical form (events of older producers). */
	private static TimesheetEntry canonical(TimesheetEntry entry) {
		String employeeId = EmployeeIds.canonical(entry.employeeId());
		if (employeeId.equals(entry.employeeId())) {
			return entry;
		}
		return new TimesheetEntry(entry.externalId(), employeeId, entry.projectCode(), entry.workDate(), entry.hours(),
				entry.note());
	}

	private static Stamp stamp(TimesheetEvent event, String text) {
		return new Stamp(event.occurredAt(), event.actor().subject(), event.actor().clientId(), text);
	}

}
