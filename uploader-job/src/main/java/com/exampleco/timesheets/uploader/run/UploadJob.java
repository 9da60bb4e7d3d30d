package com.exampleco.timesheets.uploader.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.exampleco.timesheets.uploader.auth.TokenSource;
import com.exampleco.timesheets.uploader.config.UploaderProperties;
import com.exampleco.timesheets.uploader.inbox.Inbox;
import com.exampleco.timesheets.uploader.inbox.InboxLock;
import com.exampleco.timesheets.uploader.upload.Backoff;
import com.exampleco.timesheets.uploader.upload.BatchSender;
import com.exampleco.timesheets.uploader.upload.FileUploader;
import com.exampleco.timesheets.uploader.upload.IngestClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * One run of the job over the inbox: lock it, clear stale upload records, get a token,
 * then hand each file in name order to {@link FileProcessor}, count its
 * {@link FileOutcome} and have {@link RunReporter} print it; stop early when the ingest
 * API stayed unavailable. Its exit code ({@link ExitCodeGenerator}, collected by
 * {@code SpringApplication.exit}): 0 when every file is done, 1 when some file failed or
 * stayed in the inbox, 2 when the job could not run (configuration, authentication, inbox
 * locked) — for a run that stops on an exception, as {@link RunExitCodes} maps it.
 */
@Component
class UploadJob implements ApplicationRunner, ExitCodeGenerator {

	private final UploaderProperties properties;

	private final FileProcessor processor;

	private final RunReporter reporter;

	private final RunExitCodes exitCodes;

	private final Clock clock;

	private final ObjectProvider<TokenSource> tokens;

	private final ObjectProvider<IngestClient> ingest;

	private volatile int exitCode = RunExitCodes.EXIT_CANNOT_RUN;

	UploadJob(UploaderProperties properties, FileProcessor processor, RunReporter reporter, RunExitCodes exitCodes,
			Clock clock, ObjectProvider<TokenSource> tokens, ObjectProvider<IngestClient> ingest) {
		this.properties = properties;
		this.processor = processor;
		this.reporter = reporter;
		this.exitCodes = exitCodes;
		this.clock = clock;
		this.tokens = tokens;
		this.ingest = ingest;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/**
	 * Runs the job; never throws. Exceptions that stop the run are printed and mapped to
	 * an exit code here, so that Spring Boot's failure handling (a logged stack trace)
	 * never adds to the job's output.
	 */
	@Override
	public void run(ApplicationArguments args) {
		try {
			this.exitCode = runJob();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.reporter.stopped(ex);
			this.exitCode = this.exitCodes.getExitCode(ex);
		}
		catch (RuntimeException ex) {
			this.reporter.stopped(ex);
			this.exitCode = this.exitCodes.getExitCode(ex);
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
			this.reporter.started(files.size());
			TokenSource tokenSource = null;
			if (!this.properties.dryRun() && files.stream().anyMatch(Inbox::isUploadable)) {
				tokenSource = this.tokens.getObject();
				tokenSource.ensureToken(this.properties.auth().tokenUri());
				this.reporter.tokenObtained();
			}
			RunTally tally = new RunTally();
			try (FileUploader uploader = (tokenSource != null) ? newUploader() : null) {
				for (int i = 0; i < files.size(); i++) {
					FileOutcome outcome = this.processor.process(inbox, files.get(i), uploader);
					tally.add(outcome);
					this.reporter.fileEnded(outcome);
					if (outcome instanceof FileOutcome.Unavailable) {
						tally.leftBehind(files.size() - i - 1);
						break;
					}
				}
			}
			long tokenRequests = (tokenSource != null) ? tokenSource.tokenRequests() : 0;
			this.reporter.summary(tally, tokenRequests, Duration.between(start, this.clock.instant()));
			return tally.exitCode();
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
		removed.forEach(this.reporter::recordRemoved);
	}

	private FileUploader newUploader() {
		BatchSender sender = new BatchSender(this.ingest.getObject(), new Backoff(this.properties.backoff()),
				this.properties.retryDeadline(), this.properties.auth().tokenUri(), this.clock);
		return new FileUploader(sender, this.properties.concurrency());
	}

}
