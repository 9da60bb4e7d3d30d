package com.exampleco.timesheets.query.timesheet;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.query.config.QueryProperties;
import com.exampleco.timesheets.query.web.InvalidParameterException;
import com.exampleco.timesheets.query.web.NotFoundException;
import com.exampleco.timesheets.query.web.QueryParameters;
import com.exampleco.timesheets.security.Caller;
import com.exampleco.timesheets.events.EmployeeIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /timesheets} (filtered, keyset-paged) and {@code GET /timesheets/{id}} (with
 * {@code ETag}). A token bound to an employee sees only that employee's timesheets, a
 * manager's token also its team's ({@link Caller#isOwnOrTeam(String)}): anyone else's id
 * is 404, a filter for anyone else lists nothing, and a listing without the filter lists
 * own and team only. A machine client sees every timesheet.
 */
@RestController
class TimesheetController {

	static final Set<String> LIST_PARAMETERS = Set.of("employeeId", "projectCode", "status", "from", "to", "limit",
			"cursor");

	private final Timesheets timesheets;

	private final PageCursors cursors;

	private final QueryProperties properties;

	TimesheetController(Timesheets timesheets, PageCursors cursors, QueryProperties properties) {
		this.timesheets = timesheets;
		this.cursors = cursors;
		this.properties = properties;
	}

	@GetMapping("/timesheets")
	@Operation(summary = "Lists timesheets that are not deleted, by work date then id, one page at a time")
	TimesheetPage list(@RequestParam(required = false) String employeeId,
			@RequestParam(required = false) String projectCode, @RequestParam(required = false) ListedStatus status,
			@Parameter(description = "work date on or after (yyyy-MM-dd)") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "work date on or before (yyyy-MM-dd)") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "page size, 1 to timesheets.query.max-limit (500)") @RequestParam(
					required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page; same filters required") @RequestParam(
					required = false) String cursor,
			@Parameter(hidden = true) Caller caller, HttpServletRequest request) {
		QueryParameters.requireOnly(request, LIST_PARAMETERS);
		checkLength("employeeId", employeeId, 64);
		checkLength("projectCode", projectCode, 40);
		if (employeeId != null && EmployeeIds.isValid(employeeId)) {
			// employee ids are case-insensitive: e1001 filters E1001's timesheets
			employeeId = EmployeeIds.canonical(employeeId);
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidParameterException("from", "'from' must not be after 'to'");
		}
		int pageSize = (limit != null) ? limit : this.properties.defaultLimit();
		if (pageSize < 1 || pageSize > this.properties.maxLimit()) {
			throw new InvalidParameterException("limit", "'limit' must be between 1 and " + this.properties.maxLimit());
		}
		TimesheetFilter filter = new TimesheetFilter(employeeId, projectCode, status, from, to);
		PagePosition after = (cursor != null) ? this.cursors.decode(cursor, filter) : null;
		Set<String> onlyEmployees = null;
		if (caller.isEmployee()) {
			if (employeeId != null && !caller.isOwnOrTeam(employeeId)) {
				// timesheets of someone outside own and team do not exist for this token
				return new TimesheetPage(List.of(), null);
			}
			onlyEmployees = caller.ownAndTeam();
		}
		// one row more than asked tells whether another page exists
		List<Timesheet> rows = this.timesheets.page(filter, onlyEmployees, after, pageSize + 1);
		if (rows.size() <= pageSize) {
			return new TimesheetPage(rows, null);
		}
		List<Timesheet> page = rows.subList(0, pageSize);
		Timesheet last = page.get(pageSize - 1);
		return new TimesheetPage(List.copyOf(page),
				this.cursors.encode(new PagePosition(last.workDate(), last.timesheetId()), filter));
	}

	@GetMapping("/timesheets/{timesheetId}")
	@Operation(summary = "One timesheet; ETag is its state version, If-None-Match answers 304")
	ResponseEntity<Timesheet> one(@PathVariable UUID timesheetId, @Parameter(hidden = true) Caller caller,
			HttpServletRequest request) {
		QueryParameters.requireOnly(request, Set.of());
		Timesheet timesheet = this.timesheets.find(timesheetId)
			.filter((found) -> !found.deleted())
			.filter((found) -> caller.isMachine() || caller.isOwnOrTeam(found.employeeId()))
			.orElseThrow(() -> new NotFoundException("No timesheet " + timesheetId));
		// Spring answers 304 itself when If-None-Match matches this ETag
		return ResponseEntity.ok()
			.eTag(timesheet.etag())
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(timesheet);
	}

	private static void checkLength(String name, String value, int max) {
		if (value != null && value.length() > max) {
			throw new InvalidParameterException(name, "'" + name + "' must be at most " + max + " characters");
		}
	}

}
