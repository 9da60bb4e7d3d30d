package com.exampleco.timesheets.query.timesheet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A timesheet's current state as the processor recorded it. Optional parts (note,
 * approval, rejection) are omitted when absent.
 *
 * @param timesheetId the timesheet
 * @param externalId the source system's id of the entry
 * @param employeeId the employee
 * @param projectCode the project
 * @param workDate the day worked
 * @param hours hours worked, a plain decimal ({@code 7.5}, {@code 8})
 * @param note the note, may be null
 * @param status {@code SUBMITTED}, {@code APPROVED} or {@code REJECTED}
 * @param version the state version, incremented by every applied event; the {@code ETag}
 * @param lastBatchId the batch of the last applied event
 * @param submittedAt when the current content was submitted
 * @param approvedAt when it was approved, may be null
 * @param approvedBy the approver's subject, may be null
 * @param approvalComment the approver's comment, may be null
 * @param rejectedAt when it was rejected, may be null
 * @param rejectedBy the rejecting approver's subject, may be null
 * @param rejectionReason the reason given, may be null
 * @param updatedAt when the state last changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Timesheet(UUID timesheetId, String externalId, String employeeId, String projectCode, LocalDate workDate,
		BigDecimal hours, String note, String status, long version, UUID lastBatchId, Instant submittedAt,
		Instant approvedAt, String approvedBy, String approvalComment, Instant rejectedAt, String rejectedBy,
		String rejectionReason, Instant updatedAt) {

	/**
	 * Whether the timesheet was deleted (never served).
	 * @return true when deleted
	 */
	boolean deleted() {
		return "DELETED".equals(this.status);
	}

	/**
	 * The strong entity tag of this state.
	 * @return {@code "<version>"}, quoted
	 */
	String etag() {
		return "\"" + this.version + "\"";
	}

}
