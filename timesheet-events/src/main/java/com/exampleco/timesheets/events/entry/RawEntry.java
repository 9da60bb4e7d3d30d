package com.exampleco.timesheets.events.entry;

/**
 * One entry as read from a request or a file, before validation: every field is the text
 * the sender wrote, or {@code null} when absent.
 *
 * @param externalId the source system's id
 * @param employeeId the employee
 * @param projectCode the project
 * @param workDate the ISO date
 * @param hours the decimal hours
 * @param note the optional note
 */
public record RawEntry(String externalId, String employeeId, String projectCode, String workDate, String hours,
		String note) {

}
