package com.exampleco.timesheets.query.timesheet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.exampleco.timesheets.query.config.QueryProperties;
import com.exampleco.timesheets.query.web.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Opaque, signed paging cursors. A cursor is base64url (no padding) of a version byte,
 * the work date (epoch day) and the timesheet id of the last row of a page, followed by
 * the first 16 bytes of an HMAC-SHA256 over those bytes and the listing's filters. So a
 * cursor cannot be forged or altered, and it is refused when used with other filters.
 * Thread-safe.
 */
@Component
class PageCursors {

	static final String PARAMETER = "cursor";

	private static final Logger logger = LoggerFactory.getLogger(PageCursors.class);

	private static final byte VERSION = 1;

	private static final int POSITION_BYTES = 1 + Long.BYTES + 2 * Long.BYTES;

	private static final int MAC_BYTES = 16;

	private static final int MAX_LENGTH = 128;

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	PageCursors(QueryProperties properties) {
		byte[] secret;
		if (properties.cursorKey() == null || properties.cursorKey().isEmpty()) {
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			logger.warn("timesheets.query.cursor-key is not set: paging cursors are signed with a random key, "
					+ "so they are refused after a restart and by other instances");
		}
		else {
			secret = properties.cursorKey().getBytes(StandardCharsets.UTF_8);
		}
		this.key = new SecretKeySpec(secret, ALGORITHM);
	}

	/**
	 * The cursor that continues after a position.
	 * @param position the last row of the page
	 * @param filter the listing's filters
	 * @return the cursor, URL-safe
	 */
	String encode(PagePosition position, TimesheetFilter filter) {
		ByteBuffer buffer = ByteBuffer.allocate(POSITION_BYTES + MAC_BYTES);
		buffer.put(VERSION)
			.putLong(position.workDate().toEpochDay())
			.putLong(position.timesheetId().getMostSignificantBits())
			.putLong(position.timesheetId().getLeastSignificantBits());
		byte[] bytes = buffer.array();
		System.arraycopy(mac(bytes, filter), 0, bytes, POSITION_BYTES, MAC_BYTES);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The position a cursor stands for.
	 * @param cursor the cursor as the client sent it
	 * @param filter the filters of this request
	 * @return the position
	 * @throws InvalidParameterException when the cursor is malformed, altered, signed
	 * with another key or made for other filters
	 */
	PagePosition decode(String cursor, TimesheetFilter filter) {
		if (cursor.length() > MAX_LENGTH) {
			throw invalid();
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(cursor);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		if (bytes.length != POSITION_BYTES + MAC_BYTES || bytes[0] != VERSION) {
			throw invalid();
		}
		byte[] expected = mac(bytes, filter);
		if (!MessageDigest.isEqual(Arrays.copyOf(expected, MAC_BYTES),
				Arrays.copyOfRange(bytes, POSITION_BYTES, POSITION_BYTES + MAC_BYTES))) {
			throw invalid();
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, POSITION_BYTES - 1);
		try {
			LocalDate workDate = LocalDate.ofEpochDay(buffer.getLong());
			return new PagePosition(workDate, new UUID(buffer.getLong(), buffer.getLong()));
		}
		catch (DateTimeException ex) {
			throw invalid();
		}
	}

	private byte[] mac(byte[] bytes, TimesheetFilter filter) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			mac.update(bytes, 0, POSITION_BYTES);
			mac.update(filter.fingerprint().getBytes(StandardCharsets.UTF_8));
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static InvalidParameterException invalid() {
		return new InvalidParameterException(PARAMETER, "'cursor' is not a cursor this API issued for these filters; "
				+ "pass the nextCursor of the previous page unchanged, with the same filters");
	}

}
