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
 * @param expectedVersion the state version the approver saw (the query API's
 * {@code ETag}), or {@code null} when the approver did not say; when the timesheet's
 * version differs the processor refuses the decision as stale
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimesheetRejected(UUID eventId, UUID timesheetId, UUID batchId, Instant occurredAt, Actor actor,
		int schemaVersion, String reason, Long expectedVersion) implements TimesheetEvent {

	public TimesheetRejected {
		EventFields.check(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion);
		EventFields.checkDecision(reason, "reason", expectedVersion);
	}

	/**
	 * A decision that names no expected version.
	 * @param eventId the event id
	 * @param timesheetId the timesheet id
	 * @param batchId the batch (request) id
	 * @param occurredAt when the API accepted it
	 * @param actor who decided
	 * @param schemaVersion the schema version
	 * @param reason the optional text, {@code null} when absent
	 */
	public TimesheetRejected(UUID eventId, UUID timesheetId, UUID batchId, Instant occurredAt, Actor actor,
			int schemaVersion, String reason) {
		this(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion, reason, null);
	}

}
