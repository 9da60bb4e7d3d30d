package com.exampleco.timesheets.query.timesheet;

import java.time.LocalDate;

/**
 * The filters of a listing, as the client gave them (each may be null). A cursor is bound
 * to them: the next page must be asked with the same filters.
 *
 * @param employeeId only this employee
 * @param projectCode only this project
 * @param status only this state
 * @param from work date on or after
 * @param to work date on or before
 */
record TimesheetFilter(String employeeId, String projectCode, ListedStatus status, LocalDate from, LocalDate to) {

	/**
	 * A stable text of the filters, signed into each cursor.
	 * @return the fingerprint
	 */
	String fingerprint() {
		return String.join("\u001f", text(this.employeeId), text(this.projectCode), text(this.status), text(this.from),
				text(this.to));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

}
