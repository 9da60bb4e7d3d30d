package com.exampleco.timesheets.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A timesheet was submitted or resubmitted with the given content.
 *
 * @param eventId the event id
 * @param timesheetId the timesheet id, UUID v5 of (client id, externalId)
 * @param batchId the batch (request) id
 * @param occurredAt when the API accepted it
 * @param actor who submitted it
 * @param schemaVersion the schema version
 * @param entry the whole entry, never null
 */
public record TimesheetSubmitted(UUID eventId, UUID timesheetId, UUID batchId, Instant occurredAt, Actor actor,
		int schemaVersion, TimesheetEntry entry) implements TimesheetEvent {

	public TimesheetSubmitted {
		EventFields.check(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion);
		Objects.requireNonNull(entry, "entry is required");
	}

}
