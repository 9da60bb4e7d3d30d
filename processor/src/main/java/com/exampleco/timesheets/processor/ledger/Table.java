package com.exampleco.timesheets.processor.ledger;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns a ledger table is written with, in order: the one specification from which
 * the {@code INSERT}, {@code UPDATE} and {@code COPY} statements and their values are
 * derived, so the write paths cannot disagree about a column.
 *
 * @param <R> the row type
 * @param name the table name
 * @param columns the columns in write order, never empty
 */
record Table<R>(String name, List<Column<R>> columns) {

	Table {
		columns = List.copyOf(columns);
	}

	/**
	 * The batched insert of a row.
	 * @return {@code INSERT INTO name (columns) VALUES (?, …)}
	 */
	String insertSql() {
		return "INSERT INTO " + this.name + " (" + names(this.columns) + ") VALUES ("
				+ this.columns.stream().map((column) -> "?").collect(Collectors.joining(", ")) + ")";
	}

	/**
	 * An {@code UPDATE} of every column but the last, which is the key; bound with
	 * {@link #bind}, then the expected version at the next index.
	 * @return {@code UPDATE name SET c1 = ?, … WHERE key = ? AND version = ?}
	 */
	String updateByKeyAndVersionSql() {
		List<Column<R>> set = this.columns.subList(0, this.columns.size() - 1);
		return "UPDATE " + this.name + " SET "
				+ set.stream().map((column) -> column.name() + " = ?").collect(Collectors.joining(", ")) + " WHERE "
				+ this.columns.get(this.columns.size() - 1).name() + " = ? AND version = ?";
	}

	/**
	 * The COPY of rows in text format.
	 * @return {@code COPY name (columns) FROM STDIN}
	 */
	String copySql() {
		return "COPY " + this.name + " (" + names(this.columns) + ") FROM STDIN";
	}

	/**
	 * Binds a row's values in column order from index 1.
	 * @param ps the statement of {@link #insertSql} or {@link #updateByKeyAndVersionSql}
	 * @param row the row
	 * @param now the time of the write
	 * @return the next free parameter index
	 * @throws SQLException from the driver
	 */
	int bind(PreparedStatement ps, R row, Instant now) throws SQLException {
		int index = 1;
		for (Column<R> column : this.columns) {
			column.bind(ps, index++, row, now);
		}
		return index;
	}

	/**
	 * Appends a row to a COPY of {@link #copySql}.
	 * @param rows the COPY being built
	 * @param row the row
	 * @param now the time of the write
	 */
	void copy(PostgresCopy rows, R row, Instant now) {
		for (Column<R> column : this.columns) {
			column.copy(rows, row, now);
		}
		rows.endRow();
	}

	private static String names(List<? extends Column<?>> columns) {
		return columns.stream().map(Column::name).collect(Collectors.joining(", "));
	}

}
