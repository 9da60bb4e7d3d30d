package com.exampleco.timesheets.query.timesheet;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the {@code timesheets} table the processor writes. Read-only; the SQL runs
 * unchanged on PostgreSQL and H2 (PostgreSQL mode).
 * <p>
 * Each method is one {@code SELECT}, run without a Spring transaction: a single statement
 * sees one snapshot anyway, and a transaction around it cost a
 * {@code BEGIN}/{@code COMMIT} exchange with the database and the transaction
 * interceptor's work on every point read (issue 18). The connections stay read-only
 * ({@code spring.datasource.hikari.read-only}, PostgreSQL's {@code readOnlyMode=always},
 * the SELECT-only role; README).
 */
@Repository
public class Timesheets {

	private static final String COLUMNS = """
			SELECT timesheet_id, external_id, employee_id, project_code, work_date, hours, note, status, version,
			       last_batch_id, submitted_at, approved_at, approved_by, approval_comment, rejected_at, rejected_by,
			       rejection_reason, updated_at
			  FROM timesheets
			""";

	private final JdbcClient jdbc;

	Timesheets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One timesheet, deleted or not.
	 * @param timesheetId the id
	 * @return the timesheet, empty when unknown
	 */
	public Optional<Timesheet> find(UUID timesheetId) {
		return this.jdbc.sql(COLUMNS + " WHERE timesheet_id = :id")
			.param("id", timesheetId)
			.query(Timesheets::timesheet)
			.optional();
	}

	/**
	 * Up to {@code limit} timesheets that are not deleted and match the filter, in the
	 * order (work date, timesheet id), after a position (keyset paging; no OFFSET).
	 * @param filter the filters; null members do not filter
	 * @param onlyEmployees the employees whose timesheets the caller may see (canonical
	 * ids, not empty), or null when the caller may see everyone's
	 * @param after the last row of the previous page, null for the first page
	 * @param limit how many rows at most
	 * @return the rows, never null
	 */
	public List<Timesheet> page(TimesheetFilter filter, Set<String> onlyEmployees, PagePosition after, int limit) {
		StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE status <> 'DELETED'");
		Map<String, Object> params = new HashMap<>();
		if (onlyEmployees != null) {
			sql.append(" AND employee_id IN (:onlyEmployees)");
			params.put("onlyEmployees", List.copyOf(onlyEmployees));
		}
		if (filter.employeeId() != null) {
			sql.append(" AND employee_id = :employeeId");
			params.put("employeeId", filter.employeeId());
		}
		if (filter.projectCode() != null) {
			sql.append(" AND project_code = :projectCode");
			params.put("projectCode", filter.projectCode());
		}
		if (filter.status() != null) {
			sql.append(" AND status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.from() != null) {
			sql.append(" AND work_date >= :from");
			params.put("from", filter.from());
		}
		if (filter.to() != null) {
			sql.append(" AND work_date <= :to");
			params.put("to", filter.to());
		}
		if (after != null) {
			sql.append(" AND (work_date, timesheet_id) > (:afterDate, :afterId)");
			params.put("afterDate", after.workDate());
			params.put("afterId", after.timesheetId());
		}
		sql.append(" ORDER BY work_date, timesheet_id LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(Timesheets::timesheet).list();
	}

	static Timesheet timesheet(ResultSet rs, int row) throws SQLException {
		return new Timesheet(rs.getObject("timesheet_id", UUID.class), rs.getString("external_id"),
				rs.getString("employee_id"), rs.getString("project_code"), rs.getObject("work_date", LocalDate.class),
				plain(rs.getBigDecimal("hours")), rs.getString("note"), rs.getString("status"), rs.getLong("version"),
				rs.getObject("last_batch_id", UUID.class), instant(rs, "submitted_at"), instant(rs, "approved_at"),
				rs.getString("approved_by"), rs.getString("approval_comment"), instant(rs, "rejected_at"),
				rs.getString("rejected_by"), rs.getString("rejection_reason"), instant(rs, "updated_at"));
	}

	/**
	 * Hours as the events write them: no trailing zeros, never in exponent form.
	 * @param hours the stored value
	 * @return the normalised value
	 */
	static BigDecimal plain(BigDecimal hours) {
		if (hours == null) {
			return null;
		}
		BigDecimal stripped = hours.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
