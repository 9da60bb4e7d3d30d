package com.exampleco.timesheets.uploader.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.exampleco.timesheets.uploader.auth.AuthenticationProblem;
import com.exampleco.timesheets.uploader.inbox.FileReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunTallyTests {

	static final Path MOVED = Path.of("done", "week.csv");

	@Test
	void exitsWithZeroWhenEveryFileIsDoneOrSkipped() {
		RunTally tally = new RunTally();
		tally.add(new FileOutcome.Done("a.csv", 12, 3, Duration.ofSeconds(1), MOVED, null));
		tally.add(new FileOutcome.Valid("b.csv", 4, 1));
		tally.add(new FileOutcome.Skipped("notes.txt"));

		assertThat(tally.exitCode()).isEqualTo(RunExitCodes.EXIT_OK);
		assertThat(tally.done()).isEqualTo(2);
		assertThat(tally.skipped()).isEqualTo(1);
		assertThat(tally.acceptedEntries()).isEqualTo(12);
		assertThat(tally.acceptedBatches()).isEqualTo(3);
	}

	@Test
	void countsAcceptedEntriesOfRefusedAndUnavailableFiles() {
		RunTally tally = new RunTally();
		tally.add(new FileOutcome.Refused("a.csv", UUID.randomUUID(), 30, 10, 1, false, MOVED));
		tally.add(new FileOutcome.Unavailable("b.csv", UUID.randomUUID(), 30, 20, 2));
		tally.leftBehind(2);

		assertThat(tally.failed()).isEqualTo(1);
		assertThat(tally.leftInInbox()).isEqualTo(3);
		assertThat(tally.acceptedEntries()).isEqualTo(30);
		assertThat(tally.acceptedBatches()).isEqualTo(3);
		assertThat(tally.exitCode()).isEqualTo(RunExitCodes.EXIT_SOME_FAILED);
	}

	@Test
	void exitsWithOneWhenAFileIsInvalidUnreadableOrNotFullyProcessed() {
		assertThat(exitCodeOf(new FileOutcome.Invalid("a.csv", List.of(), null)))
			.isEqualTo(RunExitCodes.EXIT_SOME_FAILED);
		assertThat(exitCodeOf(new FileOutcome.Unreadable("a.csv", "AccessDeniedException")))
			.isEqualTo(RunExitCodes.EXIT_SOME_FAILED);
		FileReport.Processing rejected = new FileReport.Processing(true, 2, 0, 0, 1, Map.of("stale version", 1L));
		assertThat(exitCodeOf(new FileOutcome.Done("a.csv", 3, 1, Duration.ZERO, MOVED, rejected)))
			.isEqualTo(RunExitCodes.EXIT_SOME_FAILED);
		FileReport.Processing late = new FileReport.Processing(false, 2, 0, 0, 0, Map.of());
		assertThat(exitCodeOf(new FileOutcome.Done("a.csv", 3, 1, Duration.ZERO, MOVED, late)))
			.isEqualTo(RunExitCodes.EXIT_SOME_FAILED);
		FileReport.Processing applied = new FileReport.Processing(true, 3, 0, 0, 0, Map.of());
		assertThat(exitCodeOf(new FileOutcome.Done("a.csv", 3, 1, Duration.ZERO, MOVED, applied)))
			.isEqualTo(RunExitCodes.EXIT_OK);
	}

	@Test
	void mapsExceptionsThatStopARunToExitCodes() {
		RunExitCodes codes = new RunExitCodes();

		assertThat(codes.getExitCode(new IllegalStateException(new ConfigurationProblem("no inbox"))))
			.isEqualTo(RunExitCodes.EXIT_CANNOT_RUN);
		assertThat(
				codes.getExitCode(new AuthenticationProblem(AuthenticationProblem.Kind.CREDENTIALS_REFUSED, "refused")))
			.isEqualTo(RunExitCodes.EXIT_CANNOT_RUN);
		assertThat(codes.getExitCode(new IllegalStateException("a bug"))).isEqualTo(RunExitCodes.EXIT_SOME_FAILED);
		assertThat(codes.getExitCode(new InterruptedException())).isEqualTo(RunExitCodes.EXIT_SOME_FAILED);
	}

	private static int exitCodeOf(FileOutcome outcome) {
		RunTally tally = new RunTally();
		tally.add(outcome);
		return tally.exitCode();
	}

}
