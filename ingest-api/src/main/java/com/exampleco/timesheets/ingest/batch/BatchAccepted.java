package com.exampleco.timesheets.ingest.batch;

import java.util.List;
import java.util.UUID;

/**
 * The answer to an accepted upload: the broker has committed every entry.
 *
 * @param batchId the batch id, to follow the batch's processing on the query API
 * @param entries how many entries were accepted
 * @param timesheetIds the id of each entry's timesheet, in the order of the upload
 */
public record BatchAccepted(UUID batchId, int entries, List<UUID> timesheetIds) {

}
