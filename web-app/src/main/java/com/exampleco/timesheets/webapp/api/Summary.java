package com.exampleco.timesheets.webapp.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * An employee's hours ({@code GET /employees/{id}/summary}).
 *
 * @param employeeId the employee
 * @param totalHours hours of all (not deleted) timesheets in the range
 * @param timesheets how many timesheets
 * @param byStatus hours by status
 */
public record Summary(String employeeId, BigDecimal totalHours, long timesheets, List<StatusHours> byStatus) {

	public Summary {
		byStatus = (byStatus != null) ? List.copyOf(byStatus) : List.of();
	}

	/**
	 * @param status a status, or null for all
	 * @return the hours of timesheets in that status (all when null), never null
	 */
	public BigDecimal hours(String status) {
		if (status == null) {
			return (this.totalHours != null) ? this.totalHours : BigDecimal.ZERO;
		}
		return this.byStatus.stream()
			.filter((line) -> status.equals(line.status()))
			.map(StatusHours::hours)
			.findFirst()
			.orElse(BigDecimal.ZERO);
	}

	/**
	 * Hours of one status.
	 *
	 * @param status the status
	 * @param hours the hours
	 * @param timesheets how many timesheets
	 */
	public record StatusHours(String status, BigDecimal hours, long timesheets) {
	}

}
