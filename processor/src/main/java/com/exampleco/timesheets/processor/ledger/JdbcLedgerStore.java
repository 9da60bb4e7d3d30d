package com.exampleco.timesheets.processor.ledger;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.processor.ledger.AppliedBatch.Result;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The ledger's tables through plain JDBC: lookups by an array of ids, batched
 * {@code UPDATE} with an optimistic version check and batched {@code INSERT}
 * ({@code JdbcTemplate.batchUpdate}) for the append-only rows. The store on H2 and any
 * database without {@code COPY}; {@link CopyLedgerStore} replaces the appends on
 * PostgreSQL.
 */
class JdbcLedgerStore implements LedgerStore {

	private static final String SELECT_RUN_EVENTS = "SELECT event_ids FROM applied_runs WHERE batch_id = ANY (?)";

	private static final String SELECT_OUTCOME_EVENTS = "SELECT event_id FROM event_outcome_rows WHERE batch_id = ANY (?)";

	private static final String SELECT_TIMESHEETS = "SELECT * FROM timesheets WHERE timesheet_id = ANY (?)";

	private static final String UPDATE_TIMESHEET = LedgerTables.TIMESHEETS.updateByKeyAndVersionSql();

	/** The database, bound to the caller's transaction. */
	protected final JdbcTemplate jdbc;

	JdbcLedgerStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<UUID> recordedEventIds(Collection<UUID> batchIds) {
		Set<UUID> recorded = new HashSet<>();
		this.jdbc.query(byIds(SELECT_RUN_EVENTS, batchIds), (RowCallbackHandler) (rs) -> {
			Array ids = rs.getArray(1);
			try {
				for (Object id : (Object[]) ids.getArray()) {
					recorded.add((id instanceof UUID uuid) ? uuid : UUID.fromString(id.toString()));
				}
			}
			finally {
				ids.free();
			}
		});
		this.jdbc.query(byIds(SELECT_OUTCOME_EVENTS, batchIds), (RowCallbackHandler) (rs) -> {
			recorded.add(rs.getObject(1, UUID.class));
		});
		return recorded;
	}

	@Override
	public Map<UUID, Timesheet> loadTimesheets(Collection<UUID> timesheetIds) {
		Map<UUID, Timesheet> states = new LinkedHashMap<>();
		this.jdbc.query(byIds(SELECT_TIMESHEETS, timesheetIds), (RowCallbackHandler) (rs) -> {
			Timesheet timesheet = LedgerTables.readTimesheet(rs);
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

	@Override
	public void insertTimesheets(List<Timesheet> timesheets, Instant now) {
		append(LedgerTables.TIMESHEETS, timesheets, now);
	}

	@Override
	public void updateTimesheets(List<Timesheet> timesheets, Map<UUID, Long> loadedVersions, Instant now) {
		if (timesheets.isEmpty()) {
			return;
		}
		int[][] counts = this.jdbc.batchUpdate(UPDATE_TIMESHEET, timesheets, timesheets.size(), (ps, timesheet) -> {
			int next = LedgerTables.TIMESHEETS.bind(ps, timesheet, now);
			ps.setLong(next, loadedVersions.get(timesheet.timesheetId()));
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

	@Override
	public void insertRuns(List<AppliedRun> runs, Instant now) {
		append(LedgerTables.RUNS, runs, now);
	}

	@Override
	public void insertOutcomes(List<Result> outcomes, Instant now) {
		append(LedgerTables.OUTCOMES, outcomes, now);
	}

	@Override
	public void insertDuplicates(List<Result> duplicates, Instant now) {
		append(LedgerTables.DUPLICATES, duplicates, now);
	}

	/**
	 * Writes append-only rows; this store with one batched {@code INSERT}.
	 * @param <R> the row type
	 * @param table the table
	 * @param rows the rows, may be empty
	 * @param now the time of the write
	 */
	protected <R> void append(Table<R> table, List<R> rows, Instant now) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(table.insertSql(), rows, rows.size(), (ps, row) -> table.bind(ps, row, now));
	}

}
