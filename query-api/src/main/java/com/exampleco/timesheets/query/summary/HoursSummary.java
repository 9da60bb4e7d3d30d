package com.exampleco.timesheets.query.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An employee's hours in a work-date range, deleted timesheets left out.
 *
 * @param employeeId the employee
 * @param from first work date counted, omitted when the range is open
 * @param to last work date counted, omitted when the range is open
 * @param totalHours all hours
 * @param timesheets how many timesheets
 * @param byProject hours per project, by project code
 * @param byStatus hours per status, by status
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoursSummary(String employeeId, LocalDate from, LocalDate to, BigDecimal totalHours, long timesheets,
		List<ProjectHours> byProject, List<StatusHours> byStatus) {

	/**
	 * Hours on one project.
	 *
	 * @param projectCode the project
	 * @param hours the hours
	 * @param timesheets how many timesheets
	 */
	public record ProjectHours(String projectCode, BigDecimal hours, long timesheets) {

	}

	/**
	 * Hours in one status.
	 *
	 * @param status {@code SUBMITTED}, {@code APPROVED} or {@code REJECTED}
	 * @param hours the hours
	 * @param timesheets how many timesheets
	 */
	public record StatusHours(String status, BigDecimal hours, long timesheets) {

	}

}
