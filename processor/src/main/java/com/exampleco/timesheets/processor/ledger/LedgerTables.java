package com.exampleco.timesheets.processor.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.processor.ledger.AppliedBatch.Result;
import com.exampleco.timesheets.processor.ledger.Column.Kind;
import com.exampleco.timesheets.processor.ledger.Timesheet.Stamp;

/**
 * The ledger's tables as {@link Table} specifications (the columns it writes, in order)
 * and the mapping of a {@code timesheets} row back to a {@link Timesheet}: every column
 * name the ledger uses, in one place.
 */
final class LedgerTables {

	/**
	 * {@code timesheets}; the write time is {@code updated_at}. The key,
	 * {@code timesheet_id}, comes last, which the {@code UPDATE} relies on.
	 */
	static final Table<Timesheet> TIMESHEETS = new Table<>("timesheets", List.of(
			column("external_id", Kind.TEXT, (t) -> t.entry().externalId()),
			column("employee_id", Kind.TEXT, (t) -> t.entry().employeeId()),
			column("project_code", Kind.TEXT, (t) -> t.entry().projectCode()),
			column("work_date", Kind.DATE, (t) -> t.entry().workDate()),
			column("hours", Kind.DECIMAL, (t) -> t.entry().hours()), column("note", Kind.TEXT, (t) -> t.entry().note()),
			column("status", Kind.TEXT, (t) -> t.status().name()), column("version", Kind.LONG, Timesheet::version),
			column("last_event_id", Kind.UUID, Timesheet::lastEventId),
			column("last_batch_id", Kind.UUID, Timesheet::lastBatchId),
			column("submitted_at", Kind.TIMESTAMP, (t) -> t.submitted().at()),
			column("submitted_by", Kind.TEXT, (t) -> t.submitted().by()),
			column("submitted_client", Kind.TEXT, (t) -> t.submitted().clientId()),
			column("approved_at", Kind.TIMESTAMP, (t) -> at(t.approved())),
			column("approved_by", Kind.TEXT, (t) -> by(t.approved())),
			column("approval_comment", Kind.TEXT, (t) -> text(t.approved())),
			column("rejected_at", Kind.TIMESTAMP, (t) -> at(t.rejected())),
			column("rejected_by", Kind.TEXT, (t) -> by(t.rejected())),
			column("rejection_reason", Kind.TEXT, (t) -> text(t.rejected())),
			column("deleted_at", Kind.TIMESTAMP, (t) -> at(t.deleted())),
			column("deleted_by", Kind.TEXT, (t) -> by(t.deleted())),
			new Column<>("updated_at", Kind.TIMESTAMP, (t, now) -> now),
			column("timesheet_id", Kind.UUID, Timesheet::timesheetId)));

	/**
	 * {@code event_outcome_rows}: one row per UNCHANGED or REJECTED event (APPLIED ones
	 * go to {@link #RUNS}); the write time is {@code applied_at}. Called
	 * {@code applied_events} before V5, which is now the view of every recorded event.
	 */
	static final Table<Result> OUTCOMES = eventTable("event_outcome_rows",
			List.of(column("outcome", Kind.TEXT, (r) -> r.outcome().name()),
					column("reason", Kind.TEXT, Result::reason),
					column("occurred_at", Kind.TIMESTAMP, (r) -> r.received().event().occurredAt())),
			"applied_at");

	/**
	 * {@code duplicate_events}: one row per {@link Outcome#DUPLICATE} delivery; the write
	 * time is {@code received_at}.
	 */
	static final Table<Result> DUPLICATES = eventTable("duplicate_events", List.of(), "received_at");

	/**
	 * {@code applied_runs}: one row per {@link AppliedRun}; the write time is
	 * {@code applied_at}.
	 */
	static final Table<AppliedRun> RUNS = new Table<>("applied_runs",
			List.of(column("batch_id", Kind.UUID, (r) -> r.key().batchId()),
					column("kafka_topic", Kind.TEXT, (r) -> r.key().topic()),
					column("kafka_partition", Kind.INT, (r) -> r.key().partition()),
					column("first_offset", Kind.LONG, AppliedRun::firstOffset),
					column("events", Kind.INT, (r) -> r.events().size()),
					column("event_ids", Kind.UUID_ARRAY, AppliedRun::eventIds),
					column("timesheet_ids", Kind.UUID_ARRAY, AppliedRun::timesheetIds),
					column("kafka_offsets", Kind.LONG_ARRAY, AppliedRun::offsets),
					column("event_type", Kind.TEXT, (r) -> r.key().type().name()),
					column("occurred_at", Kind.TIMESTAMP, (r) -> r.key().occurredAt()),
					new Column<>("applied_at", Kind.TIMESTAMP, (r, now) -> now),
					column("client_id", Kind.TEXT, (r) -> r.key().clientId()),
					column("actor_subject", Kind.TEXT, (r) -> r.key().subject())));

