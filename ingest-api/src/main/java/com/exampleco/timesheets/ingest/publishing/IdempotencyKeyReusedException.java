package com.exampleco.timesheets.ingest.publishing;

/**
 * An {@code Idempotency-Key} already names another request (another endpoint, another
 * content, or another caller of the same client); nothing of this one was published.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

	IdempotencyKeyReusedException(RecordedKey recorded, RequestIntent intent) {
		super("this Idempotency-Key was accepted " + recorded.acceptedAt() + " for "
				+ (recorded.endpoint().equals(intent.endpoint()) ? "a request with other content"
						: "a request to another endpoint")
				+ "; a key names one request: send a new key for a new request");
	}

}
