package com.exampleco.timesheets.webapp.timesheets;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of a timesheet list as typed into its form: a date range and a status.
 * Blank fields mean "not filtered" (a form sends them empty); a field that cannot be read
 * is an error by its field, and the list is then not asked for.
 *
 * @param fromText the first work date as typed, may be null
 * @param toText the last work date as typed, may be null
 * @param status the status, null for any
 * @param from the first work date, null when not set or not readable
 * @param to the last work date, null when not set or not readable
 * @param errors problems by field ({@code from}, {@code to}, {@code status}), never null
 */
public record ListFilters(String fromText, String toText, String status, LocalDate from, LocalDate to,
		Map<String, String> errors) {

	/** The statuses a list may be filtered by (the query API's). */
	public static final Set<String> STATUSES = Set.of("SUBMITTED", "APPROVED", "REJECTED");

	/**
	 * Reads the filters.
	 * @param from first work date, {@code yyyy-MM-dd}, may be blank
	 * @param to last work date, may be blank
	 * @param status a status, may be blank
	 * @return the filters, never null
	 */
	public static ListFilters parse(String from, String to, String status) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate fromDate = date("from", from, errors);
		LocalDate toDate = date("to", to, errors);
		if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
			errors.put("to", "The last day must not be before the first day.");
		}
		String wanted = blankAsNull(status);
		if (wanted != null && !STATUSES.contains(wanted)) {
			errors.put("status", "Choose Submitted, Approved or Rejected, or any status.");
			wanted = null;
		}
		return new ListFilters(blankAsNull(from), blankAsNull(to), wanted, fromDate, toDate, Map.copyOf(errors));
	}

	/**
	 * A link to this list with these filters.
	 * @param path the list's path
	 * @param cursor the page's cursor, null for the first page
	 * @return the link, encoded
	 */
	public String link(String path, String cursor) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (this.from != null) {
			uri.queryParam("from", this.from);
		}
		if (this.to != null) {
			uri.queryParam("to", this.to);
		}
		if (this.status != null) {
			uri.queryParam("status", this.status);
		}
		if (cursor != null) {
			uri.queryParam("cursor", cursor);
		}
		return uri.encode().build().toUriString();
	}

	private static LocalDate date(String field, String text, Map<String, String> errors) {
		String value = blankAsNull(text);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Enter a date like 2026-11-30.");
			return null;
		}
	}

	/**
	 * @param text a form value, may be null
	 * @return the value stripped, null when blank
	 */
	public static String blankAsNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
