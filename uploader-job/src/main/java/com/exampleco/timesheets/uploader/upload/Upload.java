package com.exampleco.timesheets.uploader.upload;

import java.util.List;
import java.util.UUID;

/**
 * One upload of a valid file: the file split into batches whose {@code Idempotency-Key}s
 * name this upload (see {@link FilePreparer#idempotencyKey}). A retry of the same upload
 * sends the same keys; another upload of the same bytes has another {@code uploadId} and
 * so other keys.
 *
 * @param file the validated file
 * @param uploadId the upload's id, kept in the inbox until the file is finished
 * @param batchSize entries per batch
 * @param batches the batches, in file order, never empty
 */
public record Upload(PreparedFile file, UUID uploadId, int batchSize, List<Batch> batches) {

	/**
	 * The file's name.
	 * @return the last path element
	 */
	public String name() {
		return this.file.name();
	}

}
