package com.exampleco.timesheets.ingest.web;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.security.Caller;

/** The event {@link Actor} of an authenticated {@link Caller}. */
public final class Actors {

	private Actors() {
	}

	/**
	 * The actor the events of a caller's request carry.
	 * @param caller the caller
	 * @return the actor: client id, subject and employee id when the token has one
	 */
	public static Actor of(Caller caller) {
		return new Actor(caller.clientId(), caller.subject(), caller.employeeId().orElse(null));
	}

}
