package com.exampleco.timesheets.bench;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The raw HTTP baseline's reads: the query API's SQL for one timesheet by id and for an
 * employee's first page (keyset order, one row more than asked to know whether another
 * page exists, a signed cursor for it in the query API's format), its row mapping and
 * JSON shape, on plain JDBC.
 */
final class RawTimesheetReads {

	private static final String COLUMNS = """
			SELECT timesheet_id, external_id, employee_id, project_code, work_date, hours, note, status, version,
			       last_batch_id, submitted_at, approved_at, approved_by, approval_comment, rejected_at, rejected_by,
			       rejection_reason, updated_at
			  FROM timesheets
			""";

	private static final String BY_ID = COLUMNS + " WHERE timesheet_id = ?";

	private static final String BY_EMPLOYEE = COLUMNS
			+ " WHERE status <> 'DELETED' AND employee_id = ? ORDER BY work_date, timesheet_id LIMIT ?";

	private final DataSource pool;

	private final SecretKeySpec cursorKey;

	RawTimesheetReads(DataSource pool) {
		this.pool = pool;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.cursorKey = new SecretKeySpec(secret, "HmacSHA256");
	}

	/**
	 * A timesheet as the query API writes it (same fields, same order, nulls left out).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Timesheet(UUID timesheetId, String externalId, String employeeId, String projectCode, LocalDate workDate,
			BigDecimal hours, String note, String status, long version, UUID lastBatchId, Instant submittedAt,
			Instant approvedAt, String approvedBy, String approvalComment, Instant rejectedAt, String rejectedBy,
			String rejectionReason, Instant updatedAt) {

		boolean deleted() {
			return "DELETED".equals(this.status);
		}

	}

	/** A page as the query API writes it. */
	record Page(List<Timesheet> items, String nextCursor) {
	}

	/** One timesheet, deleted or not; null when unknown. */
	Timesheet find(UUID id) throws SQLException {
		try (Connection connection = this.pool.getConnection();
				PreparedStatement statement = connection.prepareStatement(BY_ID)) {
			statement.setObject(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? timesheet(rs) : null;
			}
		}
	}

	/** An employee's first page of {@code limit} timesheets that are not deleted. */
	Page employeePage(String employeeId, int limit) throws SQLException {
		List<Timesheet> rows = new ArrayList<>(limit + 1);
		try (Connection connection = this.pool.getConnection();
				PreparedStatement statement = connection.prepareStatement(BY_EMPLOYEE)) {
			statement.setString(1, employeeId);
			statement.setInt(2, limit + 1);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows.add(timesheet(rs));
				}
			}
		}
		if (rows.size() <= limit) {
			return new Page(rows, null);
		}
		Timesheet last = rows.get(limit - 1);
		return new Page(List.copyOf(rows.subList(0, limit)), cursor(last, employeeId));
	}

	private static Timesheet timesheet(ResultSet rs) throws SQLException {
		return new Timesheet(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, LocalDate.class), plain(rs.getBigDecimal(6)), rs.getString(7), rs.getString(8),
				rs.getLong(9), rs.getObject(10, UUID.class), instant(rs, 11), instant(rs, 12), rs.getString(13),
				rs.getString(14), instant(rs, 15), rs.getString(16), rs.getString(17), instant(rs, 18));
	}

	/**
	 * The API's form of hours: no trailing zeros, never an exponent ({@code 7.5},
	 * {@code 8}).
	 */
	private static BigDecimal plain(BigDecimal hours) {
		return (hours != null) ? hours.stripTrailingZeros().setScale(Math.max(0, hours.stripTrailingZeros().scale()))
				: null;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * The query API's cursor format: version byte, epoch day, id, and the first 16 bytes
	 * of an HMAC-SHA256 over them and the filters' fingerprint (employee filter only).
	 */
	private String cursor(Timesheet last, String employeeId) {
		ByteBuffer buffer = ByteBuffer.allocate(25 + 16);
		buffer.put((byte) 1)
			.putLong(last.workDate().toEpochDay())
			.putLong(last.timesheetId().getMostSignificantBits())
			.putLong(last.timesheetId().getLeastSignificantBits());
		byte[] bytes = buffer.array();
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.cursorKey);
			mac.update(bytes, 0, 25);
			mac.update(String.join("\u001f", employeeId, "", "", "", "").getBytes(StandardCharsets.UTF_8));
			System.arraycopy(mac.doFinal(), 0, bytes, 25, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
