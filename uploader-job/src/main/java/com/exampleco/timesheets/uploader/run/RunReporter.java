package com.exampleco.timesheets.uploader.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.exampleco.timesheets.events.entry.Violation;
import com.exampleco.timesheets.uploader.auth.AuthenticationProblem;
import com.exampleco.timesheets.uploader.config.UploaderProperties;
import com.exampleco.timesheets.uploader.inbox.FileReport;
import com.exampleco.timesheets.uploader.inbox.UploadRecords;
import com.exampleco.timesheets.uploader.upload.Batch;
import com.exampleco.timesheets.uploader.upload.BatchResult;
import com.exampleco.timesheets.uploader.upload.FileUploader;
import com.exampleco.timesheets.uploader.upload.PreparedFile;
import com.exampleco.timesheets.uploader.upload.Upload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Every line the job prints: the run's start, each file's progress and end, the summary,
 * and why a run stopped. Lines name files, batches, counts and ids, never entry contents
 * or secrets; progress goes to standard output, problems to standard error (see
 * {@link Console}).
 */
@Component
class RunReporter {

	/** At most this many errors of a file are echoed; the report has them all. */
	private static final int ERRORS_SHOWN = 20;

	private static final Logger logger = LoggerFactory.getLogger(RunReporter.class);

	private final Console console;

	private final UploaderProperties properties;

	private final Clock clock;

	RunReporter(Console console, UploaderProperties properties, Clock clock) {
		this.console = console;
		this.properties = properties;
		this.clock = clock;
	}

	void started(int files) {
		this.console.info("uploader: inbox " + this.properties.inbox() + ", " + files + " file(s), batch size "
				+ this.properties.batchSize() + ", concurrency " + this.properties.concurrency()
				+ (this.properties.dryRun() ? ", dry run" : "") + (this.properties.await() ? ", await" : ""));
	}

	void recordRemoved(String name) {
		this.console
			.info(name + ": removed the upload record of a file no longer in the inbox; a new copy is a new upload");
	}

	void tokenObtained() {
		this.console.info("token: obtained for client " + this.properties.auth().clientId());
	}

	void uploadBegun(PreparedFile prepared, UploadRecords.Begun begun, Upload upload) {
		this.console.info(prepared.name() + ": " + prepared.entries() + " entries in " + upload.batches().size()
				+ " batches, " + describe(begun, upload));
	}

	/**
	 * Prints each batch's end and retries while a file is sent.
	 * @param upload the upload being sent
	 * @param started when the job started on the file (for the rate)
	 * @return a listener for {@link FileUploader#upload}
	 */
	FileUploader.Listener batchProgress(Upload upload, Instant started) {
		String name = upload.name();
		int batches = upload.batches().size();
		AtomicLong fileAccepted = new AtomicLong();
		return new FileUploader.Listener() {

			@Override
			public void finished(BatchResult result) {
				String prefix = "  " + name + " batch " + result.batch().number() + "/" + batches + ": ";
				if (result.outcome() == BatchResult.Outcome.ACCEPTED) {
					long accepted = fileAccepted.addAndGet(result.accepted());
					RunReporter.this.console.info(prefix + result.accepted() + " accepted (batch " + result.batchId()
							+ ")" + ((result.attempts() > 1) ? " after " + result.attempts() + " attempts" : "") + ", "
							+ Console.rate(accepted, Duration.between(started, RunReporter.this.clock.instant())));
				}
				else {
					RunReporter.this.console.error(
							prefix + result.outcome().name().toLowerCase().replace('_', ' ') + ": " + result.detail());
				}
			}

			@Override
			public void retrying(Batch batch, int retry, String why, Duration delay) {
				RunReporter.this.console.info("  " + name + " batch " + batch.number() + "/" + batches + ": " + why
						+ "; retry " + retry + " in " + Console.seconds(delay));
			}

		};
	}

	/**
	 * Prints how a file ended.
	 * @param outcome how
	 */
	void fileEnded(FileOutcome outcome) {
		String name = outcome.name();
		if (outcome instanceof FileOutcome.Skipped) {
			this.console.info(name + ": skipped (not .csv, .ndjson or .json)");
		}
		else if (outcome instanceof FileOutcome.Unreadable unreadable) {
			this.console.error(name + ": cannot be read (" + unreadable.problem() + "); left in the inbox");
		}
		else if (outcome instanceof FileOutcome.Invalid invalid) {
			invalid(invalid);
		}
		else if (outcome instanceof FileOutcome.Valid valid) {
			this.console.info(name + ": valid, " + valid.entries() + " entries in " + valid.batches()
					+ " batches (dry run: not sent)");
		}
		else if (outcome instanceof FileOutcome.Refused refused) {
			refused(refused);
		}
		else if (outcome instanceof FileOutcome.Unavailable unavailable) {
			this.console.error(name + ": the ingest API stayed unavailable; " + unavailable.accepted() + " of "
					+ unavailable.entries() + " entries accepted so far. The file stays in the inbox with its upload "
					+ "record and the next run continues upload " + unavailable.uploadId()
					+ " (same Idempotency-Keys, so nothing is doubled); stopping this run");
		}
		else if (outcome instanceof FileOutcome.Done done) {
			if (done.processing() != null) {
				processed(name, done.processing());
			}
			this.console.info(name + ": done, " + done.accepted() + " entries accepted in " + done.acceptedBatches()
					+ " batches, " + Console.seconds(done.elapsed()) + ", "
					+ Console.rate(done.accepted(), done.elapsed()) + " (moved to " + relative(done.movedTo()) + ")");
		}
	}

