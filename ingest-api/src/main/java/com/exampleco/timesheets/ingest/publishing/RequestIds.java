package com.exampleco.timesheets.ingest.publishing;

import java.util.UUID;

import com.exampleco.timesheets.events.IdempotencyKeys;
import com.exampleco.timesheets.events.TimesheetIds;

/**
 * The batch id and event ids of one request. With an {@code Idempotency-Key} they are
 * derived from (client id, key) and the position in the batch, so a retried request
 * yields the same ids and the processor drops the repeats; without one they are fresh.
 */
public final class RequestIds {

	private final UUID batchId;

	private final boolean derived;

	private RequestIds(UUID batchId, boolean derived) {
		this.batchId = batchId;
		this.derived = derived;
	}

	/**
	 * The ids of a request.
	 * @param clientId the caller's client id
	 * @param idempotencyKey the request's {@code Idempotency-Key}, or null
	 * @return the ids
	 * @throws MalformedIdempotencyKeyException when a key is given but malformed
	 */
	public static RequestIds of(String clientId, String idempotencyKey) {
		if (idempotencyKey == null) {
			return new RequestIds(UUID.randomUUID(), false);
		}
		if (!IdempotencyKeys.isValid(idempotencyKey)) {
			throw new MalformedIdempotencyKeyException();
		}
		return new RequestIds(TimesheetIds.batchId(clientId, idempotencyKey), true);
	}

	/**
	 * The batch id.
	 * @return the id, never null
	 */
	public UUID batchId() {
		return this.batchId;
	}

	/**
	 * The id of the event at a position of the batch.
	 * @param position zero-based position
	 * @return the id, never null
	 */
	public UUID eventId(int position) {
		return this.derived ? TimesheetIds.eventId(this.batchId, position) : UUID.randomUUID();
	}

	/** The {@code Idempotency-Key} header is present but not well formed. */
	public static class MalformedIdempotencyKeyException extends RuntimeException {

		MalformedIdempotencyKeyException() {
			super("Idempotency-Key must be 1 to " + IdempotencyKeys.MAX_LENGTH
					+ " visible ASCII characters other than '\"' and '\\'");
		}

	}

}
