package com.exampleco.timesheets.ingest.publishing;

/**
 * Kafka did not acknowledge a request's events within the publish timeout. The
 * transaction was aborted or may still be pending; either way nothing was acknowledged to
 * the caller, who should retry (with the same {@code Idempotency-Key}, so nothing is
 * doubled).
 */
public class BrokerUnavailableException extends RuntimeException {

	BrokerUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
