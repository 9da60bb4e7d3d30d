package com.exampleco.timesheets.query.timesheet;

/**
 * The states a listed timesheet can be in; deleted timesheets are never listed, so
 * {@code DELETED} is not a valid filter.
 */
enum ListedStatus {

	SUBMITTED, APPROVED, REJECTED

}
