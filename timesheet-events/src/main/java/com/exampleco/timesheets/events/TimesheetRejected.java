package com.exampleco.timesheets.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An approver rejected a timesheet.
 *
 * @param eventId the event id
 * @param timesheetId the timesheet id
 * @param batchId the batch (request) id
 * @param occurredAt when the API accepted it
 * @param actor who rejected
 * @param schemaVersion the schema version
 * @param reason why it was rejected, {@code null} when the approver gave none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimesheetRejected(UUID eventId, UUID timesheetId, UUID batchId, Instant occurredAt, Actor actor,
		int schemaVersion, String reason) implements TimesheetEvent {

	public TimesheetRejected {
		EventFields.check(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion);
	}

}
