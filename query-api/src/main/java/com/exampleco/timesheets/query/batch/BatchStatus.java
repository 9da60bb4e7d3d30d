package com.exampleco.timesheets.query.batch;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the processor did with the events of one batch (one accepted request).
 *
 * @param batchId the batch
 * @param eventsSeen how many distinct events of the batch the processor has recorded
 * (applied, unchanged or rejected; duplicates are re-deliveries of these)
 * @param outcomes how many deliveries ended in each outcome: {@code APPLIED},
 * {@code UNCHANGED}, {@code REJECTED}, {@code DUPLICATE} (every key always present)
 * @param rejections the rejected events counted by reason, most frequent first
 * @param rejectedEvents the rejected events one by one, oldest first, at most
 * {@code timesheets.query.max-rejections-listed}
 * @param rejectedEventsTruncated whether {@code rejectedEvents} was cut short
 * @param expectedEvents the {@code expectedEvents} the client passed, omitted when it
 * passed none
 * @param complete whether {@code eventsSeen} reached {@code expectedEvents}; omitted when
 * no {@code expectedEvents} was passed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchStatus(UUID batchId, long eventsSeen, Map<String, Long> outcomes, List<Rejection> rejections,
		List<RejectedEvent> rejectedEvents, boolean rejectedEventsTruncated, Integer expectedEvents, Boolean complete) {

	/**
	 * Rejected events sharing a reason.
	 *
	 * @param reason the processor's reason
	 * @param count how many events
	 */
	public record Rejection(String reason, long count) {

	}

	/**
	 * One rejected event.
	 *
	 * @param eventId the event
	 * @param timesheetId its timesheet
	 * @param eventType {@code SUBMITTED}, {@code APPROVED}, {@code REJECTED} or
	 * {@code DELETED}
	 * @param reason the processor's reason
	 */
	public record RejectedEvent(UUID eventId, UUID timesheetId, String eventType, String reason) {

	}

}
