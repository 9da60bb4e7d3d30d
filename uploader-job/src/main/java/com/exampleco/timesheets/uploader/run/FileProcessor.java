package com.exampleco.timesheets.uploader.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.entry.EntryFormat;
import com.exampleco.timesheets.events.entry.Violation;
import com.exampleco.timesheets.uploader.auth.TokenSource;
import com.exampleco.timesheets.uploader.await.BatchStatusClient;
import com.exampleco.timesheets.uploader.await.OutcomeAwaiter;
import com.exampleco.timesheets.uploader.config.UploaderProperties;
import com.exampleco.timesheets.uploader.inbox.FileReport;
import com.exampleco.timesheets.uploader.inbox.Inbox;
import com.exampleco.timesheets.uploader.inbox.UploadRecords;
import com.exampleco.timesheets.uploader.upload.BatchResult;
import com.exampleco.timesheets.uploader.upload.FilePreparer;
import com.exampleco.timesheets.uploader.upload.FileUploader;
import com.exampleco.timesheets.uploader.upload.PreparedFile;
import com.exampleco.timesheets.uploader.upload.Upload;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * Takes one file of the inbox to its end: read and validate it, continue its upload or
 * begin a new one (its upload record on disk before anything is sent), send its batches,
 * optionally wait for the processor, then move it to {@code done/} or {@code failed/}
 * with its report. Progress while sending goes to {@link RunReporter}; how the file ended
 * is the returned {@link FileOutcome}, which nothing here prints.
 * <p>
 * Throws {@link ConfigurationProblem} when the inbox cannot be written, and lets
 * authentication problems through: both stop the run.
 */
@Component
class FileProcessor {

	private final UploaderProperties properties;

	private final FilePreparer preparer;

	private final RunReporter reporter;

	private final Clock clock;

	private final ObjectProvider<BatchStatusClient> batchStatus;

	FileProcessor(UploaderProperties properties, FilePreparer preparer, RunReporter reporter, Clock clock,
			ObjectProvider<BatchStatusClient> batchStatus) {
		this.properties = properties;
		this.preparer = preparer;
		this.reporter = reporter;
		this.clock = clock;
		this.batchStatus = batchStatus;
	}

	/**
	 * Processes one file.
	 * @param inbox the inbox it is in
	 * @param file the file
	 * @param uploader sends its batches; null in a dry run
	 * @return how it ended, never null
	 * @throws InterruptedException when interrupted
	 */
	FileOutcome process(Inbox inbox, Path file, @Nullable FileUploader uploader) throws InterruptedException {
		String name = file.getFileName().toString();
		if (!Inbox.isUploadable(file)) {
			return new FileOutcome.Skipped(name);
		}
		Instant started = this.clock.instant();
		EntryFormat format = EntryFormat.ofFileName(name).orElseThrow();
		PreparedFile prepared;
		try {
			prepared = this.preparer.prepare(file, format);
		}
		catch (IOException ex) {
			return new FileOutcome.Unreadable(name, ex.getClass().getSimpleName());
		}
		if (!prepared.valid()) {
			return invalid(inbox, prepared, started);
		}
		if (this.properties.dryRun() || uploader == null) {
			// no uploader only in a dry run: the job makes one whenever it may send
			// split and serialised as for real, under an id that is never sent
			Upload trial = this.preparer.split(prepared, UUID.randomUUID(), this.properties.batchSize());
			return new FileOutcome.Valid(name, prepared.entries(), trial.batches().size());
		}
		UploadRecords.Begun begun = beginUpload(inbox, prepared);
		Upload upload = this.preparer.split(prepared, begun.upload().uploadId(), begun.upload().batchSize());
		this.reporter.uploadBegun(prepared, begun, upload);
		List<BatchResult> results = uploader.upload(upload, this.reporter.batchProgress(upload, started));
		return uploaded(inbox, upload, results, started);
	}

