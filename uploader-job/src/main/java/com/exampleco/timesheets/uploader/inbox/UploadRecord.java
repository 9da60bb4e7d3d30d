package com.exampleco.timesheets.uploader.inbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What the inbox remembers of one upload of a file while the file is in it: the content
 * of the {@code .<file>.upload.json} beside the file (see {@link UploadRecords}).
 *
 * @param uploadId the upload's id; the batches' {@code Idempotency-Key}s contain it
 * @param sha256 hex SHA-256 of the bytes this upload sends
 * @param batchSize the batch size the upload began with (a retry keeps it, so its keys
 * are the same)
 * @param startedAt when the upload began
 * @param finishingAs set just before the file is moved out of the inbox: where it goes,
 * relative to the inbox ({@code done/week.csv}); null while the upload is under way
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadRecord(UUID uploadId, String sha256, int batchSize, Instant startedAt,
		@Nullable String finishingAs) {

}