	private LedgerTables() {
	}

	/**
	 * Maps the current row of a {@code SELECT * FROM timesheets}.
	 * @param rs the result set on a row
	 * @return the timesheet
	 * @throws SQLException from the driver
	 */
	static Timesheet readTimesheet(ResultSet rs) throws SQLException {
		TimesheetEntry entry = new TimesheetEntry(rs.getString("external_id"), rs.getString("employee_id"),
				rs.getString("project_code"), rs.getObject("work_date", LocalDate.class), rs.getBigDecimal("hours"),
				rs.getString("note"));
		Stamp submitted = new Stamp(instant(rs, "submitted_at"), rs.getString("submitted_by"),
				rs.getString("submitted_client"), null);
		Stamp approved = stamp(rs, "approved_at", "approved_by", "approval_comment");
		Stamp rejected = stamp(rs, "rejected_at", "rejected_by", "rejection_reason");
		Stamp deleted = stamp(rs, "deleted_at", "deleted_by", null);
		return new Timesheet(rs.getObject("timesheet_id", UUID.class), entry, Status.valueOf(rs.getString("status")),
				rs.getLong("version"), rs.getObject("last_event_id", UUID.class),
				rs.getObject("last_batch_id", UUID.class), submitted, approved, rejected, deleted);
	}

	/**
	 * The client that sent the event (the actor's client id, Auth0 {@code azp}): what
	 * lets the query API answer a batch to the client that sent it.
	 */
	private static String clientId(Result result) {
		return result.received().event().actor().clientId();
	}

	/**
	 * A table with a row per received event: the event's ids and type, then the table's
	 * own columns, then where the record was read, the write time, the sending client and
	 * who acted (the actor's subject).
	 */
	private static Table<Result> eventTable(String name, List<Column<Result>> own, String writtenAt) {
		List<Column<Result>> columns = new ArrayList<>();
		columns.add(column("event_id", Kind.UUID, (r) -> r.received().event().eventId()));
		columns.add(column("batch_id", Kind.UUID, (r) -> r.received().event().batchId()));
		columns.add(column("timesheet_id", Kind.UUID, (r) -> r.received().event().timesheetId()));
		columns.add(column("event_type", Kind.TEXT, (r) -> r.received().event().eventType().name()));
		columns.addAll(own);
		columns.add(column("kafka_topic", Kind.TEXT, (r) -> r.received().topic()));
		columns.add(column("kafka_partition", Kind.INT, (r) -> r.received().partition()));
		columns.add(column("kafka_offset", Kind.LONG, (r) -> r.received().offset()));
		columns.add(new Column<>(writtenAt, Kind.TIMESTAMP, (r, now) -> now));
		columns.add(column("client_id", Kind.TEXT, LedgerTables::clientId));
		columns.add(column("actor_subject", Kind.TEXT, (r) -> r.received().event().actor().subject()));
		return new Table<>(name, columns);
	}

	private static <R> Column<R> column(String name, Kind kind, Function<R, Object> value) {
		return new Column<>(name, kind, (row, now) -> value.apply(row));
	}

	private static Instant at(Stamp stamp) {
		return (stamp != null) ? stamp.at() : null;
	}

	private static String by(Stamp stamp) {
		return (stamp != null) ? stamp.by() : null;
	}

	private static String text(Stamp stamp) {
		return (stamp != null) ? stamp.text() : null;
	}

	private static Stamp stamp(ResultSet rs, String at, String by, String text) throws SQLException {
		Instant instant = instant(rs, at);
		if (instant == null) {
			return null;
		}
		return new Stamp(instant, rs.getString(by), null, (text != null) ? rs.getString(text) : null);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
