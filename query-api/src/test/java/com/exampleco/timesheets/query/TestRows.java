package com.exampleco.timesheets.query;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;
import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Writes rows as the processor's schema holds them, into the database the tests' query
 * API reads. The schema is the processor's own Flyway migration (from the processor jar
 * on the test class path), never a copy. The writer connects on its own: the API's pool
 * is read-only.
 */
public final class TestRows {

	/**
	 * The in-memory H2 database of the web tests, in PostgreSQL mode like local-stack's.
	 */
	public static final String H2_URL = "jdbc:h2:mem:query-web;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	/** The client that submitted the rows unless a test names another. */
	public static final String UPLOADER = "uploader-job";

	private static TestRows h2;

	private final JdbcTemplate jdbc;

	private final AtomicLong offsets = new AtomicLong();

	private TestRows(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * The writer of the web tests' H2 database, migrated on first use.
	 * @return the writer
	 */
	/**
	 * A writer for another database (PostgreSQL in the people-rules tests), migrated with
	 * the processor's migration.
	 * @param dataSource the database
	 * @return the writer
	 */
	public static TestRows of(DataSource dataSource) {
		return new TestRows(dataSource);
	}

	public static synchronized TestRows h2() {
		if (h2 == null) {
			// one connection for the JVM: H2 evaluates the CHECK constraints with the
			// session that created them, which must stay open
			h2 = new TestRows(new SingleConnectionDataSource(H2_URL, "sa", "", true));
		}
		return h2;
	}

	/**
	 * A plain JDBC template on the database.
	 * @return the template
	 */
	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	/**
	 * Inserts a timesheet at version 1, SUBMITTED unless said otherwise.
	 * @param employeeId the employee
	 * @param projectCode the project
	 * @param workDate the work date
	 * @param hours the hours
	 * @param status the status
	 * @return the new timesheet's id
	 */
	public UUID timesheet(String employeeId, String projectCode, LocalDate workDate, String hours, String status) {
		return timesheet(UUID.randomUUID(), UUID.randomUUID(), employeeId, projectCode, workDate, hours, status);
	}

	/**
	 * Inserts a timesheet at version 1.
	 * @param id the timesheet id
	 * @param batchId the batch of its last event
	 * @param employeeId the employee
	 * @param projectCode the project
	 * @param workDate the work date
	 * @param hours the hours
	 * @param status the status
	 * @return the id
	 */
	public UUID timesheet(UUID id, UUID batchId, String employeeId, String projectCode, LocalDate workDate,
			String hours, String status) {
		return timesheet(id, batchId, employeeId, projectCode, workDate, hours, status, UPLOADER);
	}

	/**
	 * Inserts a timesheet at version 1 that a given client submitted.
	 * @param id the timesheet id
	 * @param batchId the batch of its last event
	 * @param employeeId the employee
	 * @param projectCode the project
	 * @param workDate the work date
	 * @param hours the hours
	 * @param status the status
	 * @param client the submitting client ({@code submitted_client})
	 * @return the id
	 */
	public UUID timesheet(UUID id, UUID batchId, String employeeId, String projectCode, LocalDate workDate,
			String hours, String status, String client) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("""
				INSERT INTO timesheets (timesheet_id, external_id, employee_id, project_code, work_date, hours, note,
				  status, version, last_event_id, last_batch_id, submitted_at, submitted_by, submitted_client,
				  deleted_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)""", id, "ext-" + id, employeeId, projectCode,
				workDate, new BigDecimal(hours), "note of " + employeeId, status, UUID.randomUUID(), batchId, now,
				client, client, "DELETED".equals(status) ? now : null, now);
		return id;
	}

	/**
	 * Records the outcome of a submission as the processor does: sent by the client that
	 * submitted the timesheet ({@code submitted_client}), {@link #UPLOADER} when there is
	 * no such row.
	 * @param batchId the batch
	 * @param timesheetId the timesheet
	 * @param outcome {@code APPLIED}, {@code UNCHANGED} or {@code REJECTED}
	 * @param reason the reason of a rejection, else null
	 * @return the event id
	 */
	public UUID outcome(UUID batchId, UUID timesheetId, String outcome, String reason) {
		String submitter = this.jdbc
			.queryForList("SELECT submitted_client FROM timesheets WHERE timesheet_id = ?", String.class, timesheetId)
			.stream()
			.findFirst()
			.orElse(UPLOADER);
		return outcome(batchId, timesheetId, "SUBMITTED", outcome, reason, submitter);
	}

