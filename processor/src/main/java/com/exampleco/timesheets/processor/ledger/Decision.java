package com.exampleco.timesheets.processor.ledger;

/**
 * What the state machine decided for one event.
 *
 * @param outcome APPLIED, UNCHANGED or REJECTED, never null
 * @param reason why the event was rejected, null otherwise
 * @param next the new state when applied, otherwise the unchanged current state (null
 * when the timesheet is unknown)
 */
public record Decision(Outcome outcome, String reason, Timesheet next) {

	static Decision applied(Timesheet next) {
		return new Decision(Outcome.APPLIED, null, next);
	}

	static Decision unchanged(Timesheet current) {
		return new Decision(Outcome.UNCHANGED, null, current);
	}

	static Decision rejected(Timesheet current, String reason) {
		return new Decision(Outcome.REJECTED, reason, current);
	}

}
