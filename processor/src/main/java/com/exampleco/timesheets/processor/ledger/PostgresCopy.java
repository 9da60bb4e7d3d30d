package com.exampleco.timesheets.processor.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.TimestampUtils;

/**
 * PostgreSQL's {@code COPY … FROM STDIN} (text format) for the ledger's append-only rows:
 * the server parses no statement and plans nothing per row, which makes an insert of a
 * thousand rows several times cheaper for it than a batched {@code INSERT}, even
 * rewritten into multi-row statements. Runs on the transaction's own connection, so the
 * rows commit or roll back with the rest of the batch. Values are formatted as PgJDBC
 * formats bind parameters (its {@link TimestampUtils}), so a row is the same whichever
 * path wrote it.
 */
final class PostgresCopy {

	private final BaseConnection connection;

	private final TimestampUtils timestamps;

	private final StringBuilder text = new StringBuilder(256 * 1024);

	private int rows;

	private boolean atRowStart = true;

	private PostgresCopy(BaseConnection connection) {
		this.connection = connection;
		this.timestamps = connection.getTimestampUtils();
	}

	/**
	 * Whether the connection is PostgreSQL's (through any pool proxy).
	 * @param connection a connection
	 * @return true when COPY can be used
	 * @throws SQLException when the connection cannot tell
	 */
	static boolean supports(Connection connection) throws SQLException {
		return connection.isWrapperFor(PGConnection.class) && connection.isWrapperFor(BaseConnection.class);
	}

	/**
	 * Starts the rows of one COPY.
	 * @param connection the transaction's connection, PostgreSQL's
	 * @return a row builder
	 * @throws SQLException when the connection is not PostgreSQL's
	 */
	static PostgresCopy on(Connection connection) throws SQLException {
		return new PostgresCopy(connection.unwrap(BaseConnection.class));
	}

	PostgresCopy text(String value) {
		if (value == null) {
			return raw(null);
		}
		separator();
		StringBuilder out = this.text;
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		return this;
	}

	PostgresCopy uuid(UUID value) {
		return raw((value != null) ? value.toString() : null);
	}

	PostgresCopy number(long value) {
		separator();
		this.text.append(value);
		return this;
	}

	PostgresCopy date(LocalDate value) {
		return raw((value != null) ? this.timestamps.toString(value) : null);
	}

	PostgresCopy timestamp(Instant value) {
		return raw((value != null) ? this.timestamps.toString(value.atOffset(ZoneOffset.UTC)) : null);
	}

	PostgresCopy decimal(BigDecimal value) {
		return raw((value != null) ? value.toPlainString() : null);
	}

	/**
	 * Appends an array of values whose text needs no escaping (UUIDs, numbers) as an
	 * array literal, {@code {a,b}}.
	 */
	PostgresCopy array(Object[] values) {
		separator();
		StringBuilder out = this.text.append('{');
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(values[i]);
		}
		out.append('}');
		return this;
	}

	/**
	 * Appends a value whose text needs no escaping (digits, signs, dashes, colons, dots,
	 * spaces), or {@code \N} for NULL.
	 */
	private PostgresCopy raw(String value) {
		separator();
		this.text.append((value != null) ? value : "\\N");
		return this;
	}

	/** Ends the current row. */
	void endRow() {
		this.text.append('\n');
		this.rows++;
		this.atRowStart = true;
	}

	private void separator() {
		if (this.atRowStart) {
			this.atRowStart = false;
		}
		else {
			this.text.append('\t');
		}
	}

	/**
	 * Sends the rows.
	 * @param copySql {@code COPY table (columns) FROM STDIN}
	 * @throws SQLException when the server refused them (then nothing was written and the
	 * transaction is aborted)
	 */
	void copy(String copySql) throws SQLException {
		if (this.rows == 0) {
			return;
		}
		byte[] bytes = this.text.toString().getBytes(StandardCharsets.UTF_8);
		CopyIn copyIn = new CopyManager(this.connection).copyIn(copySql);
		try {
			copyIn.writeToCopy(bytes, 0, bytes.length);
			long written = copyIn.endCopy();
			if (written != this.rows) {
				throw new SQLException("COPY wrote " + written + " rows of " + this.rows);
			}
		}
		finally {
			if (copyIn.isActive()) {
				copyIn.cancelCopy();
			}
		}
	}

}
