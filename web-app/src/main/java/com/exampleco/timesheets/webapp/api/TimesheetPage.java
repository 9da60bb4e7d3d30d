package com.exampleco.timesheets.webapp.api;

import java.util.List;

/**
 * One page of {@code GET /timesheets}.
 *
 * @param items the timesheets, in the API's order
 * @param nextCursor the cursor of the next page, null on the last page
 */
public record TimesheetPage(List<Timesheet> items, String nextCursor) {

	public TimesheetPage {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

}
