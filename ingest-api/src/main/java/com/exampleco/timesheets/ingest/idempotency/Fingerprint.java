package com.exampleco.timesheets.ingest.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a request's canonical content: the parsed and validated values, in order,
 * each written as a presence byte, its UTF-8 length and its bytes, so that no two
 * sequences of values share a fingerprint and neither the body's format nor its
 * whitespace matters. Callers add normalised values (stripped comments, hours without
 * trailing zeros, ISO dates).
 */
public final class Fingerprint {

	private final MessageDigest digest;

	Fingerprint() {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	/**
	 * Adds a value.
	 * @param value the value, may be null (distinct from every string, the empty one too)
	 * @return this fingerprint
	 */
	public Fingerprint add(String value) {
		if (value == null) {
			this.digest.update((byte) 0);
			return this;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		this.digest.update((byte) 1);
		this.digest.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
				(byte) (bytes.length >>> 8), (byte) bytes.length });
		this.digest.update(bytes);
		return this;
	}

	/**
	 * Adds a value by its string form.
	 * @param value the value, may be null
	 * @return this fingerprint
	 */
	public Fingerprint add(Object value) {
		return add((value != null) ? value.toString() : null);
	}

	String hex() {
		return HexFormat.of().formatHex(this.digest.digest());
	}

}
