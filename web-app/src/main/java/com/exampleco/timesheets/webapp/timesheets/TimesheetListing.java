package com.exampleco.timesheets.webapp.timesheets;

import java.math.BigDecimal;

import com.exampleco.timesheets.webapp.api.ApiRefusal;
import com.exampleco.timesheets.webapp.api.QueryApi;
import com.exampleco.timesheets.webapp.api.TimesheetPage;
import com.exampleco.timesheets.webapp.config.WebAppProperties;
import com.exampleco.timesheets.webapp.person.Person;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of a person's timesheet list (the web app's "My timesheets" and the
 * contractor portal's page): one page of the query API, the links to the next and first
 * page (the API's cursors, replayed with the same filters), and the hours in the filtered
 * range from the employee summary.
 */
@Component
public class TimesheetListing {

	private final QueryApi query;

	private final int pageSize;

	TimesheetListing(QueryApi query, WebAppProperties properties) {
		this.query = query;
		this.pageSize = properties.pageSize();
	}

	/**
	 * Adds {@code filters}, {@code page}, {@code nextLink}, {@code firstLink},
	 * {@code totalHours}, {@code listError} to the model.
	 * @param model the page's model
	 * @param person who is signed in
	 * @param request the page's filters (with errors, nothing is asked) and cursor
	 * @param path the list's own path, for links
	 */
	public void fill(Model model, Person person, ListRequest request, String path) {
		ListFilters filters = request.filters();
		String cursor = request.pageCursor();
		model.addAttribute("filters", filters);
		model.addAttribute("statuses", new String[] { "SUBMITTED", "APPROVED", "REJECTED" });
		if (!filters.errors().isEmpty()) {
			model.addAttribute("page", new TimesheetPage(null, null));
			return;
		}
		String employeeId = person.employeeId().isEmpty() ? null : person.employeeId();
		TimesheetPage page;
		try {
			page = this.query.list(new QueryApi.Filter(employeeId, filters.status(), filters.from(), filters.to()),
					cursor, this.pageSize);
		}
		catch (ApiRefusal ex) {
			if (ex.status() != 400 || !"cursor".equals(ex.problem().parameter())) {
				throw ex;
			}
			model.addAttribute("listError", "This page link is no longer valid. Start again from the first page.");
			model.addAttribute("firstLink", filters.link(path, null));
			model.addAttribute("page", new TimesheetPage(null, null));
			return;
		}
		model.addAttribute("page", page);
		if (page.nextCursor() != null) {
			model.addAttribute("nextLink", filters.link(path, page.nextCursor()));
		}
		if (cursor != null) {
			model.addAttribute("firstLink", filters.link(path, null));
		}
		if (employeeId != null) {
			BigDecimal total = this.query.summary(employeeId, filters.from(), filters.to())
				.map((summary) -> summary.hours(filters.status()))
				.orElse(null);
			model.addAttribute("totalHours", total);
		}
	}

}
