package com.exampleco.timesheets.ingest.deletion;

import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.ingest.command.CommandAccepted;
import com.exampleco.timesheets.ingest.command.TimesheetCommands;
import com.exampleco.timesheets.ingest.idempotency.RequestIntent;

import org.springframework.stereotype.Service;

/** Turns a deletion into a {@link TimesheetDeleted} event and publishes it. */
@Service
public class DeletionIntake {

	static final String ROUTE = "/timesheets/{timesheetId}";

	private final TimesheetCommands commands;

	DeletionIntake(TimesheetCommands commands) {
		this.commands = commands;
	}

	/**
	 * Publishes a deletion and waits for the commit.
	 * @param actor who deletes
	 * @param timesheetId the timesheet
	 * @param idempotencyKey the request's key, or null
	 * @return what was accepted
	 */
	public CommandAccepted delete(Actor actor, UUID timesheetId, String idempotencyKey) {
		// the route and id are the whole request: nothing else to fingerprint
		return this.commands.publish(actor, idempotencyKey, RequestIntent.endpoint("DELETE", ROUTE, timesheetId),
				timesheetId, (content) -> {
				}, (eventId, batchId, now) -> new TimesheetDeleted(eventId, timesheetId, batchId, now, actor,
						TimesheetEvent.CURRENT_SCHEMA_VERSION));
	}

}
