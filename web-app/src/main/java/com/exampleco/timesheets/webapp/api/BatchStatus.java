package com.exampleco.timesheets.webapp.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the processor recorded for one accepted request ({@code GET /batches/{id}}).
 *
 * @param batchId the batch
 * @param eventsSeen distinct events recorded
 * @param outcomes deliveries by outcome: {@code APPLIED}, {@code UNCHANGED},
 * {@code REJECTED}, {@code DUPLICATE}
 * @param rejectedEvents rejected events one by one (at most the API's limit)
 * @param complete whether every expected event was recorded (null without
 * {@code expectedEvents})
 */
public record BatchStatus(UUID batchId, long eventsSeen, Map<String, Long> outcomes, List<RejectedEvent> rejectedEvents,
		Boolean complete) {

	public BatchStatus {
		outcomes = (outcomes != null) ? Map.copyOf(outcomes) : Map.of();
		rejectedEvents = (rejectedEvents != null) ? List.copyOf(rejectedEvents) : List.of();
	}

	/**
	 * @param outcome an outcome name
	 * @return how many deliveries had it
	 */
	public long count(String outcome) {
		return this.outcomes.getOrDefault(outcome, 0L);
	}

	/**
	 * One refused event.
	 *
	 * @param eventId the event
	 * @param timesheetId its timesheet
	 * @param eventType {@code SUBMITTED}, {@code APPROVED}, {@code REJECTED} or
	 * {@code DELETED}
	 * @param reason the processor's reason (fixed texts)
	 */
	public record RejectedEvent(UUID eventId, UUID timesheetId, String eventType, String reason) {
	}

}
