package com.exampleco.timesheets.ingest.idempotency;

import java.util.UUID;
import java.util.function.Consumer;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.IdempotencyKeys;
import com.exampleco.timesheets.events.TimesheetIds;
import com.exampleco.timesheets.ingest.web.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * The batch id and event ids of one request. With an {@code Idempotency-Key} they are
 * derived from (client id, key) and the position in the batch, so a retried request
 * yields the same ids and the processor drops the repeats; without one they are fresh. A
 * key names one request: {@link #intent} binds it to the endpoint and the content, which
 * {@link com.exampleco.timesheets.ingest.publishing.EventPublisher} records with the
 * request's events.
 */
public final class RequestIds {

	private final UUID batchId;

	private final boolean derived;

	private final String clientId;

	private RequestIds(UUID batchId, boolean derived, String clientId) {
		this.batchId = batchId;
		this.derived = derived;
		this.clientId = clientId;
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
			return new RequestIds(UUID.randomUUID(), false, clientId);
		}
		if (!IdempotencyKeys.isValid(idempotencyKey)) {
			throw new MalformedIdempotencyKeyException();
		}
		return new RequestIds(TimesheetIds.batchId(clientId, idempotencyKey), true, clientId);
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

	/**
	 * What the request's key names, to be published with its events.
	 * @param endpoint the endpoint, see {@link RequestIntent#endpoint}
	 * @param actor who sends the request: its subject and employee id are part of the
	 * fingerprint, so another user of the same client cannot be answered with this one's
	 * acceptance
	 * @param content adds the request's canonical content (parsed, validated and
	 * normalised values, in order) to a fingerprint; only called when there is a key
	 * @return the intent, or null when the request has no key
	 */
	public RequestIntent intent(String endpoint, Actor actor, Consumer<Fingerprint> content) {
		if (!this.derived) {
			return null;
		}
		Fingerprint fingerprint = new Fingerprint().add(actor.subject()).add(actor.employeeId());
		content.accept(fingerprint);
		return new RequestIntent(this.batchId, this.clientId, endpoint, fingerprint.hex());
	}

	/**
	 * The {@code Idempotency-Key} header is present but not well formed: 400
	 * {@code malformed-idempotency-key}.
	 */
	public static class MalformedIdempotencyKeyException extends RefusedRequestException {

		MalformedIdempotencyKeyException() {
			super(HttpStatus.BAD_REQUEST, "malformed-idempotency-key", "Malformed Idempotency-Key",
					"malformed_idempotency_key", "Idempotency-Key must be 1 to " + IdempotencyKeys.MAX_LENGTH
							+ " visible ASCII characters other than '\"' and '\\'");
		}

	}

}
