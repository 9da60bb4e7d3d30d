package com.exampleco.timesheets.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The content of one timesheet as the source system describes it. Instances are built by
 * {@link com.exampleco.timesheets.events.entry.EntryValidator}, which applies the shared
 * rules; the constructor only guards against nulls and text that breaks
 * {@link TextRules}.
 *
 * @param externalId the source system's id of the row, never null
 * @param employeeId the employee who worked, never null
 * @param projectCode the project worked on, never null
 * @param workDate the day worked, never null
 * @param hours hours worked: {@code > 0}, {@code <= 24}, quarter hours, never null
 * @param note optional free text, {@code null} when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimesheetEntry(String externalId, String employeeId, String projectCode, LocalDate workDate,
		BigDecimal hours, String note) {

	public TimesheetEntry {
		Objects.requireNonNull(externalId, "externalId is required");
		Objects.requireNonNull(employeeId, "employeeId is required");
		Objects.requireNonNull(projectCode, "projectCode is required");
		Objects.requireNonNull(workDate, "workDate is required");
		Objects.requireNonNull(hours, "hours is required");
		TextRules.requireSingleLine(externalId, "externalId");
		TextRules.requireSingleLine(employeeId, "employeeId");
		TextRules.requireSingleLine(projectCode, "projectCode");
		TextRules.requireFreeText(note, "note");
		hours = hours.stripTrailingZeros();
		if (hours.scale() < 0) {
			hours = hours.setScale(0);
		}
		if (note != null && note.isEmpty()) {
			note = null;
		}
	}

	/**
	 * Whether this entry says the same as another, comparing hours by value ({@code 8}
	 * equals {@code 8.00}).
	 * @param other the entry to compare with
	 * @return true when every field is equal
	 */
	public boolean sameContentAs(TimesheetEntry other) {
		return other != null && this.externalId.equals(other.externalId) && this.employeeId.equals(other.employeeId)
				&& this.projectCode.equals(other.projectCode) && this.workDate.equals(other.workDate)
				&& this.hours.compareTo(other.hours) == 0 && Objects.equals(this.note, other.note);
	}

}
