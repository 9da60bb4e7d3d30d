package com.exampleco.timesheets.processor.ledger;

import java.time.Instant;
import java.util.UUID;

import com.exampleco.timesheets.events.TimesheetEntry;

/**
 * The current state of one timesheet, a row of {@code timesheets}. Immutable.
 *
 * @param timesheetId the id, never null
 * @param entry the content, never null
 * @param status the status, never null
 * @param version 1 after the first submission, incremented by every applied event
 * @param lastEventId the last applied event
 * @param lastBatchId the batch of the last applied event
 * @param submitted who submitted (subject and client) and when
 * @param approved who approved and when, with the comment; null unless approved
 * @param rejected who rejected and when, with the reason; null unless rejected
 * @param deleted who deleted and when; null unless deleted
 */
public record Timesheet(UUID timesheetId, TimesheetEntry entry, Status status, long version, UUID lastEventId,
		UUID lastBatchId, Stamp submitted, Stamp approved, Stamp rejected, Stamp deleted) {

	/**
	 * Who did something and when.
	 *
	 * @param at when the API accepted the request
	 * @param by the token subject
	 * @param clientId the token's client id
	 * @param text the comment or reason, may be null
	 */
	public record Stamp(Instant at, String by, String clientId, String text) {
	}

}
