package com.exampleco.timesheets.uploader.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.client.RestClientException;

/**
 * Waits until the processor has seen every event of some batches, or a deadline passes,
 * by polling the query API; then sums their outcomes.
 */
public class OutcomeAwaiter {

	private static final Logger logger = LoggerFactory.getLogger(OutcomeAwaiter.class);

	private final BatchStatusClient client;

	private final Duration deadline;

	private final Duration pollInterval;

	private final Clock clock;

	public OutcomeAwaiter(BatchStatusClient client, Duration deadline, Duration pollInterval, Clock clock) {
		this.client = client;
		this.deadline = deadline;
		this.pollInterval = pollInterval;
		this.clock = clock;
	}

	/**
	 * Waits for batches.
	 * @param batches each batch's id and expected event count
	 * @return the summed outcomes; {@code complete} only when every batch completed
	 * @throws InterruptedException when interrupted while waiting
	 */
	public Outcome await(List<Expected> batches) throws InterruptedException {
		Instant until = this.clock.instant().plus(this.deadline);
		Map<UUID, BatchStatus> last = new LinkedHashMap<>();
		while (true) {
			boolean allComplete = true;
			for (Expected batch : batches) {
				BatchStatus known = last.get(batch.batchId());
				if (known != null && known.complete()) {
					continue;
				}
				try {
					BatchStatus status = this.client.status(batch.batchId(), batch.events());
					last.put(batch.batchId(), status);
					allComplete &= status.complete();
				}
				catch (RestClientException ex) {
					logger.debug("Batch status of {} not readable yet: {}", batch.batchId(), ex.getClass().getName());
					allComplete = false;
				}
			}
			if (allComplete || !this.clock.instant().plus(this.pollInterval).isBefore(until)) {
				return sum(last, allComplete);
			}
			Thread.sleep(this.pollInterval.toMillis());
		}
	}

	private static Outcome sum(Map<UUID, BatchStatus> statuses, boolean complete) {
		long applied = 0;
		long unchanged = 0;
		long duplicate = 0;
		long rejected = 0;
		Map<String, Long> reasons = new LinkedHashMap<>();
		for (BatchStatus status : statuses.values()) {
			applied += status.applied();
			unchanged += status.unchanged();
			duplicate += status.duplicate();
			rejected += status.rejected();
			status.rejectionReasons().forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
		}
		return new Outcome(complete, applied, unchanged, duplicate, rejected, reasons);
	}

	/**
	 * A batch to wait for.
	 *
	 * @param batchId its id
	 * @param events how many events it holds
	 */
	public record Expected(UUID batchId, int events) {

	}

	/**
	 * Summed outcomes.
	 *
	 * @param complete whether every batch completed before the deadline
	 * @param applied events applied
	 * @param unchanged submissions equal to the current state
	 * @param duplicate events seen before
	 * @param rejected events refused
	 * @param rejectionReasons rejected events by reason
	 */
	public record Outcome(boolean complete, long applied, long unchanged, long duplicate, long rejected,
			Map<String, Long> rejectionReasons) {

	}

}
