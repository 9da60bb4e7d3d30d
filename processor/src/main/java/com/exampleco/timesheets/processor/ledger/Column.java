package com.exampleco.timesheets.processor.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One column of a ledger table: its name, its SQL kind and how a row's value is read. The
 * kind alone decides how the value is bound to a {@link PreparedStatement} and how it is
 * formatted for {@link PostgresCopy}, so both write paths store the same value.
 *
 * @param <R> the row type
 * @param name the column name
 * @param kind how the value is bound and formatted
 * @param value reads the value from a row and the write time; may return null
 */
record Column<R>(String name, Kind kind, Value<R> value) {

	/**
	 * Reads a column's value.
	 *
	 * @param <R> the row type
	 */
	@FunctionalInterface
	interface Value<R> {

		/**
		 * The value of the column for a row.
		 * @param row the row
		 * @param now the time of the write (applied, updated or received at)
		 * @return the value of the kind's Java type, or null
		 */
		Object of(R row, Instant now);

	}

	/** The SQL kinds the ledger writes, with their Java types. */
	enum Kind {

		/** {@link String}, {@code varchar}/{@code text}. */
		TEXT,

		/** {@link UUID}. */
		UUID,

		/** {@link Integer}. */
		INT,

		/** {@link Long}. */
		LONG,

		/** {@link LocalDate}. */
		DATE,

		/** {@link BigDecimal}, {@code numeric}. */
		DECIMAL,

		/** {@link Instant}, {@code timestamp with time zone}, written in UTC. */
		TIMESTAMP,

		/** {@code UUID[]}, an SQL {@code UUID ARRAY}, never null. */
		UUID_ARRAY,

		/** {@code Long[]}, an SQL {@code BIGINT ARRAY}, never null. */
		LONG_ARRAY

	}

	/**
	 * Binds the column's value for a row.
	 * @param ps the statement
	 * @param index the parameter index
	 * @param row the row
	 * @param now the time of the write
	 * @throws SQLException from the driver
	 */
	void bind(PreparedStatement ps, int index, R row, Instant now) throws SQLException {
		Object value = this.value.of(row, now);
		switch (this.kind) {
			case TEXT -> ps.setString(index, (String) value);
			case UUID, DATE -> ps.setObject(index, value);
			case INT -> ps.setInt(index, (Integer) value);
			case LONG -> ps.setLong(index, (Long) value);
			case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
			case TIMESTAMP -> {
				if (value == null) {
					ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
				}
				else {
					ps.setObject(index, ((Instant) value).atOffset(ZoneOffset.UTC));
				}
			}
			case UUID_ARRAY -> ps.setArray(index, ps.getConnection().createArrayOf("uuid", (Object[]) value));
			case LONG_ARRAY -> ps.setArray(index, ps.getConnection().createArrayOf("bigint", (Object[]) value));
		}
	}

	/**
	 * Appends the column's value for a row to a COPY.
	 * @param rows the COPY being built
	 * @param row the row
	 * @param now the time of the write
	 */
	void copy(PostgresCopy rows, R row, Instant now) {
		Object value = this.value.of(row, now);
		switch (this.kind) {
			case TEXT -> rows.text((String) value);
			case UUID -> rows.uuid((UUID) value);
			case INT, LONG -> rows.number(((Number) value).longValue());
			case DATE -> rows.date((LocalDate) value);
			case DECIMAL -> rows.decimal((BigDecimal) value);
			case TIMESTAMP -> rows.timestamp((Instant) value);
			case UUID_ARRAY, LONG_ARRAY -> rows.array((Object[]) value);
		}
	}

}
