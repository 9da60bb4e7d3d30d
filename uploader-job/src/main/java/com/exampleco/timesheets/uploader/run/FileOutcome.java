package com.exampleco.timesheets.uploader.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.entry.Violation;
import com.exampleco.timesheets.uploader.inbox.FileReport;
import org.jspecify.annotations.Nullable;

/**
 * How the job ended with one file of the inbox, as {@link FileProcessor} returns it: the
 * data {@link RunReporter} prints and {@link RunTally} counts, never a status string.
 * Files end in one of four ways: done ({@link Done}, or {@link Valid} in a dry run),
 * failed ({@link Invalid}, {@link Refused}), left in the inbox ({@link Unreadable},
 * {@link Unavailable}, which also stops the run) or skipped ({@link Skipped}).
 */
sealed interface FileOutcome {

	/**
	 * The file's name.
	 * @return the last path element
	 */
	String name();

	/**
	 * Not a {@code .csv}, {@code .ndjson} or {@code .json} file: left alone.
	 *
	 * @param name the file's name
	 */
	record Skipped(String name) implements FileOutcome {

	}

	/**
	 * The file could not be read; it stays in the inbox.
	 *
	 * @param name the file's name
	 * @param problem the simple name of the exception that stopped the read
	 */
	record Unreadable(String name, String problem) implements FileOutcome {

	}

	/**
	 * The file broke the entry rules: nothing was sent, it moved to {@code failed/}.
	 *
	 * @param name the file's name
	 * @param violations every problem, with lines
	 * @param movedTo where the file now is, or null in a dry run (not moved)
	 */
	record Invalid(String name, List<Violation> violations, @Nullable Path movedTo) implements FileOutcome {

	}

	/**
	 * Dry run only: the file is valid and was split as for real, nothing sent.
	 *
	 * @param name the file's name
	 * @param entries its entries
	 * @param batches the batches it would be sent in
	 */
	record Valid(String name, int entries, int batches) implements FileOutcome {

	}

	/**
	 * The API refused a batch for good; the file moved to {@code failed/}.
	 *
	 * @param name the file's name
	 * @param uploadId the upload that sent it
	 * @param entries its entries
	 * @param accepted entries accepted before the refusal
	 * @param acceptedBatches batches accepted before the refusal
	 * @param keyReused whether the API holds an Idempotency-Key of this upload for
	 * another request (rather than refusing the batch's content)
	 * @param movedTo where the file now is
	 */
	record Refused(String name, UUID uploadId, int entries, int accepted, long acceptedBatches, boolean keyReused,
			Path movedTo) implements FileOutcome {

	}

	/**
	 * The ingest API stayed unavailable past the retry deadline: the file stays in the
	 * inbox with its upload record for the next run, and this run stops.
	 *
	 * @param name the file's name
	 * @param uploadId the upload the next run continues
	 * @param entries its entries
	 * @param accepted entries accepted so far
	 * @param acceptedBatches batches accepted so far
	 */
	record Unavailable(String name, UUID uploadId, int entries, int accepted,
			long acceptedBatches) implements FileOutcome {

	}

	/**
	 * Every batch was accepted; the file moved to {@code done/}.
	 *
	 * @param name the file's name
	 * @param accepted entries accepted
	 * @param acceptedBatches batches accepted
	 * @param elapsed time spent on the file
	 * @param movedTo where the file now is
	 * @param processing what the processor made of it ({@code --await} only), else null
	 */
	record Done(String name, int accepted, long acceptedBatches, Duration elapsed, Path movedTo,
			FileReport.@Nullable Processing processing) implements FileOutcome {

		/**
		 * Whether the processor did not finish with the file, or rejected some of it.
		 * @return false without {@code --await}
		 */
		boolean processingIncomplete() {
			return this.processing != null && (!this.processing.complete() || this.processing.rejected() > 0);
		}

	}

}
