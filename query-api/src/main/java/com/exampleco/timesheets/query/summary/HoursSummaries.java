package com.exampleco.timesheets.query.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sums an employee's hours by project and status in one grouped query. Read-only.
 */
@Repository
@Transactional(readOnly = true)
public class HoursSummaries {

	private final JdbcClient jdbc;

	HoursSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Hours and timesheet counts per (project, status), deleted timesheets left out.
	 * @param employeeId the employee
	 * @param from first work date, null for open
	 * @param to last work date, null for open
	 * @return the groups, never null
	 */
	public List<Group> groups(String employeeId, LocalDate from, LocalDate to) {
		StringBuilder sql = new StringBuilder("""
				SELECT project_code, status, SUM(hours) AS hours, COUNT(*) AS timesheets
				  FROM timesheets
				 WHERE employee_id = :employeeId AND status <> 'DELETED'
				""");
		Map<String, Object> params = new HashMap<>();
		params.put("employeeId", employeeId);
		if (from != null) {
			sql.append(" AND work_date >= :from");
			params.put("from", from);
		}
		if (to != null) {
			sql.append(" AND work_date <= :to");
			params.put("to", to);
		}
		sql.append(" GROUP BY project_code, status");
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new Group(rs.getString("project_code"), rs.getString("status"),
					rs.getBigDecimal("hours"), rs.getLong("timesheets")))
			.list();
	}

	/**
	 * Hours of one project in one status.
	 *
	 * @param projectCode the project
	 * @param status the status
	 * @param hours the sum of hours
	 * @param timesheets how many timesheets
	 */
	public record Group(String projectCode, String status, BigDecimal hours, long timesheets) {

	}

}
