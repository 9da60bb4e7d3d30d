package com.exampleco.timesheets.ingest.publishing;

import com.exampleco.timesheets.ingest.web.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * Kafka did not acknowledge a request's events within the publish timeout, or the
 * publisher could not take the request. Either nothing of the request was sent or its
 * transaction was aborted ({@link #outcomeUnknown()} false: nothing was accepted), or the
 * transaction holding it had not committed when its time ran out and may still commit
 * ({@link #outcomeUnknown()} true). Either way the caller should retry with the same
 * {@code Idempotency-Key}: the retry is answered as the first request was, or published
 * when the first was not. Answered 503 {@code broker-unavailable}, whose fixed detail
 * says which of the two it is; the message (logs) says why.
 */
public class BrokerUnavailableException extends RefusedRequestException {

	private static final String NOTHING_ACCEPTED = "The event log did not acknowledge the request in time; "
			+ "nothing was accepted. Retry later with the same Idempotency-Key.";

	private static final String OUTCOME_UNKNOWN = "The event log did not confirm the request in time; the outcome "
			+ "is unknown: it may still be accepted. A retry with the same Idempotency-Key is safe: it is answered "
			+ "as the first request was, or published if the first was not.";

	private final boolean outcomeUnknown;

	/**
	 * Nothing of the request was accepted.
	 * @param message why, for the log
	 * @param cause the cause, may be null
	 */
	public BrokerUnavailableException(String message, Throwable cause) {
		this(message, cause, false);
	}

	/**
	 * The request was not acknowledged.
	 * @param message why, for the log
	 * @param cause the cause, may be null
	 * @param outcomeUnknown true when its events may still be committed
	 */
	public BrokerUnavailableException(String message, Throwable cause, boolean outcomeUnknown) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "Temporarily unavailable", "broker_unavailable",
				message, outcomeUnknown ? OUTCOME_UNKNOWN : NOTHING_ACCEPTED, cause);
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
