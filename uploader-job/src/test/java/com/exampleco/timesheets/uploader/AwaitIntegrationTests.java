package com.exampleco.timesheets.uploader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --await} against the real ingest API and auth server, with a stand-in for the
 * query API that answers {@code GET /batches/{id}} in its documented shape (running the
 * real query API would need the processor and a database too; the local stack and the
 * system tests do that).
 */
@ExtendWith(OutputCaptureExtension.class)
class AwaitIntegrationTests {

	static TestStack stack;

	final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path inbox;

	FakeQueryApi query;

	String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void startStack() throws IOException {
		stack = TestStack.shared();
	}

	@BeforeEach
	void startQueryApi() throws IOException {
		this.query = new FakeQueryApi();
	}

	@AfterEach
	void stopQueryApi() {
		this.query.close();
	}

	@Test
	void awaitsUntilEveryEventOfEveryBatchIsProcessed(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("await.csv"), csv(25));

		int exit = upload();

		assertThat(exit).as(output.getAll()).isZero();
		JsonNode processing = this.json.readTree(this.inbox.resolve("done/await.csv.report.json").toFile())
			.path("processing");
		assertThat(processing.path("complete").asBoolean()).isTrue();
		assertThat(processing.path("applied").asLong()).isEqualTo(25);
		assertThat(processing.path("rejected").asLong()).isZero();
		// three batches: each polled once (404) and once more (complete)
		assertThat(this.query.polls()).isEqualTo(6);
		assertThat(output.getOut()).contains("await.csv: processed: 25 applied, 0 unchanged, 0 duplicate, 0 rejected");
	}

	@Test
	void reportsRejectedEventsWithReasonsAndExitsWithOne(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("rejected.csv"), csv(4));
		this.query.reportEvery("REJECTED", "timesheet is APPROVED; resubmission refused");

		int exit = upload();

		assertThat(exit).as(output.getAll()).isEqualTo(1);
		JsonNode processing = this.json.readTree(this.inbox.resolve("done/rejected.csv.report.json").toFile())
			.path("processing");
		assertThat(processing.path("rejected").asLong()).isEqualTo(4);
		assertThat(processing.path("rejectionReasons").path("timesheet is APPROVED; resubmission refused").asLong())
			.isEqualTo(4);
		assertThat(output.getErr()).contains("rejected.csv: 4 rejected: timesheet is APPROVED; resubmission refused");
	}

	private int upload() {
		List<String> args = stack.uploaderArguments(this.inbox.toString());
		args.addAll(List.of("--await", "--query-url", this.query.url(), "--batch-size", "10",
				"--timesheets.uploader.await-poll-interval=50ms", "--timesheets.uploader.await-deadline=20s"));
		return UploaderApplication.run(args.toArray(String[]::new));
	}

	private String csv(int rows) {
		StringBuilder csv = new StringBuilder(UploaderIntegrationTests.HEADER);
		for (int i = 1; i <= rows; i++) {
			csv.append("w-").append(this.run).append('-').append(i).append(",E1001,ALPHA,2026-11-02,2,\n");
		}
		return csv.toString();
	}

}
