package com.exampleco.timesheets.uploader.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.exampleco.timesheets.events.entry.EntryFormat;
import com.exampleco.timesheets.events.entry.Violation;
import com.exampleco.timesheets.uploader.auth.AuthenticationProblem;
import com.exampleco.timesheets.uploader.auth.TokenSource;
import com.exampleco.timesheets.uploader.await.BatchStatusClient;
import com.exampleco.timesheets.uploader.await.OutcomeAwaiter;
import com.exampleco.timesheets.uploader.config.UploaderProperties;
import com.exampleco.timesheets.uploader.inbox.FileReport;
import com.exampleco.timesheets.uploader.inbox.Inbox;
import com.exampleco.timesheets.uploader.inbox.InboxLock;
import com.exampleco.timesheets.uploader.inbox.UploadRecords;
import com.exampleco.timesheets.uploader.upload.Backoff;
import com.exampleco.timesheets.uploader.upload.Batch;
import com.exampleco.timesheets.uploader.upload.BatchResult;
import com.exampleco.timesheets.uploader.upload.BatchSender;
import com.exampleco.timesheets.uploader.upload.FilePreparer;
import com.exampleco.timesheets.uploader.upload.FileUploader;
import com.exampleco.timesheets.uploader.upload.IngestClient;
import com.exampleco.timesheets.uploader.upload.PreparedFile;
import com.exampleco.timesheets.uploader.upload.Upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * One run of the job over the inbox: lock it, get a token, then for each file in name
 * order read and validate it, continue its upload or begin a new one (its upload record
 * in the inbox), send its batches, optionally wait for the processor, and move it to
 * {@code done/} or {@code failed/} with its report. Its exit code: 0 when every file is
 * done, 1 when some file failed or stayed in the inbox, 2 when the job could not run
 * (configuration, authentication, inbox locked).
 */
@Component
class UploadJob implements ApplicationRunner, ExitCodeGenerator {

	static final int EXIT_OK = 0;

	static final int EXIT_SOME_FAILED = 1;

	static final int EXIT_CANNOT_RUN = 2;

	/** At most this many errors of a file are echoed; the report has them all. */
	private static final int ERRORS_SHOWN = 20;

	private static final Logger logger = LoggerFactory.getLogger(UploadJob.class);

	private final UploaderProperties properties;

	private final FilePreparer preparer;

	private final Console console;

	private final Clock clock;

	private final ObjectProvider<TokenSource> tokens;

	private final ObjectProvider<IngestClient> ingest;

	private final ObjectProvider<BatchStatusClient> batchStatus;

	private volatile int exitCode = EXIT_CANNOT_RUN;

