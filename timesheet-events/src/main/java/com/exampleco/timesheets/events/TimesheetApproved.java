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
 * @param expectedVersion the state version the approver saw (the query API's
 * {@code ETag}), or {@code null} when the approver did not say; when the timesheet's
 * version differs the processor refuses the decision as stale
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimesheetApproved(UUID eventId, UUID timesheetId, UUID batchId, Instant occurredAt, Actor actor,
		int schemaVersion, String comment, Long expectedVersion) implements TimesheetEvent {

	public TimesheetApproved {
		EventFields.check(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion);
		EventFields.checkDecision(comment, "comment", expectedVersion);
	}

	/**
	 * A decision that names no expected version.
	 * @param eventId the event id
	 * @param timesheetId the timesheet id
	 * @param batchId the batch (request) id
	 * @param occurredAt when the API accepted it
	 * @param actor who decided
	 * @param schemaVersion the schema version
	 * @param comment the optional text, {@code null} when absent
	 */
	public TimesheetApproved(UUID eventId, UUID timesheetId, UUID batchId, Instant occurredAt, Actor actor,
			int schemaVersion, String comment) {
		this(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion, comment, null);
	}

}
