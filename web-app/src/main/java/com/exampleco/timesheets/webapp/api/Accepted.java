package com.exampleco.timesheets.webapp.api;

import java.util.List;
import java.util.UUID;

/**
 * The ingest API's {@code 202}: the request's events are committed to the topic, not yet
 * applied. {@code BatchAccepted} and {@code CommandAccepted} in one shape.
 *
 * @param batchId follow it on the query API to see the outcome
 * @param entries number of entries of an upload (null for a decision)
 * @param timesheetIds the entries' timesheet ids (null for a decision)
 * @param timesheetId the decided timesheet (null for an upload)
 */
public record Accepted(UUID batchId, Integer entries, List<UUID> timesheetIds, UUID timesheetId) {

	/**
	 * @return how many events the batch holds: the entries, or 1 for a decision
	 */
	public int expectedEvents() {
		return (this.entries != null) ? this.entries : 1;
	}

	/**
	 * @return the only or first timesheet of the request, null when none
	 */
	public UUID firstTimesheet() {
		if (this.timesheetId != null) {
			return this.timesheetId;
		}
		return (this.timesheetIds != null && !this.timesheetIds.isEmpty()) ? this.timesheetIds.get(0) : null;
	}

}