	UploadJob(UploaderProperties properties, FilePreparer preparer, Console console, Clock clock,
			ObjectProvider<TokenSource> tokens, ObjectProvider<IngestClient> ingest,
			ObjectProvider<BatchStatusClient> batchStatus) {
		this.properties = properties;
		this.preparer = preparer;
		this.console = console;
		this.clock = clock;
		this.tokens = tokens;
		this.ingest = ingest;
		this.batchStatus = batchStatus;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			this.exitCode = runJob();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.console.error("interrupted; unfinished files stay in the inbox");
			this.exitCode = EXIT_SOME_FAILED;
		}
		catch (RuntimeException ex) {
			ConfigurationProblem configuration = causeOf(ex, ConfigurationProblem.class);
			AuthenticationProblem authentication = causeOf(ex, AuthenticationProblem.class);
			if (configuration != null) {
				this.console.error("configuration error: " + configuration.getMessage());
			}
			else if (authentication != null) {
				this.console.error("authentication error: " + authentication.getMessage());
			}
			else {
				// a bug or an answer nobody foresaw: say what, keep the files, no entry
				// data
				logger.debug("Run stopped", ex);
				this.console.error("error: the run stopped unexpectedly (" + ex.getClass().getName() + ": "
						+ ex.getMessage() + "); unfinished files stay in the inbox");
				this.exitCode = EXIT_SOME_FAILED;
				return;
			}
			this.console.error("nothing more was done; unfinished files stay in the inbox");
			this.exitCode = EXIT_CANNOT_RUN;
		}
	}

	private int runJob() throws InterruptedException {
		Instant start = this.clock.instant();
		Inbox inbox = new Inbox(this.properties.inbox(), this.clock);
		inbox.check();
		try (InboxLock lock = inbox.lock()) {
			List<Path> files = files(inbox);
			if (!this.properties.dryRun()) {
				sweepUploadRecords(inbox);
			}
			this.console
				.info("uploader: inbox " + this.properties.inbox() + ", " + files.size() + " file(s), batch size "
						+ this.properties.batchSize() + ", concurrency " + this.properties.concurrency()
						+ (this.properties.dryRun() ? ", dry run" : "") + (this.properties.await() ? ", await" : ""));
			TokenSource tokenSource = null;
			if (!this.properties.dryRun() && files.stream().anyMatch(Inbox::isUploadable)) {
				tokenSource = this.tokens.getObject();
				tokenSource.ensureToken(this.properties.auth().tokenUri());
				this.console.info("token: obtained for client " + this.properties.auth().clientId());
			}
			Tally tally = new Tally();
			try (FileUploader uploader = (tokenSource != null) ? newUploader() : null) {
				for (Path file : files) {
					if (!Inbox.isUploadable(file)) {
						this.console.info(file.getFileName() + ": skipped (not .csv, .ndjson or .json)");
						tally.skipped++;
						continue;
					}
					if (!process(inbox, file, uploader, tally)) {
						tally.leftBehind += files.size() - files.indexOf(file) - 1;
						break;
					}
				}
			}
			Duration elapsed = Duration.between(start, this.clock.instant());
			boolean dry = this.properties.dryRun();
			this.console.info("summary: " + tally.done + (dry ? " valid, " : " done, ") + tally.failed
					+ (dry ? " invalid, " : " failed, ") + tally.leftInInbox() + " left in the inbox, " + tally.skipped
					+ " skipped; " + tally.acceptedEntries.get() + " entries accepted in " + tally.acceptedBatches
					+ " batches; " + ((tokenSource != null) ? tokenSource.tokenRequests() : 0) + " token request(s); "
					+ Console.seconds(elapsed) + ", " + Console.rate(tally.acceptedEntries.get(), elapsed));
			return (tally.failed + tally.leftInInbox() + tally.incomplete > 0) ? EXIT_SOME_FAILED : EXIT_OK;
		}
	}

	private List<Path> files(Inbox inbox) {
		try {
			return inbox.files();
		}
		catch (IOException ex) {
			throw new ConfigurationProblem(
					"cannot list the inbox " + this.properties.inbox() + " (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private void sweepUploadRecords(Inbox inbox) {
		List<String> removed;
		try {
			removed = inbox.uploads().sweep();
		}
		catch (IOException ex) {
			throw new ConfigurationProblem("cannot clean up the upload records in " + this.properties.inbox() + " ("
					+ ex.getClass().getSimpleName() + "): is the inbox writable?");
		}
		removed.forEach((name) -> this.console
			.info(name + ": removed the upload record of a file no longer in the inbox; a new copy is a new upload"));
	}

	private FileUploader newUploader() {
		BatchSender sender = new BatchSender(this.ingest.getObject(), new Backoff(this.properties.backoff()),
				this.properties.retryDeadline(), this.properties.auth().tokenUri(), this.clock);
		return new FileUploader(sender, this.properties.concurrency());
	}

	/**
	 * Processes one file.
	 * @return false when the run must stop (the API stayed unavailable)
	 */
	private boolean process(Inbox inbox, Path file, FileUploader uploader, Tally tally) throws InterruptedException {
		String name = file.getFileName().toString();
		Instant started = this.clock.instant();
		EntryFormat format = EntryFormat.ofFileName(name).orElseThrow();
		PreparedFile prepared;
		try {
			prepared = this.preparer.prepare(file, format);
		}
		catch (IOException ex) {
			this.console.error(name + ": cannot be read (" + ex.getClass().getSimpleName() + "); left in the inbox");
			tally.unreadable++;
			return true;
		}
		if (!prepared.valid()) {
			return invalid(inbox, prepared, started, tally);
		}
		if (this.properties.dryRun()) {
			// split and serialised as for real, under an id that is never sent
			Upload trial = this.preparer.split(prepared, UUID.randomUUID(), this.properties.batchSize());
			this.console.info(name + ": valid, " + prepared.entries() + " entries in " + trial.batches().size()
					+ " batches (dry run: not sent)");
			tally.done++;
			return true;
		}
		UploadRecords.Begun begun = beginUpload(inbox, prepared);
		Upload upload = this.preparer.split(prepared, begun.upload().uploadId(), begun.upload().batchSize());
		this.console.info(name + ": " + prepared.entries() + " entries in " + upload.batches().size() + " batches, "
				+ describe(begun, upload));
		AtomicLong fileAccepted = new AtomicLong();
		List<BatchResult> results = uploader.upload(upload, new FileUploader.Listener() {

			@Override
			public void finished(BatchResult result) {
				if (result.outcome() == BatchResult.Outcome.ACCEPTED) {
					long accepted = fileAccepted.addAndGet(result.accepted());
					UploadJob.this.console
						.info("  " + name + " batch " + result.batch().number() + "/" + upload.batches().size() + ": "
								+ result.accepted() + " accepted (batch " + result.batchId() + ")"
								+ ((result.attempts() > 1) ? " after " + result.attempts() + " attempts" : "") + ", "
								+ Console.rate(accepted, Duration.between(started, UploadJob.this.clock.instant())));
				}
				else {
					UploadJob.this.console
						.error("  " + name + " batch " + result.batch().number() + "/" + upload.batches().size() + ": "
								+ result.outcome().name().toLowerCase().replace('_', ' ') + ": " + result.detail());
				}
			}

			@Override
			public void retrying(Batch batch, int retry, String why, Duration delay) {
				UploadJob.this.console.info("  " + name + " batch " + batch.number() + "/" + upload.batches().size()
						+ ": " + why + "; retry " + retry + " in " + Console.seconds(delay));
			}

		});
		int accepted = results.stream().mapToInt(BatchResult::accepted).sum();
		long acceptedBatches = results.stream().filter((r) -> r.outcome() == BatchResult.Outcome.ACCEPTED).count();
		tally.acceptedEntries.addAndGet(accepted);
		tally.acceptedBatches += acceptedBatches;
		List<UUID> batchIds = results.stream()
			.filter((r) -> r.outcome() == BatchResult.Outcome.ACCEPTED)
			.map(BatchResult::batchId)
			.toList();
		boolean keyReused = results.stream().anyMatch((r) -> r.outcome() == BatchResult.Outcome.KEY_REUSED);
		boolean refused = keyReused || results.stream().anyMatch((r) -> r.outcome() == BatchResult.Outcome.REFUSED);
		boolean gaveUp = results.stream().anyMatch((r) -> r.outcome() == BatchResult.Outcome.GAVE_UP);
		if (refused) {
			List<FileReport.Error> errors = new ArrayList<>();
			for (BatchResult result : results) {
				if (result.outcome() == BatchResult.Outcome.REFUSED
						|| result.outcome() == BatchResult.Outcome.KEY_REUSED) {
					errors.add(new FileReport.Error(null, null, null, result.batch().number(), null, result.detail()));
					result.violations().forEach((v) -> errors.add(error(v, result.batch().number())));
				}
			}
			FileReport report = report(upload, "FAILED", accepted, batchIds, started, errors, null);
			Path moved = finish(inbox, file, report, false);
			if (keyReused) {
				this.console.error(name + ": failed, the ingest API holds an Idempotency-Key of upload "
						+ upload.uploadId() + " for a different request and published nothing of that batch; "
						+ accepted + " of " + prepared.entries() + " entries were accepted before (report "
						+ relative(moved) + ".report.json). Its upload record is gone: put the file back into the "
						+ "inbox to send it as a new upload");
			}
			else {
				this.console.error(name + ": failed, the API refused a batch; " + accepted + " of " + prepared.entries()
						+ " entries were accepted before (report " + relative(moved) + ".report.json)");
			}
			tally.failed++;
			return true;
		}
		if (gaveUp) {
			this.console.error(name + ": the ingest API stayed unavailable; " + accepted + " of " + prepared.entries()
					+ " entries accepted so far. The file stays in the inbox with its upload record and the next "
					+ "run continues upload " + upload.uploadId()
					+ " (same Idempotency-Keys, so nothing is doubled); stopping this run");
			tally.unfinished++;
			return false;
		}
		FileReport.Processing processing = null;
		if (this.properties.await()) {
			processing = awaitProcessing(name, results, tally);
		}
		FileReport report = report(upload, "DONE", accepted, batchIds, started, List.of(), processing);
		Path moved = finish(inbox, file, report, true);
		Duration elapsed = Duration.between(started, this.clock.instant());
		this.console.info(name + ": done, " + accepted + " entries accepted in " + acceptedBatches + " batches, "
				+ Console.seconds(elapsed) + ", " + Console.rate(accepted, elapsed) + " (moved to " + relative(moved)
				+ ")");
		tally.done++;
		return true;
	}

	private FileReport.Processing awaitProcessing(String name, List<BatchResult> results, Tally tally)
			throws InterruptedException {
		OutcomeAwaiter awaiter = new OutcomeAwaiter(this.batchStatus.getObject(), this.properties.awaitDeadline(),
				this.properties.awaitPollInterval(), this.clock);
		List<OutcomeAwaiter.Expected> expected = results.stream()
			.map((r) -> new OutcomeAwaiter.Expected(r.batchId(), r.accepted()))
			.toList();
		OutcomeAwaiter.Outcome outcome;
		try {
			outcome = awaiter.await(expected);
		}
		catch (OAuth2AuthorizationException ex) {
			throw TokenSource.translate(ex, this.properties.auth().tokenUri());
		}
		String counts = outcome.applied() + " applied, " + outcome.unchanged() + " unchanged, " + outcome.duplicate()
				+ " duplicate, " + outcome.rejected() + " rejected";
		if (!outcome.complete()) {
			this.console.error(name + ": processing not complete within " + this.properties.awaitDeadline() + " ("
					+ counts + " so far)");
			tally.incomplete++;
		}
		else {
			this.console.info(name + ": processed: " + counts);
		}
		if (outcome.rejected() > 0) {
			outcome.rejectionReasons()
				.forEach((reason, count) -> this.console.error("  " + name + ": " + count + " rejected: " + reason));
			tally.incomplete++;
		}
		return new FileReport.Processing(outcome.complete(), outcome.applied(), outcome.unchanged(),
				outcome.duplicate(), outcome.rejected(), outcome.rejectionReasons());
	}

	private boolean invalid(Inbox inbox, PreparedFile prepared, Instant started, Tally tally) {
		String name = prepared.name();
		List<Violation> violations = prepared.violations();
		if (this.properties.dryRun()) {
			this.console.error(name + ": invalid, " + violations.size() + " problem(s) (dry run: not moved)");
		}
		else {
			List<FileReport.Error> errors = violations.stream().map((v) -> error(v, null)).toList();
			FileReport report = new FileReport(name, "FAILED", prepared.format().name(), prepared.sha256(), null,
					prepared.entries(), this.properties.batchSize(), 0, 0, List.of(), started, this.clock.instant(),
					errors, null);
			Path moved = finish(inbox, prepared.path(), report, false);
			this.console.error(name + ": failed, " + violations.size() + " problem(s), nothing sent (report "
					+ relative(moved) + ".report.json)");
		}
		violations.stream().limit(ERRORS_SHOWN).forEach((v) -> this.console.error("  " + name + " " + describe(v)));
		if (violations.size() > ERRORS_SHOWN) {
			this.console.error("  " + name + ": … and " + (violations.size() - ERRORS_SHOWN) + " more in the report");
		}
		tally.failed++;
		return true;
	}

	private static String describe(Violation v) {
		return ((v.line() > 0) ? "line " + v.line() : (v.index() >= 0) ? "entry " + v.index() : "file") + ": "
				+ ((v.field() != null) ? v.field() + " " : "") + v.message();
	}

	private static FileReport.Error error(Violation v, Integer batch) {
		return new FileReport.Error((v.line() > 0) ? v.line() : null, (v.index() >= 0) ? v.index() : null, v.field(),
				batch, null, v.message());
	}

	private FileReport report(Upload upload, String status, int accepted, List<UUID> batchIds, Instant started,
			List<FileReport.Error> errors, FileReport.Processing processing) {
		PreparedFile file = upload.file();
		return new FileReport(file.name(), status, file.format().name(), file.sha256(), upload.uploadId(),
				file.entries(), upload.batchSize(), upload.batches().size(), accepted, batchIds, started,
				this.clock.instant(), errors, processing);
	}

	/**
	 * Continues the file's upload or begins a new one; its record is on disk before
	 * anything is sent.
	 */
	private UploadRecords.Begun beginUpload(Inbox inbox, PreparedFile prepared) {
		try {
			return inbox.uploads().begin(prepared.path(), prepared.sha256(), this.properties.batchSize());
		}
		catch (IOException ex) {
			throw new ConfigurationProblem("cannot write the upload record of " + prepared.name() + " ("
					+ ex.getClass().getSimpleName() + "): is the inbox writable?");
		}
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

	private Path finish(Inbox inbox, Path file, FileReport report, boolean done) {
		try {
			return inbox.finish(file, report, done);
		}
		catch (IOException ex) {
			throw new ConfigurationProblem("cannot move " + file.getFileName() + " out of the inbox ("
					+ ex.getClass().getSimpleName() + "): is the inbox writable?");
		}
	}

	private Path relative(Path moved) {
		return this.properties.inbox().relativize(moved);
	}

	private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/** Counts of one run. */
	private static final class Tally {

		int done;

		int failed;

		int skipped;

		int unreadable;

		int unfinished;

		int leftBehind;

		int incomplete;

		long acceptedBatches;

		final AtomicLong acceptedEntries = new AtomicLong();

		int leftInInbox() {
			return this.unreadable + this.unfinished + this.leftBehind;
		}

	}

}
