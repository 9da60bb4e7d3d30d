package com.exampleco.timesheets.query.batch;

import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.query.batch.BatchStatus.RejectedEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the outcomes the processor recorded for a batch: the {@code event_outcomes} view
 * (applied, unchanged, rejected and duplicate deliveries) and, for object-level
 * authorization, whose timesheets the batch's events concern. Read-only.
 */
@Repository
@Transactional(readOnly = true)
public class BatchOutcomes {

	private final JdbcClient jdbc;

	BatchOutcomes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Deliveries of the batch's events grouped by outcome and reason.
	 * @param batchId the batch
	 * @return the groups, empty when nothing of the batch was recorded
	 */
	public List<OutcomeCount> counts(UUID batchId) {
		return this.jdbc.sql("""
				SELECT outcome, reason, COUNT(*) AS deliveries
				  FROM event_outcomes
				 WHERE batch_id = :batchId
				 GROUP BY outcome, reason
				""")
			.param("batchId", batchId)
			.query((rs, row) -> new OutcomeCount(rs.getString("outcome"), rs.getString("reason"),
					rs.getLong("deliveries")))
			.list();
	}

	/**
	 * The batch's rejected events, oldest first.
	 * @param batchId the batch
	 * @param limit at most this many
	 * @return the events, never null
	 */
	public List<RejectedEvent> rejected(UUID batchId, int limit) {
		return this.jdbc.sql("""
				SELECT event_id, timesheet_id, event_type, reason
				  FROM applied_events
				 WHERE batch_id = :batchId AND outcome = 'REJECTED'
				 ORDER BY applied_at, event_id
				 LIMIT :limit
				""")
			.param("batchId", batchId)
			.param("limit", limit)
			.query((rs, row) -> new RejectedEvent(rs.getObject("event_id", UUID.class),
					rs.getObject("timesheet_id", UUID.class), rs.getString("event_type"), rs.getString("reason")))
			.list();
	}

	/**
	 * Whether some event of the batch concerns a timesheet that is not the employee's
	 * (including timesheets that do not exist).
	 * @param batchId the batch
	 * @param employeeId the employee
	 * @return true when the batch touches anything but the employee's timesheets
	 */
	public boolean concernsOthersThan(UUID batchId, String employeeId) {
		return this.jdbc.sql("""
				SELECT COUNT(*)
				  FROM applied_events e
				  LEFT JOIN timesheets t ON t.timesheet_id = e.timesheet_id
				 WHERE e.batch_id = :batchId
				   AND (t.employee_id IS NULL OR t.employee_id <> :employeeId)
				""").param("batchId", batchId).param("employeeId", employeeId).query(Long.class).single() > 0;
	}

	/**
	 * Deliveries with one outcome and reason.
	 *
	 * @param outcome {@code APPLIED}, {@code UNCHANGED}, {@code REJECTED} or
	 * {@code DUPLICATE}
	 * @param reason the reason, null unless rejected
	 * @param deliveries how many
	 */
	public record OutcomeCount(String outcome, String reason, long deliveries) {

	}

}
