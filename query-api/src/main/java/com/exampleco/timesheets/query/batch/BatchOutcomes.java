package com.exampleco.timesheets.query.batch;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.query.batch.BatchStatus.RejectedEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the outcomes the processor recorded for a batch: the {@code event_outcomes} view
 * (applied, unchanged, rejected and duplicate deliveries) and, for object-level
 * authorization, which client sent the batch and whose timesheets its events concern.
 * Read-only.
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
	 * Whether some event of the batch concerns a timesheet that is none of the given
	 * employees' (including timesheets that do not exist). Employee ids are compared in
	 * canonical (upper-case) form.
	 * @param batchId the batch
	 * @param employeeIds the employees (an employee's own id, and a manager's team),
	 * canonical, not empty
	 * @return true when the batch touches anything but these employees' timesheets
	 */
	public boolean concernsOthersThan(UUID batchId, Set<String> employeeIds) {
		return this.jdbc.sql("""
				SELECT COUNT(*)
				  FROM applied_events e
				  LEFT JOIN timesheets t ON t.timesheet_id = e.timesheet_id
				 WHERE e.batch_id = :batchId
				   AND (t.employee_id IS NULL OR UPPER(t.employee_id) NOT IN (:employeeIds))
				""")
			.param("batchId", batchId)
			.param("employeeIds", List.copyOf(employeeIds))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the client sent the batch: it has recorded events and every one of them
	 * names the client. The processor records the sending client of each event
	 * ({@code applied_events.client_id}, the actor's client id), so submissions,
	 * approvals, rejections and deletions alike belong to the client that sent them; a
	 * batch holding events of another client belongs to neither. Rows recorded before
	 * that column existed have no client id; for them the old derivation stands: a
	 * timesheet's id is derived from the submitting client's id and the entry's external
	 * id, so such an event counts as the client's when it is a submission of a timesheet
	 * whose {@code timesheets.submitted_client} is the client. A legacy approval or
	 * deletion, or a legacy submission whose timesheet row does not exist, is nobody's.
	 * Both fail closed: only unrestricted readers see such batches.
	 * @param batchId the batch
	 * @param clientId the caller's client id ({@code azp}/{@code client_id})
	 * @return true when the batch is the client's
	 */
	public boolean belongsTo(UUID batchId, String clientId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) AS events,
				       COUNT(CASE WHEN e.client_id = :clientId
				                    OR (e.client_id IS NULL AND e.event_type = 'SUBMITTED'
				                        AND t.submitted_client = :clientId) THEN 1 END) AS own
				  FROM applied_events e
				  LEFT JOIN timesheets t ON t.timesheet_id = e.timesheet_id
				 WHERE e.batch_id = :batchId
				""")
			.param("batchId", batchId)
			.param("clientId", clientId)
			.query((rs, row) -> rs.getLong("events") > 0 && rs.getLong("own") == rs.getLong("events"))
			.single();
	}

	/**
	 * Whether this very actor sent the batch: it has recorded events and every one of
	 * them names the client and the subject ({@code applied_events.actor_subject}, the
	 * token's {@code sub}). For a person signed in to an app, the client alone names the
	 * app, shared by everybody; the subject names the person. Rows recorded before the
	 * subject was kept have none and so are nobody's by this rule.
	 * @param batchId the batch
	 * @param clientId the caller's client id
	 * @param subject the caller's subject
	 * @return true when every recorded event of the batch was sent by this actor
	 */
	public boolean sentBy(UUID batchId, String clientId, String subject) {
		return this.jdbc.sql("""
				SELECT COUNT(*) AS events,
				       COUNT(CASE WHEN e.client_id = :clientId AND e.actor_subject = :subject THEN 1 END) AS own
				  FROM applied_events e
				 WHERE e.batch_id = :batchId
				""")
			.param("batchId", batchId)
			.param("clientId", clientId)
			.param("subject", subject)
			.query((rs, row) -> rs.getLong("events") > 0 && rs.getLong("own") == rs.getLong("events"))
			.single();
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
