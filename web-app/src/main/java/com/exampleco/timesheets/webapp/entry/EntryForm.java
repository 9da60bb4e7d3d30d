package com.exampleco.timesheets.webapp.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The "New entry" form as typed. The external id is made when the form is shown and sent
 * back hidden, so sending the same form twice names the same timesheet (and the same
 * idempotency key); the employee id is always the signed-in person's.
 *
 * @param externalId the entry's id in this app ({@code web-<uuid>})
 * @param projectCode the project
 * @param workDate the day worked, {@code yyyy-MM-dd}
 * @param hours hours worked
 * @param note optional note
 */
record EntryForm(String externalId, String projectCode, String workDate, String hours, String note) {

	/** The form's fields, by the ingest API's names. */
	static final Set<String> FIELDS = Set.of("projectCode", "workDate", "hours", "note");

	/**
	 * @param today the default work date
	 * @return an empty form with a new external id
	 */
	static EntryForm blank(LocalDate today) {
		return new EntryForm(newExternalId(), "", today.toString(), "", "");
	}

	/**
	 * @return this form, with a new external id when it has none
	 */
	EntryForm withExternalId() {
		return (this.externalId == null || this.externalId.isBlank())
				? new EntryForm(newExternalId(), this.projectCode, this.workDate, this.hours, this.note) : this;
	}

	/**
	 * The entry for the ingest API. Blank fields are left out (the API names missing
	 * ones), hours go as a number when they read as one and as typed otherwise (the API
	 * then names the field), so every rule is checked in one place.
	 * @param employeeId the signed-in person's employee id
	 * @return the entry's fields, never null
	 */
	Map<String, Object> toEntry(String employeeId) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("externalId", this.externalId);
		entry.put("employeeId", employeeId);
		entry.put("projectCode", blankAsNull(this.projectCode));
		entry.put("workDate", blankAsNull(this.workDate));
		entry.put("hours", number(blankAsNull(this.hours)));
		entry.put("note", blankAsNull(this.note));
		return entry;
	}

	private static Object number(String text) {
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

	private static String blankAsNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String newExternalId() {
		return "web-" + UUID.randomUUID();
	}

}
