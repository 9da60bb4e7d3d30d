package com.exampleco.timesheets.webapp.timesheets;

/**
 * The query parameters of a timesheet list page as sent by its filter form and page
 * links; every one may be missing or blank.
 *
 * @param from first work date as typed
 * @param to last work date as typed
 * @param status status as chosen
 * @param cursor the page's cursor
 */
public record ListRequest(String from, String to, String status, String cursor) {

	/**
	 * @return the filters, read
	 */
	public ListFilters filters() {
		return ListFilters.parse(this.from, this.to, this.status);
	}

	/**
	 * @return the cursor, null for the first page
	 */
	public String pageCursor() {
		return ListFilters.blankAsNull(this.cursor);
	}

}
