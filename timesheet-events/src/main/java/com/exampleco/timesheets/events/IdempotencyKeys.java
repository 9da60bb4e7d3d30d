package com.exampleco.timesheets.events;

/**
 * The shape an {@code Idempotency-Key} request header must have: 1 to 255 visible ASCII
 * characters other than {@code "} and {@code \}, so that it is safe in a structured
 * header and in logs.
 */
public final class IdempotencyKeys {

	/** The longest key accepted. */
	public static final int MAX_LENGTH = 255;

	private IdempotencyKeys() {
	}

	/**
	 * Whether a header value is a well-formed key.
	 * @param key the header value, may be null
	 * @return true when the key may be used
	 */
	public static boolean isValid(String key) {
		if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}

}