	private FileOutcome uploaded(Inbox inbox, Upload upload, List<BatchResult> results, Instant started)
			throws InterruptedException {
		String name = upload.name();
		int entries = upload.file().entries();
		List<BatchResult> accepted = results.stream()
			.filter((r) -> r.outcome() == BatchResult.Outcome.ACCEPTED)
			.toList();
		int acceptedEntries = results.stream().mapToInt(BatchResult::accepted).sum();
		List<UUID> batchIds = accepted.stream().map(BatchResult::batchId).toList();
		boolean keyReused = results.stream().anyMatch((r) -> r.outcome() == BatchResult.Outcome.KEY_REUSED);
		boolean refused = keyReused || results.stream().anyMatch((r) -> r.outcome() == BatchResult.Outcome.REFUSED);
		if (refused) {
			FileReport report = report(upload, false, acceptedEntries, batchIds, started, refusals(results), null);
			Path moved = finish(inbox, upload.file().path(), report, false);
			return new FileOutcome.Refused(name, upload.uploadId(), entries, acceptedEntries, accepted.size(),
					keyReused, moved);
		}
		if (results.stream().anyMatch((r) -> r.outcome() == BatchResult.Outcome.GAVE_UP)) {
			return new FileOutcome.Unavailable(name, upload.uploadId(), entries, acceptedEntries, accepted.size());
		}
		FileReport.Processing processing = this.properties.await() ? awaitProcessing(results) : null;
		FileReport report = report(upload, true, acceptedEntries, batchIds, started, List.of(), processing);
		Path moved = finish(inbox, upload.file().path(), report, true);
		Duration elapsed = Duration.between(started, this.clock.instant());
		return new FileOutcome.Done(name, acceptedEntries, accepted.size(), elapsed, moved, processing);
	}

	private static List<FileReport.Error> refusals(List<BatchResult> results) {
		List<FileReport.Error> errors = new ArrayList<>();
		for (BatchResult result : results) {
			if (result.outcome() == BatchResult.Outcome.REFUSED || result.outcome() == BatchResult.Outcome.KEY_REUSED) {
				errors.add(new FileReport.Error(null, null, null, result.batch().number(), null, result.detail()));
				result.violations().forEach((v) -> errors.add(error(v, result.batch().number())));
			}
		}
		return errors;
	}

	private FileReport.Processing awaitProcessing(List<BatchResult> results) throws InterruptedException {
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
		return new FileReport.Processing(outcome.complete(), outcome.applied(), outcome.unchanged(),
				outcome.duplicate(), outcome.rejected(), outcome.rejectionReasons());
	}

	private FileOutcome invalid(Inbox inbox, PreparedFile prepared, Instant started) {
		List<Violation> violations = prepared.violations();
		if (this.properties.dryRun()) {
			return new FileOutcome.Invalid(prepared.name(), violations, null);
		}
		List<FileReport.Error> errors = violations.stream().map((v) -> error(v, null)).toList();
		FileReport report = new FileReport(prepared.name(), status(false), prepared.format().name(), prepared.sha256(),
				null, prepared.entries(), this.properties.batchSize(), 0, 0, List.of(), started, this.clock.instant(),
				errors, null);
		Path moved = finish(inbox, prepared.path(), report, false);
		return new FileOutcome.Invalid(prepared.name(), violations, moved);
	}

	private static FileReport.Error error(Violation v, @Nullable Integer batch) {
		return new FileReport.Error((v.line() > 0) ? v.line() : null, (v.index() >= 0) ? v.index() : null, v.field(),
				batch, null, v.message());
	}

	private FileReport report(Upload upload, boolean done, int accepted, List<UUID> batchIds, Instant started,
			List<FileReport.Error> errors, FileReport.@Nullable Processing processing) {
		PreparedFile file = upload.file();
		return new FileReport(file.name(), status(done), file.format().name(), file.sha256(), upload.uploadId(),
				file.entries(), upload.batchSize(), upload.batches().size(), accepted, batchIds, started,
				this.clock.instant(), errors, processing);
	}

	/** The report's status: the folder the file moves to, in capitals. */
	private static String status(boolean done) {
		return done ? "DONE" : "FAILED";
	}

	private UploadRecords.Begun beginUpload(Inbox inbox, PreparedFile prepared) {
		try {
			return inbox.uploads().begin(prepared.path(), prepared.sha256(), this.properties.batchSize());
		}
		catch (IOException ex) {
			throw new ConfigurationProblem("cannot write the upload record of " + prepared.name() + " ("
					+ ex.getClass().getSimpleName() + "): is the inbox writable?");
		}
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

}
