package com.exampleco.timesheets.processor.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.events.EventType;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.processor.ledger.AppliedBatch.Result;
import com.exampleco.timesheets.processor.ledger.Timesheet.Stamp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of events to the database in one transaction: drops eventIds already
 * recorded (recording the delivery in {@code duplicate_events}), runs the
 * {@link StateMachine} in delivery order (which is offset order per timesheet, since a
 * timesheet lives in one partition) and writes states and outcomes with batched JDBC: a
 * fixed number of round trips per batch, not one per event. Applying the same batch twice
 * changes no state. When the database refuses the batch deterministically (a data
 * exception or a constraint violation, see {@link DatabaseRefusals}), the batch is
 * applied again, event by event behind savepoints, in one transaction: the refused event
 * is recorded as {@link Outcome#REJECTED} with the refusal as reason and the others are
 * applied, so one record never blocks its partition.
 */
@Service
public class TimesheetLedger {

	private static final Logger logger = LoggerFactory.getLogger(TimesheetLedger.class);

	private static final String SELECT_RECORDED = "SELECT event_id FROM applied_events WHERE event_id = ANY (?)";

	private static final String SELECT_TIMESHEETS = "SELECT * FROM timesheets WHERE timesheet_id = ANY (?)";

	private static final String INSERT_TIMESHEET = """
			INSERT INTO timesheets (external_id, employee_id, project_code, work_date, hours, note, status, version,
			  last_event_id, last_batch_id, submitted_at, submitted_by, submitted_client, approved_at, approved_by,
			  approval_comment, rejected_at, rejected_by, rejection_reason, deleted_at, deleted_by, updated_at,
			  timesheet_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String UPDATE_TIMESHEET = """
			UPDATE timesheets SET external_id = ?, employee_id = ?, project_code = ?, work_date = ?, hours = ?,
			  note = ?, status = ?, version = ?, last_event_id = ?, last_batch_id = ?, submitted_at = ?,
			  submitted_by = ?, submitted_client = ?, approved_at = ?, approved_by = ?, approval_comment = ?,
			  rejected_at = ?, rejected_by = ?, rejection_reason = ?, deleted_at = ?, deleted_by = ?, updated_at = ?
			WHERE timesheet_id = ? AND version = ?""";

	/**
	 * The columns of an outcome row, in the order both {@link #insertOutcomes} paths
	 * (batched {@code INSERT} and {@code COPY}) write them.
	 */
	private static final String OUTCOME_COLUMNS = "applied_events (event_id, batch_id, timesheet_id, event_type, "
			+ "outcome, reason, occurred_at, kafka_topic, kafka_partition, kafka_offset, applied_at, client_id)";

	/** The columns of a duplicate delivery's row, in the order both paths write them. */
	private static final String DUPLICATE_COLUMNS = "duplicate_events (event_id, batch_id, timesheet_id, event_type, "
			+ "kafka_topic, kafka_partition, kafka_offset, received_at, client_id)";

	private static final String INSERT_OUTCOME = "INSERT INTO " + OUTCOME_COLUMNS
			+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_DUPLICATE = "INSERT INTO " + DUPLICATE_COLUMNS
			+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String COPY_TIMESHEETS = """
			COPY timesheets (external_id, employee_id, project_code, work_date, hours, note, status, version,
			  last_event_id, last_batch_id, submitted_at, submitted_by, submitted_client, approved_at, approved_by,
			  approval_comment, rejected_at, rejected_by, rejection_reason, deleted_at, deleted_by, updated_at,
			  timesheet_id) FROM STDIN""";

	private static final String COPY_OUTCOMES = "COPY " + OUTCOME_COLUMNS + " FROM STDIN";

	private static final String COPY_DUPLICATES = "COPY " + DUPLICATE_COLUMNS + " FROM STDIN";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final StateMachine stateMachine = new StateMachine();

	private final Clock clock;

	/**
	 * Whether the database is PostgreSQL, where the append-only rows (new timesheets,
	 * outcomes, duplicates) are written with {@code COPY}; elsewhere (H2) with batched
	 * {@code INSERT}. Found out on the first batch.
	 */
	private volatile Boolean copy;

	/**
	 * A ledger on the given database.
	 * @param jdbc the database
	 * @param transactions the transaction template of that database
	 * @param clock source of the applied-at time
	 */
	public TimesheetLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Applies the events in one transaction; when this returns, the transaction has
	 * committed. Any exception means nothing was written.
	 * @param events the batch in delivery order, may be empty
	 * @return the outcomes and the resulting states, never null
	 */
	public AppliedBatch apply(List<ReceivedEvent> events) {
		if (events.isEmpty()) {
			return new AppliedBatch(List.of(), Map.of(), this.clock.instant());
		}
		AppliedBatch batch;
		try {
			batch = this.transactions.execute((status) -> applyInTransaction(events));
		}
		catch (DataAccessException ex) {
			String state = DatabaseRefusals.deterministicState(ex);
			if (state == null) {
				throw ex;
			}
			logger.warn("The database refused a batch of {} events (SQLState {}); applying them one by one to "
					+ "isolate the refused record", events.size(), state);
			batch = this.transactions.execute((status) -> applyIsolating(events, status));
		}
		return new AppliedBatch(batch.results(), batch.touched(), this.clock.instant());
	}

	/**
	 * Applies the events one by one in one transaction, each behind a savepoint: an event
	 * the database refuses deterministically is rolled back to its savepoint and recorded
	 * as {@link Outcome#REJECTED} with the refusal as reason; the others are applied as
	 * usual. Any other failure propagates (the batch is retried).
	 */
	private AppliedBatch applyIsolating(List<ReceivedEvent> events, TransactionStatus status) {
		Instant now = this.clock.instant();
		List<Result> results = new ArrayList<>(events.size());
		Map<UUID, Timesheet> touched = new LinkedHashMap<>();
		for (ReceivedEvent received : events) {
			Object savepoint = status.createSavepoint();
			try {
				AppliedBatch one = applyInTransaction(List.of(received));
				status.releaseSavepoint(savepoint);
				results.addAll(one.results());
				touched.putAll(one.touched());
			}
			catch (DataAccessException ex) {
				String state = DatabaseRefusals.deterministicState(ex);
				if (state == null) {
					throw ex;
				}
				status.rollbackToSavepoint(savepoint);
				status.releaseSavepoint(savepoint);
				logger.warn("The database refused record {}-{}@{} (event {}, SQLState {}: {}); recorded as REJECTED",
						received.topic(), received.partition(), received.offset(), received.event().eventId(), state,
						firstLine(ex));
				Result refused = new Result(received, Outcome.REJECTED, DatabaseRefusals.describe(state));
				insertOutcomes(List.of(refused), now);
				results.add(refused);
				touched.putAll(loadTimesheets(List.of(received.event().timesheetId())));
			}
		}
		return new AppliedBatch(results, Collections.unmodifiableMap(touched), now);
	}

	private static String firstLine(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		int end = message.indexOf('\n');
		message = (end >= 0) ? message.substring(0, end) : message;
		return (message.length() > 200) ? message.substring(0, 200) + "…" : message;
	}

	private AppliedBatch applyInTransaction(List<ReceivedEvent> events) {
		Instant now = this.clock.instant();
		Set<UUID> eventIds = new LinkedHashSet<>();
		Set<UUID> timesheetIds = new LinkedHashSet<>();
		for (ReceivedEvent received : events) {
			eventIds.add(received.event().eventId());
			timesheetIds.add(received.event().timesheetId());
		}
		Set<UUID> recorded = recordedEventIds(eventIds);
		Map<UUID, Timesheet> states = loadTimesheets(timesheetIds);
		Map<UUID, Long> loadedVersions = new HashMap<>();
		states.forEach((id, timesheet) -> loadedVersions.put(id, timesheet.version()));

		List<Result> results = new ArrayList<>(events.size());
		Set<UUID> seen = new HashSet<>();
		Set<UUID> changed = new LinkedHashSet<>();
		for (ReceivedEvent received : events) {
			UUID eventId = received.event().eventId();
			if (recorded.contains(eventId) || !seen.add(eventId)) {
				results.add(new Result(received, Outcome.DUPLICATE, null));
				continue;
			}
			UUID timesheetId = received.event().timesheetId();
			Decision decision = this.stateMachine.decide(states.get(timesheetId), received.event());
			if (decision.outcome() == Outcome.APPLIED) {
				states.put(timesheetId, decision.next());
				changed.add(timesheetId);
			}
			results.add(new Result(received, decision.outcome(), decision.reason()));
		}

		List<Timesheet> inserts = new ArrayList<>();
		List<Timesheet> updates = new ArrayList<>();
		for (UUID id : changed) {
			(loadedVersions.containsKey(id) ? updates : inserts).add(states.get(id));
		}
		insertTimesheets(inserts, now);
		updateTimesheets(updates, loadedVersions, now);
		insertOutcomes(results, now);
		return new AppliedBatch(results, Collections.unmodifiableMap(states), now);
	}

	private Set<UUID> recordedEventIds(Collection<UUID> eventIds) {
		Set<UUID> recorded = new HashSet<>();
		this.jdbc.query(byIds(SELECT_RECORDED, eventIds), (RowCallbackHandler) (rs) -> {
			recorded.add(rs.getObject(1, UUID.class));
		});
		return recorded;
	}

	private Map<UUID, Timesheet> loadTimesheets(Collection<UUID> timesheetIds) {
		Map<UUID, Timesheet> states = new LinkedHashMap<>();
		this.jdbc.query(byIds(SELECT_TIMESHEETS, timesheetIds), (RowCallbackHandler) (rs) -> {
			Timesheet timesheet = mapTimesheet(rs);
			states.put(timesheet.timesheetId(), timesheet);
		});
		return states;
	}

	/**
	 * One statement for the whole batch, whatever its size: the ids travel as one array
	 * parameter, so the SQL text never changes (prepared once per connection, no
	 * 500-placeholder lists to parse and plan).
	 */
	private static PreparedStatementCreator byIds(String sql, Collection<UUID> ids) {
		return (connection) -> {
			PreparedStatement ps = connection.prepareStatement(sql);
			ps.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
			return ps;
		};
	}

	private void insertTimesheets(List<Timesheet> inserts, Instant now) {
		if (inserts.isEmpty()) {
			return;
		}
		if (useCopy()) {
			this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
				PostgresCopy rows = PostgresCopy.on(connection);
				for (Timesheet timesheet : inserts) {
					copyTimesheet(rows, timesheet, now);
				}
				rows.copy(COPY_TIMESHEETS);
				return null;
			});
			return;
		}
		this.jdbc.batchUpdate(INSERT_TIMESHEET, inserts, inserts.size(), (ps, timesheet) -> {
			int next = bindTimesheet(ps, timesheet, now);
			ps.setObject(next, timesheet.timesheetId());
		});
	}

	private void updateTimesheets(List<Timesheet> updates, Map<UUID, Long> loadedVersions, Instant now) {
		if (updates.isEmpty()) {
			return;
		}
		int[][] counts = this.jdbc.batchUpdate(UPDATE_TIMESHEET, updates, updates.size(), (ps, timesheet) -> {
			int next = bindTimesheet(ps, timesheet, now);
			ps.setObject(next, timesheet.timesheetId());
			ps.setLong(next + 1, loadedVersions.get(timesheet.timesheetId()));
		});
		for (int[] chunk : counts) {
			for (int count : chunk) {
				if (count == 0) {
					// another consumer (a zombie after a rebalance) changed it meanwhile:
					// retry the batch
					throw new OptimisticLockingFailureException("timesheet changed concurrently");
				}
			}
		}
	}

	private void insertOutcomes(List<Result> results, Instant now) {
		List<Result> outcomes = new ArrayList<>(results.size());
		List<Result> duplicates = new ArrayList<>();
		for (Result result : results) {
			(result.outcome() == Outcome.DUPLICATE ? duplicates : outcomes).add(result);
		}
		if (useCopy()) {
			copyOutcomes(outcomes, duplicates, now);
			return;
		}
		if (!outcomes.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_OUTCOME, outcomes, outcomes.size(), (ps, result) -> {
				ReceivedEvent received = result.received();
				ps.setObject(1, received.event().eventId());
				ps.setObject(2, received.event().batchId());
				ps.setObject(3, received.event().timesheetId());
				ps.setString(4, typeName(received.event().eventType()));
				ps.setString(5, result.outcome().name());
				ps.setString(6, result.reason());
				ps.setObject(7, timestamp(received.event().occurredAt()));
				ps.setString(8, received.topic());
				ps.setInt(9, received.partition());
				ps.setLong(10, received.offset());
				ps.setObject(11, timestamp(now));
				ps.setString(12, clientId(received));
			});
		}
		if (!duplicates.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_DUPLICATE, duplicates, duplicates.size(), (ps, result) -> {
				ReceivedEvent received = result.received();
				ps.setObject(1, received.event().eventId());
				ps.setObject(2, received.event().batchId());
				ps.setObject(3, received.event().timesheetId());
				ps.setString(4, typeName(received.event().eventType()));
				ps.setString(5, received.topic());
				ps.setInt(6, received.partition());
				ps.setLong(7, received.offset());
				ps.setObject(8, timestamp(now));
				ps.setString(9, clientId(received));
			});
		}
	}

	private void copyOutcomes(List<Result> outcomes, List<Result> duplicates, Instant now) {
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			if (!outcomes.isEmpty()) {
				PostgresCopy rows = PostgresCopy.on(connection);
				for (Result result : outcomes) {
					ReceivedEvent received = result.received();
					rows.uuid(received.event().eventId())
						.uuid(received.event().batchId())
						.uuid(received.event().timesheetId())
						.text(typeName(received.event().eventType()))
						.text(result.outcome().name())
						.text(result.reason())
						.timestamp(received.event().occurredAt())
						.text(received.topic())
						.number(received.partition())
						.number(received.offset())
						.timestamp(now)
						.text(clientId(received))
						.endRow();
				}
				rows.copy(COPY_OUTCOMES);
			}
			if (!duplicates.isEmpty()) {
				PostgresCopy rows = PostgresCopy.on(connection);
				for (Result result : duplicates) {
					ReceivedEvent received = result.received();
					rows.uuid(received.event().eventId())
						.uuid(received.event().batchId())
						.uuid(received.event().timesheetId())
						.text(typeName(received.event().eventType()))
						.text(received.topic())
						.number(received.partition())
						.number(received.offset())
						.timestamp(now)
						.text(clientId(received))
						.endRow();
				}
				rows.copy(COPY_DUPLICATES);
			}
			return null;
		});
	}

	/** Same columns, same order as {@link #INSERT_TIMESHEET}. */
	private static void copyTimesheet(PostgresCopy rows, Timesheet timesheet, Instant now) {
		TimesheetEntry entry = timesheet.entry();
		rows.text(entry.externalId())
			.text(entry.employeeId())
			.text(entry.projectCode())
			.date(entry.workDate())
			.decimal(entry.hours())
			.text(entry.note())
			.text(timesheet.status().name())
			.number(timesheet.version())
			.uuid(timesheet.lastEventId())
			.uuid(timesheet.lastBatchId())
			.timestamp(timesheet.submitted().at())
			.text(timesheet.submitted().by())
			.text(timesheet.submitted().clientId());
		copyStamp(rows, timesheet.approved(), true);
		copyStamp(rows, timesheet.rejected(), true);
		copyStamp(rows, timesheet.deleted(), false);
		rows.timestamp(now).uuid(timesheet.timesheetId()).endRow();
	}

	private static void copyStamp(PostgresCopy rows, Stamp stamp, boolean withText) {
		rows.timestamp((stamp != null) ? stamp.at() : null).text((stamp != null) ? stamp.by() : null);
		if (withText) {
			rows.text((stamp != null) ? stamp.text() : null);
		}
	}

	private boolean useCopy() {
		Boolean copy = this.copy;
		if (copy == null) {
			copy = this.jdbc.execute((ConnectionCallback<Boolean>) PostgresCopy::supports);
			this.copy = copy;
		}
		return copy;
	}

	/**
	 * The client that sent the event (the actor's client id, Auth0 {@code azp}): what
	 * lets the query API answer a batch to the client that sent it.
	 */
	private static String clientId(ReceivedEvent received) {
		return received.event().actor().clientId();
	}

	static String typeName(EventType type) {
		return type.name();
	}

	private static int bindTimesheet(PreparedStatement ps, Timesheet timesheet, Instant now) throws SQLException {
		TimesheetEntry entry = timesheet.entry();
		ps.setString(1, entry.externalId());
		ps.setString(2, entry.employeeId());
		ps.setString(3, entry.projectCode());
		ps.setObject(4, entry.workDate());
		ps.setBigDecimal(5, entry.hours());
		ps.setString(6, entry.note());
		ps.setString(7, timesheet.status().name());
		ps.setLong(8, timesheet.version());
		ps.setObject(9, timesheet.lastEventId());
		ps.setObject(10, timesheet.lastBatchId());
		ps.setObject(11, timestamp(timesheet.submitted().at()));
		ps.setString(12, timesheet.submitted().by());
		ps.setString(13, timesheet.submitted().clientId());
		int next = bindStamp(ps, 14, timesheet.approved(), true);
		next = bindStamp(ps, next, timesheet.rejected(), true);
		next = bindStamp(ps, next, timesheet.deleted(), false);
		ps.setObject(next, timestamp(now));
		return next + 1;
	}

	private static int bindStamp(PreparedStatement ps, int index, Stamp stamp, boolean withText) throws SQLException {
		if (stamp == null) {
			ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
			ps.setNull(index + 1, Types.VARCHAR);
			if (withText) {
				ps.setNull(index + 2, Types.VARCHAR);
			}
		}
		else {
			ps.setObject(index, timestamp(stamp.at()));
			ps.setString(index + 1, stamp.by());
			if (withText) {
				ps.setString(index + 2, stamp.text());
			}
		}
		return index + (withText ? 3 : 2);
	}

	private static Timesheet mapTimesheet(ResultSet rs) throws SQLException {
		TimesheetEntry entry = new TimesheetEntry(rs.getString("external_id"), rs.getString("employee_id"),
				rs.getString("project_code"), rs.getObject("work_date", java.time.LocalDate.class),
				rs.getBigDecimal("hours"), rs.getString("note"));
		Stamp submitted = new Stamp(instant(rs, "submitted_at"), rs.getString("submitted_by"),
				rs.getString("submitted_client"), null);
		Stamp approved = stamp(rs, "approved_at", "approved_by", "approval_comment");
		Stamp rejected = stamp(rs, "rejected_at", "rejected_by", "rejection_reason");
		Stamp deleted = stamp(rs, "deleted_at", "deleted_by", null);
		return new Timesheet(rs.getObject("timesheet_id", UUID.class), entry, Status.valueOf(rs.getString("status")),
				rs.getLong("version"), rs.getObject("last_event_id", UUID.class),
				rs.getObject("last_batch_id", UUID.class), submitted, approved, rejected, deleted);
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

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
