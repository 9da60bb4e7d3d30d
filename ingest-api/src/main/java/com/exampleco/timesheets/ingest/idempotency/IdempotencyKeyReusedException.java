package com.exampleco.timesheets.ingest.idempotency;

import com.exampleco.timesheets.ingest.web.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * An {@code Idempotency-Key} already names another request (another endpoint, another
 * content, or another caller of the same client); nothing of this one was published.
 * Answered 422 {@code idempotency-key-reused}.
 */
public class IdempotencyKeyReusedException extends RefusedRequestException {

	IdempotencyKeyReusedException(RecordedKey recorded, RequestIntent intent) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
				"idempotency_key_reused",
				"this Idempotency-Key was accepted " + recorded.acceptedAt() + " for "
						+ (recorded.endpoint().equals(intent.endpoint()) ? "a request with other content"
								: "a request to another endpoint")
						+ "; a key names one request: send a new key for a new request");
	}

}
