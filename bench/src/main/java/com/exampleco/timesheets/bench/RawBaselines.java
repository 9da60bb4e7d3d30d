package com.exampleco.timesheets.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.exampleco.timesheets.events.TimesheetEntry;

/**
 * The raw database baselines: what the same PostgreSQL does for plain JDBC clients with
 * the same rows and no pipeline in between (the Kafka one is {@link KafkaBaseline}).
 */
final class RawBaselines {

	private RawBaselines() {
	}

	static final String UPSERT = """
			INSERT INTO timesheets (timesheet_id, external_id, employee_id, project_code, work_date, hours, note,
			    status, version, last_event_id, last_batch_id, submitted_at, submitted_by, submitted_client, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', 1, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (timesheet_id) DO UPDATE SET external_id = EXCLUDED.external_id,
			    employee_id = EXCLUDED.employee_id, project_code = EXCLUDED.project_code,
			    work_date = EXCLUDED.work_date, hours = EXCLUDED.hours, note = EXCLUDED.note,
			    version = timesheets.version + 1, last_event_id = EXCLUDED.last_event_id,
			    last_batch_id = EXCLUDED.last_batch_id, updated_at = EXCLUDED.updated_at""";

	static final String INSERT_OUTCOME = """
			INSERT INTO event_outcome_rows (event_id, batch_id, timesheet_id, event_type, outcome, reason, occurred_at,
			    kafka_topic, kafka_partition, kafka_offset, applied_at)
			VALUES (?, ?, ?, 'SUBMITTED', 'APPLIED', NULL, ?, 'raw', 0, ?, ?)""";

	/**
	 * Plain JDBC batched upsert of {@code count} timesheet rows into the pipeline's
	 * schema, {@code batchSize} rows per statement batch and transaction, on
	 * {@code threads} connections (the processor's concurrency and poll size).
	 * @return rows per second
	 */
	static double upsert(Db db, Payloads payloads, int count, int batchSize, int threads) throws Exception {
		return upsert(db, payloads, count, batchSize, threads, false);
	}

	/**
	 * Like {@link #upsert(Db, Payloads, int, int, int)}, plus one per-event outcome row
	 * ({@code event_outcome_rows}, which was {@code applied_events} before the
	 * processor's V5) per timesheet in the same transaction (batched INSERT): the two
	 * rows the processor wrote per event before issue 18, without anything else it does
	 * (no Kafka, no lookups, no state machine). Rows of their own ids, so they do not
	 * update the first baseline's.
	 */
	static double upsertWithOutcome(Db db, Payloads payloads, int count, int batchSize, int threads) throws Exception {
		return upsert(db, payloads, count, batchSize, threads, true);
	}

	/**
	 * Deletes what the two upsert baselines wrote — their timesheets (external ids of the
	 * phases {@code raw} and {@code raw2}, warm-up rows included) and outcome rows (topic
	 * {@code raw}) — and vacuums both tables. The processor then starts on a table as
	 * empty as the peer's ({@code peer_timesheets}, created empty in phase 4b), and the
	 * processor phase's progress count does not scan the baseline's outcome rows every
	 * half second.
	 * @param db the pipeline's database
	 * @param payloads the run's payloads (the external ids' prefixes)
	 * @return the rows deleted
	 * @throws SQLException when the database refuses
	 */
	static long removeRows(Db db, Payloads payloads) throws SQLException {
		long deleted = 0;
		try (Connection connection = db.connect()) {
			try (PreparedStatement timesheets = connection.prepareStatement(
					"DELETE FROM timesheets WHERE left(external_id, ?) = ? OR left(external_id, ?) = ?")) {
				String raw = payloads.externalIdPrefix("raw");
				String raw2 = payloads.externalIdPrefix("raw2");
				timesheets.setInt(1, raw.length());
				timesheets.setString(2, raw);
				timesheets.setInt(3, raw2.length());
				timesheets.setString(4, raw2);
				deleted += timesheets.executeUpdate();
			}
			try (Statement statement = connection.createStatement()) {
				deleted += statement.executeUpdate("DELETE FROM event_outcome_rows WHERE kafka_topic = 'raw'");
				statement.execute("VACUUM ANALYZE timesheets");
				statement.execute("VACUUM ANALYZE event_outcome_rows");
			}
		}
		return deleted;
	}

