package com.exampleco.timesheets.uploader.upload;

import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.entry.Violation;
import org.jspecify.annotations.Nullable;

/**
 * How one batch ended.
 *
 * @param batch the batch
 * @param outcome how it ended
 * @param batchId the API's batch id when accepted, else null
 * @param accepted entries accepted
 * @param attempts requests sent for it
 * @param detail why it failed, or null
 * @param violations entry errors the API reported, with file lines
 */
public record BatchResult(Batch batch, Outcome outcome, @Nullable UUID batchId, int accepted, int attempts,
		@Nullable String detail, List<Violation> violations) {

	/** How a batch ended. */
	public enum Outcome {

		/** The API accepted it. */
		ACCEPTED,

		/** The API refused it for good; the file fails. */
		REFUSED,

		/**
		 * The API holds the batch's {@code Idempotency-Key} for a different request and
		 * published nothing of it; the file fails.
		 */
		KEY_REUSED,

		/**
		 * Still unavailable when the retry deadline passed; the file stays in the inbox.
		 */
		GAVE_UP,

		/** Not sent because another batch of the file failed first. */
		SKIPPED

	}

}
