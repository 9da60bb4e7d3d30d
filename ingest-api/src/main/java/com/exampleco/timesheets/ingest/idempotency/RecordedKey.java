package com.exampleco.timesheets.ingest.idempotency;

import java.time.Instant;

/**
 * An accepted {@code Idempotency-Key}: the value of its record on the keys topic (key =
 * the batch id) and of its entry in {@link KeyLedger}.
 *
 * @param endpoint the endpoint of the request accepted with the key
 * @param fingerprint the fingerprint of its content
 * @param clientId the client that sent it
 * @param acceptedAt when it was taken into the transaction that recorded it
 * @param events how many events the request published
 */
record RecordedKey(String endpoint, String fingerprint, String clientId, Instant acceptedAt, int events) {

	boolean sameRequestAs(RequestIntent intent) {
		return this.endpoint.equals(intent.endpoint()) && this.fingerprint.equals(intent.fingerprint())
				&& this.clientId.equals(intent.clientId());
	}

}
