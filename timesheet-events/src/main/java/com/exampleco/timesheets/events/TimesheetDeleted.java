package com.exampleco.timesheets.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A timesheet was deleted. Deletion is final: later events for it are rejected.
 *
 * @param eventId the event id
 * @param timesheetId the timesheet id
 * @param batchId the batch (request) id
 * @param occurredAt when the API accepted it
 * @param actor who deleted it
 * @param schemaVersion the schema version
 */
public record TimesheetDeleted(UUID eventId, UUID timesheetId, UUID batchId, Instant occurredAt, Actor actor,
		int schemaVersion) implements TimesheetEvent {

	public TimesheetDeleted {
		EventFields.check(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion);
	}

}