	private void invalid(FileOutcome.Invalid invalid) {
		String name = invalid.name();
		List<Violation> violations = invalid.violations();
		if (invalid.movedTo() == null) {
			this.console.error(name + ": invalid, " + violations.size() + " problem(s) (dry run: not moved)");
		}
		else {
			this.console.error(name + ": failed, " + violations.size() + " problem(s), nothing sent (report "
					+ relative(invalid.movedTo()) + ".report.json)");
		}
		violations.stream().limit(ERRORS_SHOWN).forEach((v) -> this.console.error("  " + name + " " + describe(v)));
		if (violations.size() > ERRORS_SHOWN) {
			this.console.error("  " + name + ": … and " + (violations.size() - ERRORS_SHOWN) + " more in the report");
		}
	}

	private void refused(FileOutcome.Refused refused) {
		String accepted = refused.accepted() + " of " + refused.entries() + " entries were accepted before (report "
				+ relative(refused.movedTo()) + ".report.json)";
		if (refused.keyReused()) {
			this.console.error(refused.name() + ": failed, the ingest API holds an Idempotency-Key of upload "
					+ refused.uploadId() + " for a different request and published nothing of that batch; " + accepted
					+ ". Its upload record is gone: put the file back into the inbox to send it as a new upload");
		}
		else {
			this.console.error(refused.name() + ": failed, the API refused a batch; " + accepted);
		}
	}

	private void processed(String name, FileReport.Processing processing) {
		String counts = processing.applied() + " applied, " + processing.unchanged() + " unchanged, "
				+ processing.duplicate() + " duplicate, " + processing.rejected() + " rejected";
		if (!processing.complete()) {
			this.console.error(name + ": processing not complete within " + this.properties.awaitDeadline() + " ("
					+ counts + " so far)");
		}
		else {
			this.console.info(name + ": processed: " + counts);
		}
		if (processing.rejected() > 0) {
			processing.rejectionReasons()
				.forEach((reason, count) -> this.console.error("  " + name + ": " + count + " rejected: " + reason));
		}
	}

	void summary(RunTally tally, long tokenRequests, Duration elapsed) {
		boolean dry = this.properties.dryRun();
		this.console.info("summary: " + tally.done() + (dry ? " valid, " : " done, ") + tally.failed()
				+ (dry ? " invalid, " : " failed, ") + tally.leftInInbox() + " left in the inbox, " + tally.skipped()
				+ " skipped; " + tally.acceptedEntries() + " entries accepted in " + tally.acceptedBatches()
				+ " batches; " + tokenRequests + " token request(s); " + Console.seconds(elapsed) + ", "
				+ Console.rate(tally.acceptedEntries(), elapsed));
	}

	/**
	 * Says why a run stopped before its end.
	 * @param ex what stopped it
	 */
	void stopped(Throwable ex) {
		if (ex instanceof InterruptedException) {
			this.console.error("interrupted; unfinished files stay in the inbox");
			return;
		}
		ConfigurationProblem configuration = RunExitCodes.causeOf(ex, ConfigurationProblem.class);
		AuthenticationProblem authentication = RunExitCodes.causeOf(ex, AuthenticationProblem.class);
		if (configuration != null) {
			this.console.error("configuration error: " + configuration.getMessage());
		}
		else if (authentication != null) {
			this.console.error("authentication error: " + authentication.getMessage());
		}
		else {
			// a bug or an answer nobody foresaw: say what, keep the files, no entry data
			logger.debug("Run stopped", ex);
			this.console.error("error: the run stopped unexpectedly (" + ex.getClass().getName() + ": "
					+ ex.getMessage() + "); unfinished files stay in the inbox");
			return;
		}
		this.console.error("nothing more was done; unfinished files stay in the inbox");
	}

	private String describe(UploadRecords.Begun begun, Upload upload) {
		return switch (begun.how()) {
			case NEW -> "new upload " + upload.uploadId();
			case CONTINUED -> "continuing upload " + upload.uploadId() + " begun at " + begun.upload().startedAt()
					+ ((upload.batchSize() != this.properties.batchSize())
							? " with its batch size " + upload.batchSize() : "")
					+ " (same Idempotency-Keys)";
			case RESTARTED -> "new upload " + upload.uploadId() + " (" + begun.why() + ")";
		};
	}

	private static String describe(Violation v) {
		return ((v.line() > 0) ? "line " + v.line() : (v.index() >= 0) ? "entry " + v.index() : "file") + ": "
				+ ((v.field() != null) ? v.field() + " " : "") + v.message();
	}

	private Path relative(Path moved) {
		return this.properties.inbox().relativize(moved);
	}

}
