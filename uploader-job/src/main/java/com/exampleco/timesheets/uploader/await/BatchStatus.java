package com.exampleco.timesheets.uploader.await;

import java.util.Map;

/**
 * The query API's view of one batch: its events counted by outcome.
 *
 * @param found whether the processor has seen any event of the batch
 * @param complete whether every expected event has been seen
 * @param applied events applied
 * @param unchanged submissions equal to the current state
 * @param duplicate events seen before
 * @param rejected events refused by the state machine
 * @param rejectionReasons rejected events by reason
 */
public record BatchStatus(boolean found, boolean complete, long applied, long unchanged, long duplicate, long rejected,
		Map<String, Long> rejectionReasons) {

	static final BatchStatus NOT_FOUND = new BatchStatus(false, false, 0, 0, 0, 0, Map.of());

	/**
	 * Events seen, whatever their outcome.
	 * @return the sum of the counts
	 */
	public long seen() {
		return this.applied + this.unchanged + this.duplicate + this.rejected;
	}

}