	private static double upsert(Db db, Payloads payloads, int count, int batchSize, int threads, boolean withOutcome)
			throws Exception {
		String prefix = withOutcome ? "raw2" : "raw";
		try (Connection connection = db.connect()) {
			upsertRange(connection, payloads, prefix, withOutcome, -batchSize * threads, 0); // warm-up
		}
		AtomicLong next = new AtomicLong();
		long start = System.nanoTime();
		Clients.run(threads, () -> {
			try (Connection connection = db.connect()) {
				long from;
				while ((from = next.getAndAdd(batchSize)) < count) {
					upsertRange(connection, payloads, prefix, withOutcome, from, Math.min(from + batchSize, count));
				}
			}
		});
		return count / ((System.nanoTime() - start) / 1e9);
	}

	private static void upsertRange(Connection connection, Payloads payloads, String prefix, boolean withOutcome,
			long from, long to) throws SQLException {
		connection.setAutoCommit(false);
		Timestamp now = Timestamp.from(Instant.now());
		UUID batch = UUID.randomUUID();
		try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
			for (long seq = from; seq < to; seq++) {
				TimesheetEntry entry = payloads.entry(prefix, seq);
				statement.setObject(1, payloads.timesheetId(prefix, seq));
				statement.setString(2, entry.externalId());
				statement.setString(3, entry.employeeId());
				statement.setString(4, entry.projectCode());
				statement.setObject(5, entry.workDate());
				statement.setBigDecimal(6, entry.hours());
				statement.setString(7, entry.note());
				statement.setObject(8, UUID.randomUUID());
				statement.setObject(9, batch);
				statement.setTimestamp(10, now);
				statement.setString(11, Payloads.CLIENT_ID);
				statement.setString(12, Payloads.CLIENT_ID);
				statement.setTimestamp(13, now);
				statement.addBatch();
			}
			statement.executeBatch();
		}
		if (withOutcome) {
			try (PreparedStatement statement = connection.prepareStatement(INSERT_OUTCOME)) {
				for (long seq = from; seq < to; seq++) {
					statement.setObject(1, UUID.randomUUID());
					statement.setObject(2, batch);
					statement.setObject(3, payloads.timesheetId(prefix, seq));
					statement.setTimestamp(4, now);
					statement.setLong(5, seq);
					statement.setTimestamp(6, now);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		connection.commit();
	}

	/**
	 * Plain JDBC point select by id on {@code threads} connections for {@code seconds}
	 * (after {@code warmupSeconds}).
	 */
	static Throughput pointSelect(Db db, List<UUID> ids, int threads, int warmupSeconds, int seconds) throws Exception {
		Latencies latencies = new Latencies();
		AtomicLong done = new AtomicLong();
		Clients.Window window = Clients.Window.after(warmupSeconds, seconds);
		Clients.run(threads, () -> {
			try (Connection connection = db.connect();
					PreparedStatement statement = connection
						.prepareStatement("SELECT * FROM timesheets WHERE timesheet_id = ?")) {
				connection.setReadOnly(true);
				while (window.open()) {
					long sent = System.nanoTime();
					statement.setObject(1, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
					readRow(statement);
					if (window.measures(sent)) {
						latencies.record(System.nanoTime() - sent);
						done.incrementAndGet();
					}
				}
			}
		});
		return new Throughput(done.get() / (double) seconds, latencies);
	}

	/** Reads the one row of a point select, every column, as the query API maps it. */
	private static void readRow(PreparedStatement statement) throws SQLException {
		try (ResultSet rows = statement.executeQuery()) {
			if (!rows.next()) {
				throw new IllegalStateException("no row for a known id");
			}
			int columns = rows.getMetaData().getColumnCount();
			for (int i = 1; i <= columns; i++) {
				rows.getObject(i);
			}
		}
	}

	/** A rate and the latencies behind it. */
	record Throughput(double perSecond, Latencies latencies) {

		Map<String, Object> details() {
			Map<String, Object> details = new HashMap<>();
			details.put("samples", this.latencies.count());
			details.put("p50Ms", this.latencies.millis(50));
			details.put("p99Ms", this.latencies.millis(99));
			details.put("maxMs", this.latencies.maxMillis());
			return details;
		}

	}

	/** Connection details of one database. */
	record Db(String url, String user, String password) {

		Connection connect() throws SQLException {
			return DriverManager.getConnection(this.url, this.user, this.password);
		}

	}

}
