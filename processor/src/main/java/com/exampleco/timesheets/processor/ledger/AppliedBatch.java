package com.exampleco.timesheets.processor.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The result of one committed batch.
 *
 * @param results every event's outcome, in delivery order
 * @param touched the state after the batch of every existing timesheet the batch named
 * (including those only named by duplicates or by redelivered records), for publishing
 * @param redelivered how many records of the batch lay before the stored offset of their
 * partition: applied by an earlier transaction, skipped (no outcome recorded)
 * @param committedAt when the transaction committed
 */
public record AppliedBatch(List<Result> results, Map<UUID, Timesheet> touched, int redelivered, Instant committedAt) {

	/**
	 * One event's outcome.
	 *
	 * @param received the event
	 * @param outcome its outcome
	 * @param reason why it was rejected, else null
	 */
	public record Result(ReceivedEvent received, Outcome outcome, String reason) {
	}

	/**
	 * How many events of this batch had the given outcome.
	 * @param outcome the outcome
	 * @return the count
	 */
	public long count(Outcome outcome) {
		return this.results.stream().filter((result) -> result.outcome() == outcome).count();
	}

}
