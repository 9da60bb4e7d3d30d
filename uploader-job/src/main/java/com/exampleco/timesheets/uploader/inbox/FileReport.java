package com.exampleco.timesheets.uploader.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The {@code <file>.report.json} written beside a file in {@code done/} or
 * {@code failed/}. It names lines, fields and batches, never entry contents.
 *
 * @param file the file's name
 * @param status {@code DONE} or {@code FAILED}
 * @param format the file's format
 * @param sha256 hex SHA-256 of the file's bytes (the Idempotency-Keys derive from it)
 * @param uploadId the id of the upload that sent it (part of every Idempotency-Key), or
 * null when nothing was sent
 * @param entries entries in the file
 * @param batchSize entries per batch
 * @param batches batches the file was split into
 * @param accepted entries the API accepted
 * @param batchIds ids of the accepted batches, in batch order
 * @param startedAt when the job started on the file
 * @param finishedAt when it finished
 * @param errors every problem, empty when done
 * @param processing what the processor made of the batches ({@code --await} only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileReport(String file, String status, String format, String sha256, @Nullable UUID uploadId, int entries,
		int batchSize, int batches, int accepted, List<UUID> batchIds, Instant startedAt, Instant finishedAt,
		List<Error> errors, @Nullable Processing processing) {

	/**
	 * One problem.
	 *
	 * @param line the file line, or null
	 * @param index zero-based entry position in the file, or null
	 * @param field the entry field, or null
	 * @param batch the batch number, or null
	 * @param status the API's HTTP status, or null
	 * @param message what is wrong
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Error(@Nullable Integer line, @Nullable Integer index, @Nullable String field,
			@Nullable Integer batch, @Nullable Integer status, String message) {

	}

	/**
	 * The processor's outcomes of the file's events.
	 *
	 * @param complete whether every event was seen before the await deadline
	 * @param applied events applied
	 * @param unchanged submissions equal to the current state
	 * @param duplicate events seen before (re-sent)
	 * @param rejected events refused by the state machine
	 * @param rejectionReasons rejected events by reason
	 */
	public record Processing(boolean complete, long applied, long unchanged, long duplicate, long rejected,
			Map<String, Long> rejectionReasons) {

	}

}
