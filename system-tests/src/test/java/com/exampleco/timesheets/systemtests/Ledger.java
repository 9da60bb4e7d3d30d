package com.exampleco.timesheets.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.exampleco.timesheets.systemtests.harness.Pipeline;

/**
 * Exact counts from the processor's tables, for timesheets whose external id starts with
 * a scenario's prefix (every scenario uses its own).
 */
final class Ledger {

	private final Pipeline pipeline;

	Ledger(Pipeline pipeline) {
		this.pipeline = pipeline;
	}

	/** Timesheet rows of the prefix. */
	long timesheets(String prefix) {
		return count("SELECT COUNT(*) FROM timesheets WHERE external_id LIKE ?", prefix + "%");
	}

	/** Rows by status. */
	Map<String, Long> statuses(String prefix) {
		return grouped("SELECT status, COUNT(*) FROM timesheets WHERE external_id LIKE ? GROUP BY status",
				prefix + "%");
	}

	/** Distinct events recorded, by type and outcome ("SUBMITTED/APPLIED" …). */
	Map<String, Long> outcomes(String prefix) {
		return grouped("SELECT a.event_type || '/' || a.outcome, COUNT(*) FROM applied_events a"
				+ " JOIN timesheets t ON t.timesheet_id = a.timesheet_id WHERE t.external_id LIKE ?"
				+ " GROUP BY a.event_type, a.outcome", prefix + "%");
	}

	/** Deliveries dropped as duplicates (retried requests, redeliveries). */
	long duplicateDeliveries(String prefix) {
		return count("SELECT COUNT(*) FROM duplicate_events d JOIN timesheets t ON t.timesheet_id = d.timesheet_id"
				+ " WHERE t.external_id LIKE ?", prefix + "%");
	}

	/**
	 * Distinct events of one type that were delivered again and dropped (each counted
	 * once, however often it came back).
	 */
	long distinctDuplicateEvents(String prefix, String eventType) {
		return count(
				"SELECT COUNT(DISTINCT d.event_id) FROM duplicate_events d JOIN timesheets t"
						+ " ON t.timesheet_id = d.timesheet_id WHERE t.external_id LIKE ? AND d.event_type = ?",
				prefix + "%", eventType);
	}

	/**
	 * Timesheets whose version is not what the applied events make it, that have no
	 * applied submission, or that one request (batch) changed more than once: a doubled
	 * entry. (A later upload that changes the content is a new request and may apply.)
	 */
	long doubled(String prefix) {
		// set-based, reading applied_events once: since the processor's V5 it is a view
		// whose APPLIED events live in arrays, which no index on timesheet_id reaches (a
		// subquery per timesheet would expand the whole view each time)
		return count(
				"""
						WITH applied AS (SELECT timesheet_id, batch_id, event_type FROM applied_events WHERE outcome = 'APPLIED'),
						     per_timesheet AS (SELECT timesheet_id, COUNT(*) AS events,
						                              COUNT(CASE WHEN event_type = 'SUBMITTED' THEN 1 END) AS submissions
						                         FROM applied GROUP BY timesheet_id),
						     twice_in_a_batch AS (SELECT DISTINCT timesheet_id FROM applied
						                           GROUP BY timesheet_id, batch_id HAVING COUNT(*) > 1)
						SELECT COUNT(*) FROM timesheets t
						  LEFT JOIN per_timesheet p ON p.timesheet_id = t.timesheet_id
						 WHERE t.external_id LIKE ?
						   AND (t.version <> COALESCE(p.events, 0) OR COALESCE(p.submissions, 0) = 0
						        OR t.timesheet_id IN (SELECT timesheet_id FROM twice_in_a_batch))""",
				prefix + "%");
	}

	/** Sum of versions (changes whenever any event is applied). */
	long versionSum(String prefix) {
		return count("SELECT COALESCE(SUM(version), 0) FROM timesheets WHERE external_id LIKE ?", prefix + "%");
	}

	/** External ids present among the given ones. */
	List<String> externalIds(String prefix) {
		List<String> ids = new ArrayList<>();
		query("SELECT external_id FROM timesheets WHERE external_id LIKE ?", (rs) -> ids.add(rs.getString(1)),
				prefix + "%");
		return ids;
	}

	long count(String sql, Object... parameters) {
		long[] result = new long[1];
		query(sql, (rs) -> result[0] = rs.getLong(1), parameters);
		return result[0];
	}

	Map<String, Long> grouped(String sql, Object... parameters) {
		Map<String, Long> result = new TreeMap<>();
		query(sql, (rs) -> result.put(rs.getString(1), rs.getLong(2)), parameters);
		return result;
	}

	private void query(String sql, RowHandler handler, Object... parameters) {
		try (Connection connection = this.pipeline.postgres().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					handler.row(rs);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	interface RowHandler {

		void row(ResultSet rs) throws SQLException;

	}

}