	/**
	 * Records an event's outcome as the processor does, sent by {@link #UPLOADER}.
	 * @param batchId the batch
	 * @param timesheetId the timesheet
	 * @param eventType {@code SUBMITTED}, {@code APPROVED}, {@code REJECTED} or
	 * {@code DELETED}
	 * @param outcome {@code APPLIED}, {@code UNCHANGED} or {@code REJECTED}
	 * @param reason the reason of a rejection, else null
	 * @return the event id
	 */
	public UUID outcome(UUID batchId, UUID timesheetId, String eventType, String outcome, String reason) {
		return outcome(batchId, timesheetId, eventType, outcome, reason, UPLOADER);
	}

	/**
	 * Records an event's outcome as the processor does.
	 * @param batchId the batch
	 * @param timesheetId the timesheet
	 * @param eventType {@code SUBMITTED}, {@code APPROVED}, {@code REJECTED} or
	 * {@code DELETED}
	 * @param outcome {@code APPLIED}, {@code UNCHANGED} or {@code REJECTED}
	 * @param reason the reason of a rejection, else null
	 * @param clientId the client that sent the event ({@code client_id}); null for a row
	 * recorded before the processor recorded clients
	 * @return the event id
	 */
	public UUID outcome(UUID batchId, UUID timesheetId, String eventType, String outcome, String reason,
			String clientId) {
		return outcome(batchId, timesheetId, eventType, outcome, reason, clientId, null);
	}

	/**
	 * Records an event's outcome as the processor does, with who acted.
	 * @param batchId the batch
	 * @param timesheetId the timesheet
	 * @param eventType the event type
	 * @param outcome the outcome
	 * @param reason the reason of a rejection, else null
	 * @param clientId the client that sent the event
	 * @param subject the actor's subject ({@code actor_subject}), null for none
	 * @return the event id
	 */
	public UUID outcome(UUID batchId, UUID timesheetId, String eventType, String outcome, String reason,
			String clientId, String subject) {
		UUID eventId = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		if ("APPLIED".equals(outcome)) {
			// as the processor records an APPLIED event since its V5: in a run (of one
			// here)
			long offset = this.offsets.incrementAndGet();
			this.jdbc.update((connection) -> {
				PreparedStatement ps = connection.prepareStatement(
						"""
								INSERT INTO applied_runs (batch_id, kafka_topic, kafka_partition, first_offset, events, event_ids,
								  timesheet_ids, kafka_offsets, event_type, occurred_at, applied_at, client_id, actor_subject)
								VALUES (?, 'timesheet-events', 0, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)""");
				ps.setObject(1, batchId);
				ps.setLong(2, offset);
				ps.setArray(3, connection.createArrayOf("uuid", new UUID[] { eventId }));
				ps.setArray(4, connection.createArrayOf("uuid", new UUID[] { timesheetId }));
				ps.setArray(5, connection.createArrayOf("bigint", new Long[] { offset }));
				ps.setString(6, eventType);
				ps.setTimestamp(7, now);
				ps.setTimestamp(8, now);
				ps.setString(9, clientId);
				ps.setString(10, subject);
				return ps;
			});
			return eventId;
		}
		this.jdbc.update(
				"""
						INSERT INTO event_outcome_rows (event_id, batch_id, timesheet_id, event_type, outcome, reason, occurred_at,
						  kafka_topic, kafka_partition, kafka_offset, applied_at, client_id, actor_subject)
						VALUES (?, ?, ?, ?, ?, ?, ?, 'timesheet-events', 0, 0, ?, ?, ?)""",
				eventId, batchId, timesheetId, eventType, outcome, reason, now, now, clientId, subject);
		return eventId;
	}

	/**
	 * Records a duplicate delivery of an event sent by {@link #UPLOADER}.
	 * @param batchId the batch
	 * @param timesheetId the timesheet
	 * @param eventId the event delivered again
	 */
	public void duplicate(UUID batchId, UUID timesheetId, UUID eventId) {
		this.jdbc.update("""
				INSERT INTO duplicate_events (event_id, batch_id, timesheet_id, event_type, kafka_topic,
				  kafka_partition, kafka_offset, received_at, client_id)
				VALUES (?, ?, ?, 'SUBMITTED', 'timesheet-events', 0, 1, ?, ?)""", eventId, batchId, timesheetId,
				Timestamp.from(Instant.now()), UPLOADER);
	}

}
