package com.exampleco.timesheets.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An approver approved a timesheet.
 *
 * @param eventId the event id
 * @param timesheetId the timesheet id
 * @param batchId the batch (request) id
 * @param occurredAt when the API accepted it
 * @param actor who approved
 * @param schemaVersion the schema version
 * @param comment the approver's optional comment, {@code null} when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimesheetApproved(UUID eventId, UUID timesheetId, UUID batchId, Instant occurredAt, Actor actor,
		int schemaVersion, String comment) implements TimesheetEvent {

	public TimesheetApproved {
		EventFields.check(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion);
	}

}
