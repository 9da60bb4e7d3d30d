package com.exampleco.timesheets.ingest.approval;

import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /timesheets/{id}/approval}. Unknown properties are refused.
 *
 * @param decision {@code APPROVED} or {@code REJECTED}, required
 * @param comment optional; for a rejection, the reason
 * @param expectedVersion optional: the state version the approver saw (the query API's
 * {@code ETag}, also accepted as {@code If-Match}); at least 1
 */
public record ApprovalRequest(@NotNull Decision decision, String comment, Long expectedVersion) {

}
