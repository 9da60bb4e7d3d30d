package com.exampleco.timesheets.query.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.exampleco.timesheets.query.summary.HoursSummaries.Group;
import com.exampleco.timesheets.query.summary.HoursSummary.ProjectHours;
import com.exampleco.timesheets.query.summary.HoursSummary.StatusHours;
import com.exampleco.timesheets.query.web.InvalidParameterException;
import com.exampleco.timesheets.query.web.NotFoundException;
import com.exampleco.timesheets.query.web.QueryParameters;
import com.exampleco.timesheets.security.Caller;
import com.exampleco.timesheets.events.EmployeeIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /employees/{employeeId}/summary?from&to}: hours by project and by status. An
 * employee-bound token gets 404 for anyone but itself and, for a manager, its team.
 */
@RestController
class SummaryController {

	private final HoursSummaries summaries;

	SummaryController(HoursSummaries summaries) {
		this.summaries = summaries;
	}

	@GetMapping("/employees/{employeeId}/summary")
	@Operation(summary = "An employee's hours by project and by status in a work-date range")
	HoursSummary summary(@PathVariable("employeeId") String requested,
			@Parameter(description = "work date on or after (yyyy-MM-dd)") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "work date on or before (yyyy-MM-dd)") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(hidden = true) Caller caller, HttpServletRequest request) {
		QueryParameters.requireOnly(request, Set.of("from", "to"));
		if (requested.length() > 64) {
			throw new InvalidParameterException("employeeId", "'employeeId' must be at most 64 characters");
		}
		// employee ids are case-insensitive: e1001 is E1001
		String employeeId = EmployeeIds.isValid(requested) ? EmployeeIds.canonical(requested) : requested;
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidParameterException("from", "'from' must not be after 'to'");
		}
		if (caller.isEmployee() && !caller.isOwnOrTeam(employeeId)) {
			throw new NotFoundException("No employee " + employeeId);
		}
		List<Group> groups = this.summaries.groups(employeeId, from, to);
		Map<String, ProjectHours> byProject = new TreeMap<>();
		Map<String, StatusHours> byStatus = new TreeMap<>();
		BigDecimal total = BigDecimal.ZERO;
		long count = 0;
		for (Group group : groups) {
			byProject.merge(group.projectCode(),
					new ProjectHours(group.projectCode(), group.hours(), group.timesheets()),
					(a, b) -> new ProjectHours(a.projectCode(), a.hours().add(b.hours()),
							a.timesheets() + b.timesheets()));
			byStatus.merge(group.status(), new StatusHours(group.status(), group.hours(), group.timesheets()),
					(a, b) -> new StatusHours(a.status(), a.hours().add(b.hours()), a.timesheets() + b.timesheets()));
			total = total.add(group.hours());
			count += group.timesheets();
		}
		return new HoursSummary(employeeId, from, to, plain(total), count,
				byProject.values()
					.stream()
					.map((p) -> new ProjectHours(p.projectCode(), plain(p.hours()), p.timesheets()))
					.toList(),
				byStatus.values()
					.stream()
					.map((s) -> new StatusHours(s.status(), plain(s.hours()), s.timesheets()))
					.toList());
	}

	private static BigDecimal plain(BigDecimal hours) {
		BigDecimal stripped = hours.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
