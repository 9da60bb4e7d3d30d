package com.exampleco.timesheets.ingest.command;

import java.util.UUID;

/**
 * The answer to an accepted approval, rejection or deletion: the broker committed the
 * event. Whether it fits the timesheet's state is decided by the processor; follow it
 * with the batch id on the query API.
 *
 * @param batchId the request's batch id
 * @param eventId the event's id
 * @param timesheetId the timesheet concerned
 */
public record CommandAccepted(UUID batchId, UUID eventId, UUID timesheetId) {

}
