package com.exampleco.timesheets.ingest.web;

import java.util.List;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.security.Caller;
import com.exampleco.timesheets.events.EmployeeIds;

/** The event {@link Actor} of an authenticated {@link Caller}. */
public final class Actors {

	private Actors() {
	}

	/**
	 * The actor the events of a caller's request carry.
	 * @param caller the caller
	 * @return the actor: client id, subject and, for an employee-bound token, the
	 * employee id in canonical (upper-case) form, so the processor's self-approval check
	 * compares like with like; null employee id for a machine client; a manager's team
	 * (canonical), so the processor can refuse a decision outside it, empty otherwise
	 */
	public static Actor of(Caller caller) {
		// Caller already holds the canonical form; said again here because the event is
		// the contract the processor and analysts compare against
		String employeeId = caller.employeeId().map(EmployeeIds::canonical).orElse(null);
		return new Actor(caller.clientId(), caller.subject(), employeeId, List.copyOf(caller.team()));
	}

}
