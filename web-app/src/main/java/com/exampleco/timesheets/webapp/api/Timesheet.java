package com.exampleco.timesheets.webapp.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One timesheet as the query API answers it ({@code GET /timesheets}, {@code GET
 * /timesheets/{id}}). Shown, never stored.
 *
 * @param timesheetId the id
 * @param externalId the source system's id
 * @param employeeId whose timesheet
 * @param projectCode the project
 * @param workDate the day worked
 * @param hours hours worked
 * @param note optional note, may be null
 * @param status {@code SUBMITTED}, {@code APPROVED} or {@code REJECTED}
 * @param version the state version (the query API's {@code ETag}); approvals are bound to
 * it
 * @param lastBatchId the batch of the last applied event
 * @param submittedAt when it was first submitted
 * @param updatedAt when it last changed
 */
public record Timesheet(UUID timesheetId, String externalId, String employeeId, String projectCode, LocalDate workDate,
		BigDecimal hours, String note, String status, long version, UUID lastBatchId, Instant submittedAt,
		Instant updatedAt) {

}
