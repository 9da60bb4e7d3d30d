package com.exampleco.timesheets.ingest.publishing;

/**
 * Kafka did not acknowledge a request's events within the publish timeout, or the
 * publisher could not take the request. Either nothing of the request was sent or its
 * transaction was aborted ({@link #outcomeUnknown()} false: nothing was accepted), or the
 * transaction holding it had not committed when its time ran out and may still commit
 * ({@link #outcomeUnknown()} true). Either way the caller should retry with the same
 * {@code Idempotency-Key}: the retry is answered as the first request was, or published
 * when the first was not.
 */
public class BrokerUnavailableException extends RuntimeException {

	private final boolean outcomeUnknown;

	BrokerUnavailableException(String message, Throwable cause) {
		this(message, cause, false);
	}

	BrokerUnavailableException(String message, Throwable cause, boolean outcomeUnknown) {
		super(message, cause);
		this.outcomeUnknown = outcomeUnknown;
	}

	/**
	 * Whether the request's events may still have been committed.
	 * @return true when the outcome is unknown, false when nothing was accepted
	 */
	public boolean outcomeUnknown() {
		return this.outcomeUnknown;
	}

}
