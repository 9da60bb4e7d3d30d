package com.exampleco.timesheets.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic ids (RFC 9562 UUID version 5, SHA-1 name based), so that re-sending the
 * same thing names the same things.
 * <ul>
 * <li>{@code timesheetId} = v5({@link #TIMESHEET_NAMESPACE}, name(clientId,
 * externalId))</li>
 * <li>{@code batchId} = v5({@link #BATCH_NAMESPACE}, name(clientId, idempotencyKey))</li>
 * <li>{@code eventId} = v5({@link #EVENT_NAMESPACE}, name(batchId, position))</li>
 * </ul>
 * where name(a, b) is the UTF-8 bytes of {@code len(a) + ":" + a + ":" + b} with
 * {@code len} the decimal count of UTF-16 chars, so that no two pairs share a name. The
 * namespaces are themselves v5 ids of URLs in the RFC's URL namespace. Other
 * implementations can reproduce every id from this description.
 */
public final class TimesheetIds {

	/** The RFC 9562 namespace for URLs. */
	static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

	/**
	 * Namespace of timesheet ids: v5(URL,
	 * "https://timesheets.exampleco.com/ids/timesheet").
	 */
	public static final UUID TIMESHEET_NAMESPACE = nameBased(URL_NAMESPACE,
			"https://timesheets.exampleco.com/ids/timesheet");

	/** Namespace of batch ids: v5(URL, "https://timesheets.exampleco.com/ids/batch"). */
	public static final UUID BATCH_NAMESPACE = nameBased(URL_NAMESPACE, "https://timesheets.exampleco.com/ids/batch");

	/** Namespace of event ids: v5(URL, "https://timesheets.exampleco.com/ids/event"). */
	public static final UUID EVENT_NAMESPACE = nameBased(URL_NAMESPACE, "https://timesheets.exampleco.com/ids/event");

	private TimesheetIds() {
	}

	/**
	 * The id of the timesheet a client's source row names.
	 * @param clientId the OAuth client id of the uploader
	 * @param externalId the source system's id of the row
	 * @return the same id for the same pair, a different id for any other pair
	 */
	public static UUID timesheetId(String clientId, String externalId) {
		return nameBased(TIMESHEET_NAMESPACE, pair(clientId, externalId));
	}

	/**
	 * The id of a batch sent with an {@code Idempotency-Key}.
	 * @param clientId the OAuth client id of the caller
	 * @param idempotencyKey the key of the request
	 * @return the same id for the same pair, a different id for any other pair
	 */
	public static UUID batchId(String clientId, String idempotencyKey) {
		return nameBased(BATCH_NAMESPACE, pair(clientId, idempotencyKey));
	}

	/**
	 * The id of the event at a position in a batch.
	 * @param batchId the batch id
	 * @param position the zero-based position of the event in the batch
	 * @return the same id for the same pair, a different id for any other pair
	 */
	public static UUID eventId(UUID batchId, int position) {
		Objects.requireNonNull(batchId, "batchId");
		if (position < 0) {
			throw new IllegalArgumentException("position must not be negative");
		}
		return nameBased(EVENT_NAMESPACE, pair(batchId.toString(), Integer.toString(position)));
	}

	/**
	 * A UUID version 5 as RFC 9562 section 5.5 defines it.
	 * @param namespace the namespace
	 * @param name the name
	 * @return the UUID
	 */
	public static UUID nameBased(UUID namespace, String name) {
		Objects.requireNonNull(namespace, "namespace");
		Objects.requireNonNull(name, "name");
		MessageDigest sha1;
		try {
			sha1 = MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is required of every Java platform", ex);
		}
		sha1.update(ByteBuffer.allocate(16)
			.putLong(namespace.getMostSignificantBits())
			.putLong(namespace.getLeastSignificantBits())
			.array());
		byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
		return new UUID(bytes.getLong(), bytes.getLong());
	}

	private static String pair(String first, String second) {
		Objects.requireNonNull(first, "first part of the name");
		Objects.requireNonNull(second, "second part of the name");
		return first.length() + ":" + first + ":" + second;
	}

}
