package com.exampleco.timesheets.uploader.run;

/**
 * The counts of one run, added up from the files' {@link FileOutcome}s, and the exit code
 * they give: 0 when every file is done, 1 when some file failed, stayed in the inbox or
 * was not fully processed ({@code --await}).
 */
final class RunTally {

	private int done;

	private int failed;

	private int skipped;

	private int leftInInbox;

	private int incomplete;

	private long acceptedEntries;

	private long acceptedBatches;

	void add(FileOutcome outcome) {
		if (outcome instanceof FileOutcome.Skipped) {
			this.skipped++;
		}
		else if (outcome instanceof FileOutcome.Unreadable) {
			this.leftInInbox++;
		}
		else if (outcome instanceof FileOutcome.Invalid) {
			this.failed++;
		}
		else if (outcome instanceof FileOutcome.Valid) {
			this.done++;
		}
		else if (outcome instanceof FileOutcome.Refused refused) {
			accepted(refused.accepted(), refused.acceptedBatches());
			this.failed++;
		}
		else if (outcome instanceof FileOutcome.Unavailable unavailable) {
			accepted(unavailable.accepted(), unavailable.acceptedBatches());
			this.leftInInbox++;
		}
		else if (outcome instanceof FileOutcome.Done done) {
			accepted(done.accepted(), done.acceptedBatches());
			this.done++;
			if (done.processingIncomplete()) {
				this.incomplete++;
			}
		}
	}

	/**
	 * Counts files the run did not get to because it stopped.
	 * @param files how many
	 */
	void leftBehind(int files) {
		this.leftInInbox += files;
	}

	private void accepted(int entries, long batches) {
		this.acceptedEntries += entries;
		this.acceptedBatches += batches;
	}

	int done() {
		return this.done;
	}

	int failed() {
		return this.failed;
	}

	int skipped() {
		return this.skipped;
	}

	int leftInInbox() {
		return this.leftInInbox;
	}

	long acceptedEntries() {
		return this.acceptedEntries;
	}

	long acceptedBatches() {
		return this.acceptedBatches;
	}

	int exitCode() {
		return (this.failed + this.leftInInbox + this.incomplete > 0) ? RunExitCodes.EXIT_SOME_FAILED
				: RunExitCodes.EXIT_OK;
	}

}
