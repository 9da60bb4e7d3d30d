package com.exampleco.timesheets.uploader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.exampleco.timesheets.uploader.inbox.InboxLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job against the real auth server and the real ingest API on a real in-JVM KRaft
 * broker, run the way cron runs it (the job's own entry point, in this JVM), with
 * {@link HttpFront}s counting token requests and batches and playing a troubled ingest.
 */
@ExtendWith(OutputCaptureExtension.class)
class UploaderIntegrationTests {

	static final String HEADER = "external_id,employee_id,project_code,work_date,hours,note\n";

	static final String BATCHES = "/timesheet-batches";

	static final String TOKEN = "/oauth2/token";

	static TestStack stack;

	final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path inbox;

	String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void startStack() throws IOException {
		stack = TestStack.shared();
	}

	@BeforeEach
	void resetFronts() {
		stack.auth.reset();
		stack.ingest.reset();
	}

	@Test
	void uploadsTenThousandRowCsvInBatchesWithOneTokenRequest(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("big.csv"), csv(10_000));

		int exit = upload("--batch-size", "500");

		assertThat(exit).as(output.getAll()).isZero();
		assertThat(stack.auth.requests(TOKEN)).isEqualTo(1);
		assertThat(stack.ingest.requests(BATCHES)).isEqualTo(20);
		assertThat(this.inbox.resolve("big.csv")).doesNotExist();
		assertThat(this.inbox.resolve("done/big.csv")).exists();
		JsonNode report = report("done/big.csv");
		assertThat(report.path("status").asString()).isEqualTo("DONE");
		assertThat(report.path("entries").asInt()).isEqualTo(10_000);
		assertThat(report.path("batches").asInt()).isEqualTo(20);
		assertThat(report.path("accepted").asInt()).isEqualTo(10_000);
		Set<UUID> batchIds = batchIds(report);
		assertThat(batchIds).hasSize(20);
		List<TestStack.Event> events = stack.eventsOf(batchIds);
		assertThat(events).hasSize(10_000);
		assertThat(events.stream().map(TestStack.Event::eventId).distinct()).hasSize(10_000);
		assertThat(this.inbox.resolve(".big.csv.upload.json")).doesNotExist();
		assertThat(output.getOut()).contains("big.csv: 10000 entries in 20 batches, new upload")
			.contains("big.csv batch 20/20: 500 accepted")
			.contains("entries/s")
			.contains("summary: 1 done, 0 failed, 0 left in the inbox")
			.contains("1 token request(s)");
	}

	@Test
	void aRevertToAnEarlierFileIsANewUploadWhoseEventsAreNew(CapturedOutput output) throws IOException {
		// Monday: file A; Tuesday: a corrected file B; Wednesday: the byte-identical A
		String monday = revertableCsv(25, "8");
		String tuesday = revertableCsv(25, "7.5");
		List<List<String>> keys = new ArrayList<>();
		List<JsonNode> reports = new ArrayList<>();
		for (String content : List.of(monday, tuesday, monday)) {
			stack.ingest.reset();
			Files.writeString(this.inbox.resolve("week.csv"), content);
			assertThat(upload("--batch-size", "10", "--concurrency", "1")).as(output.getAll()).isZero();
			keys.add(stack.ingest.keys(BATCHES));
			reports.add(latestReport("done"));
			assertThat(this.inbox.resolve(".week.csv.upload.json")).doesNotExist();
		}

		// every upload names its own batches: Wednesday's keys are not Monday's
		assertThat(keys).allSatisfy((sent) -> assertThat(sent).hasSize(3).doesNotHaveDuplicates());
		assertThat(keys.get(2)).doesNotContainAnyElementsOf(keys.get(0)).doesNotContainAnyElementsOf(keys.get(1));
		assertThat(reports.get(2).path("sha256").asString()).isEqualTo(reports.get(0).path("sha256").asString());
		assertThat(reports.get(2).path("uploadId").asString()).isNotEqualTo(reports.get(0).path("uploadId").asString());
		assertThat(keys.get(2))
			.allSatisfy((key) -> assertThat(key).contains(reports.get(2).path("uploadId").asString()));
		Set<UUID> mondayBatches = batchIds(reports.get(0));
		Set<UUID> wednesdayBatches = batchIds(reports.get(2));
		assertThat(wednesdayBatches).hasSize(3).doesNotContainAnyElementsOf(mondayBatches);
		// Wednesday's events are new (a processor applies them, not drops them as
		// duplicates), and they are the last of each timesheet on the topic: replayed in
		// order, the state ends in A
		Set<UUID> all = new HashSet<>(mondayBatches);
		all.addAll(batchIds(reports.get(1)));
		all.addAll(wednesdayBatches);
		List<TestStack.Event> events = stack.eventsOf(all);
		assertThat(events).hasSize(75);
		Set<UUID> mondayEvents = eventIds(events.stream().filter((e) -> mondayBatches.contains(e.batchId())).toList());
		Map<String, TestStack.Event> last = new HashMap<>();
		events.forEach((event) -> last.put(event.key(), event));
		assertThat(last).hasSize(25).allSatisfy((timesheet, event) -> {
			assertThat(wednesdayBatches).contains(event.batchId());
			assertThat(mondayEvents).doesNotContain(event.eventId());
			assertThat(event.entry().path("hours").asString()).isEqualTo("8");
		});
		assertThat(output.getOut())
			.contains("week.csv: 25 entries in 3 batches, new upload " + reports.get(2).path("uploadId").asString());
	}

	@Test
	void aRunAfterACrashMidFileResendsTheSameKeysForEveryBatch(CapturedOutput output) throws Exception {
		Files.writeString(this.inbox.resolve("crash.csv"), csv(30));
		Path record = this.inbox.resolve(".crash.csv.upload.json");
		// batch 1 goes through; batch 2 is held at the front while the job is killed
		stack.ingest.holdAfter(BATCHES, 1);
		Path log = this.inbox.getParent().resolve(this.run + "-crash.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
						System.getProperty("java.class.path"), UploaderApplication.class.getName()));
		command.addAll(stack.uploaderArguments(this.inbox.toString()));
		command.addAll(List.of("--batch-size", "10", "--concurrency", "1"));
		Process job = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(stack.ingest.held(BATCHES)).as(() -> read(log)).isEqualTo(1));
		}
		finally {
			job.destroyForcibly();
			job.waitFor();
		}
		List<String> firstKeys = stack.ingest.keys(BATCHES);
		assertThat(stack.ingest.forwardedOk(BATCHES)).isEqualTo(1);
		assertThat(firstKeys).hasSize(2);
		assertThat(this.inbox.resolve("crash.csv")).exists();
		assertThat(record).as("the upload record survives the crash").isRegularFile();
		String uploadId = this.json.readTree(record.toFile()).path("uploadId").asString();
		stack.ingest.reset();

		assertThat(upload("--batch-size", "10", "--concurrency", "1")).as(output.getAll()).isZero();

		List<String> secondKeys = stack.ingest.keys(BATCHES);
		assertThat(secondKeys).hasSize(3).startsWith(firstKeys.toArray(String[]::new));
		assertThat(output.getOut()).contains("crash.csv: 30 entries in 3 batches, continuing upload " + uploadId);
		JsonNode report = report("done/crash.csv");
		assertThat(report.path("uploadId").asString()).isEqualTo(uploadId);
		assertThat(record).doesNotExist();
		// batch 1 was sent again under its key: the ingest API recognised key and
		// body and answered as the first time without publishing again, so each entry
		// is on the topic once, under the event ids of the first attempt
		List<TestStack.Event> events = stack.eventsOf(batchIds(report));
		assertThat(events).hasSize(30);
		assertThat(eventIds(events)).hasSize(30);
	}

	@Test
	void retriesWhileIngestAnswers503AndThenSucceeds(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("retry.csv"), csv(30));
		stack.ingest.answerNext(BATCHES, 3, 503, Map.of("Retry-After", "1"));

		int exit = upload("--batch-size", "10", "--concurrency", "1");

		assertThat(exit).as(output.getAll()).isZero();
		assertThat(stack.ingest.answeredHere(BATCHES)).isEqualTo(3);
		assertThat(stack.ingest.requests(BATCHES)).isEqualTo(6);
		assertThat(output.getOut()).contains("HTTP 503").contains("retry 1 in 1.").contains("after 4 attempts");
		JsonNode report = report("done/retry.csv");
		assertThat(report.path("accepted").asInt()).isEqualTo(30);
		assertThat(stack.eventsOf(batchIds(report))).hasSize(30);
		assertThat(stack.auth.requests(TOKEN)).isEqualTo(1);
	}

	@Test
	void fileStaysInTheInboxWhenIngestStaysUnavailable(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("a.csv"), csv(10));
		Files.writeString(this.inbox.resolve("b.csv"), csv(10));
		stack.ingest.answerNext(BATCHES, 1_000, 503, Map.of("Retry-After", "0"));

		int exit = upload("--timesheets.uploader.retry-deadline=300ms");

		assertThat(exit).as(output.getAll()).isEqualTo(1);
		assertThat(this.inbox.resolve("a.csv")).exists();
		assertThat(this.inbox.resolve("b.csv")).exists();
		assertThat(this.inbox.resolve("done")).doesNotExist();
		assertThat(this.inbox.resolve("failed")).doesNotExist();
		assertThat(output.getErr()).contains("a.csv: the ingest API stayed unavailable")
			.contains("the next run continues upload");
		assertThat(output.getOut()).contains("0 done, 0 failed, 2 left in the inbox");
		// a.csv began its upload; the run stopped before b.csv
		assertThat(this.inbox.resolve(".a.csv.upload.json")).isRegularFile();
		assertThat(this.inbox.resolve(".b.csv.upload.json")).doesNotExist();
		List<String> firstKeys = stack.ingest.keys(BATCHES);
		assertThat(firstKeys).isNotEmpty().allSatisfy((key) -> assertThat(key).isEqualTo(firstKeys.get(0)));

		// the service is back: the next run finishes both, a.csv under the same key
		stack.ingest.reset();
		assertThat(upload()).as(output.getAll()).isZero();
		assertThat(stack.ingest.keys(BATCHES)).hasSize(2).first().isEqualTo(firstKeys.get(0));
		assertThat(this.inbox.resolve("done/a.csv")).exists();
		assertThat(this.inbox.resolve("done/b.csv")).exists();
		assertThat(this.inbox.resolve(".a.csv.upload.json")).doesNotExist();
		assertThat(this.inbox.resolve(".b.csv.upload.json")).doesNotExist();
	}

	@Test
	void aReusedKeyFailsTheFileAtOnce(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("reused.csv"), csv(30));
		stack.ingest.answerAfter(BATCHES, 1, 1, 422, Map.of(),
				"https://timesheets.exampleco.com/problems/idempotency-key-reused");

		int exit = upload("--batch-size", "10", "--concurrency", "1");

		assertThat(exit).as(output.getAll()).isEqualTo(1);
		// batch 1 accepted, batch 2 refused and never retried, batch 3 never sent
		assertThat(stack.ingest.requests(BATCHES)).isEqualTo(2);
		assertThat(this.inbox.resolve("failed/reused.csv")).exists();
		assertThat(this.inbox.resolve("done")).doesNotExist();
		assertThat(this.inbox.resolve(".reused.csv.upload.json")).doesNotExist();
		JsonNode report = report("failed/reused.csv");
		assertThat(report.path("status").asString()).isEqualTo("FAILED");
		assertThat(report.path("accepted").asInt()).isEqualTo(10);
		assertThat(report.path("errors")).singleElement().satisfies((error) -> {
			assertThat(error.path("batch").asInt()).isEqualTo(2);
			assertThat(error.path("message").asString()).contains("holds the Idempotency-Key")
				.contains(stack.ingest.keys(BATCHES).get(1))
				.contains("HTTP 422");
		});
		assertThat(output.getErr()).contains("reused.csv: failed, the ingest API holds an Idempotency-Key of upload "
				+ report.path("uploadId").asString() + " for a different request");
		assertThat(output.getOut()).contains("0 done, 1 failed, 0 left in the inbox");
	}

	@Test
	void fetchesANewTokenOnceWhenIngestRefusesTheCachedOne(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("token.csv"), csv(5));
		stack.ingest.answerNext(BATCHES, 1, 401,
				Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"expired\""));

		int exit = upload();

		assertThat(exit).as(output.getAll()).isZero();
		assertThat(stack.auth.requests(TOKEN)).isEqualTo(2);
		assertThat(stack.ingest.requests(BATCHES)).isEqualTo(2);
		assertThat(this.inbox.resolve("done/token.csv")).exists();
	}

	@Test
	void stopsWithExitCodeTwoWhenIngestKeepsRefusingFreshTokens(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("refused.csv"), csv(5));
		stack.ingest.answerNext(BATCHES, 10, 401, Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));

		int exit = upload();

		assertThat(exit).isEqualTo(2);
		assertThat(output.getErr()).contains("authentication error: the ingest API refused a freshly issued token");
		assertThat(this.inbox.resolve("refused.csv")).exists();
		assertThat(stack.auth.requests(TOKEN)).isEqualTo(2);
	}

	@Test
	void wrongClientSecretExitsWithTwoAndMovesNothing(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("secret.csv"), csv(5));

		int exit = upload("--timesheets.uploader.auth.client-secret=not-the-secret");

		assertThat(exit).isEqualTo(2);
		assertThat(output.getErr())
			.contains("authentication error: the authorization server refused the client credentials (invalid_client)")
			.doesNotContain("not-the-secret");
		assertThat(output.getOut()).doesNotContain("not-the-secret");
		assertThat(this.inbox.resolve("secret.csv")).exists();
		assertThat(this.inbox.resolve("done")).doesNotExist();
		assertThat(this.inbox.resolve("failed")).doesNotExist();
		assertThat(stack.ingest.requests(BATCHES)).isZero();
		assertThat(stack.auth.requests(TOKEN)).as("invalid_client is not retried").isEqualTo(1);
	}

	@Test
	void retriesTheTokenRequestWhileTheAuthServerAnswers503AndThenUploadsOnce(CapturedOutput output)
			throws IOException {
		Files.writeString(this.inbox.resolve("later.csv"), csv(30));
		stack.auth.answerNext(TOKEN, 3, 503, Map.of());

		int exit = upload("--batch-size", "10");

		assertThat(exit).as(output.getAll()).isZero();
		assertThat(stack.auth.requests(TOKEN)).isEqualTo(4);
		assertThat(output.getOut())
			.contains("token: the authorization server at " + stack.auth.url() + "/oauth2/token answered HTTP 503")
			.contains("; retry 1 in ")
			.contains("; retry 3 in ")
			.doesNotContain("; retry 4 in ");
		// three batches under three keys (a retried batch keeps its key), each entry once
		assertThat(new HashSet<>(stack.ingest.keys(BATCHES))).hasSize(3);
		List<TestStack.Event> events = stack.eventsOf(batchIds(report("done/later.csv")));
		assertThat(events).hasSize(30);
		assertThat(events.stream().map(TestStack.Event::eventId).distinct()).hasSize(30);
	}

	@Test
	void unreachableAuthServerExitsWithTwoAndADistinctMessageOnceItsRetryDeadlinePassed(CapturedOutput output)
			throws IOException {
		Files.writeString(this.inbox.resolve("offline.csv"), csv(5));

		List<String> args = stack.uploaderArguments(this.inbox.toString());
		args.set(args.indexOf("--token-uri") + 1,
				"http://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort() + "/oauth2/token");
		args.add("--timesheets.uploader.auth.retry-deadline=1s");

		int exit = UploaderApplication.run(args.toArray(String[]::new));

		assertThat(exit).isEqualTo(2);
		assertThat(output.getOut()).contains("token: cannot reach the authorization server at")
			.contains("; retry 2 in ");
		assertThat(output.getErr()).contains("authentication error: cannot reach the authorization server at");
		assertThat(this.inbox.resolve("offline.csv")).exists();
		assertThat(this.inbox.resolve("done")).doesNotExist();
		assertThat(stack.ingest.requests(BATCHES)).isZero();
	}

	@Test
	void clientSecretFromAFileIsUsedAndNeverPrinted(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("filed.csv"), csv(3));
		Path secretFile = Files.writeString(this.inbox.getParent().resolve(this.run + ".secret"), "uploader-secret\n");
		List<String> args = stack.uploaderArguments(this.inbox.toString());
		args.remove("--timesheets.uploader.auth.client-secret=uploader-secret");
		args.addAll(List.of("--client-secret-file", secretFile.toString()));

		int exit = UploaderApplication.run(args.toArray(String[]::new));

		assertThat(exit).as(output.getAll()).isZero();
		assertThat(output.getAll()).doesNotContain("uploader-secret");
		assertThat(this.inbox.resolve("done/filed.csv")).exists();
	}

	@Test
	void fileWithBadRowsFailsWithAReportNamingEachBadLineWhileOtherFilesAreDone(CapturedOutput output)
			throws IOException {
		Files.writeString(this.inbox.resolve("a-good.csv"), csv(12));
		Files.writeString(this.inbox.resolve("b-bad.csv"),
				HEADER + row(1, "7.5") + row(2, "25") + "x-" + this.run + "-3,E1001,ALPHA,2026-11-02,1,\"two\nlines\"\n"
						+ "x-" + this.run + "-4,,ALPHA,2026-11-02,1,\n" + row(5, "0.3"));
		Files.writeString(this.inbox.resolve("c-good.ndjson"),
				"{\"externalId\":\"n-" + this.run + "\",\"employeeId\":\"E1001\",\"projectCode\":\"ALPHA\","
						+ "\"workDate\":\"2026-11-02\",\"hours\":8}\n");

		int exit = upload("--batch-size", "5");

		assertThat(exit).as(output.getAll()).isEqualTo(1);
		assertThat(this.inbox.resolve("failed/b-bad.csv")).exists();
		assertThat(this.inbox.resolve("done/a-good.csv")).exists();
		assertThat(this.inbox.resolve("done/c-good.ndjson")).exists();
		JsonNode report = report("failed/b-bad.csv");
		assertThat(report.path("status").asString()).isEqualTo("FAILED");
		assertThat(report.path("accepted").asInt()).isZero();
		List<String> errors = new ArrayList<>();
		report.path("errors")
			.forEach((error) -> errors.add(error.path("line").asInt() + ":" + error.path("field").asString()));
		// line numbers count the two physical lines of the quoted note on lines 4-5
		assertThat(errors).containsExactly("3:hours", "6:employeeId", "7:hours");
		// nothing of the bad file was sent: 3 batches of a-good, 1 of c-good
		assertThat(stack.ingest.requests(BATCHES)).isEqualTo(4);
		assertThat(output.getErr()).contains("b-bad.csv: failed, 3 problem(s), nothing sent")
			.contains("b-bad.csv line 3: hours must be at most 24");
		assertThat(output.getAll()).doesNotContain("two\nlines").doesNotContain("x-" + this.run);
	}

	@Test
	void readsCsvEdgeCasesAsTheApiDoes(CapturedOutput output) throws IOException {
		String r = this.run;
		String csv = "\uFEFFexternal_id,employee_id,project_code,work_date,hours,note\r\n" + "q-" + r
				+ "-1,E1001,ALPHA,2026-11-02,7.5,\"call, then \"\"review\"\"\"\r\n" + "q-" + r
				+ "-2,E1001,ALPHA,2026-11-02,1,\"first line\r\nsecond line\"\r\n" + "\"q-" + r
				+ "-3\",E1001,\"BETA\",2026-11-03,0.25,\r\n" + "q-" + r + "-4,E1002,ALPHA,2026-11-03,8,\"\"\r\n"
				+ "\r\n\r\n";
		Files.write(this.inbox.resolve("edge.csv"), csv.getBytes(StandardCharsets.UTF_8));

		int exit = upload();

		assertThat(exit).as(output.getAll()).isZero();
		JsonNode report = report("done/edge.csv");
		assertThat(report.path("entries").asInt()).isEqualTo(4);
		List<TestStack.Event> events = stack.eventsOf(batchIds(report));
		assertThat(events)
			.extracting((event) -> event.entry().path("externalId").asString() + "|"
					+ event.entry().path("note").asString("<none>") + "|" + event.entry().path("hours").asString())
			.containsExactlyInAnyOrder("q-" + r + "-1|call, then \"review\"|7.5",
					"q-" + r + "-2|first line\r\nsecond line|1", "q-" + r + "-3|<none>|0.25", "q-" + r + "-4|<none>|8");
	}

	@Test
	void aConcurrentRunIsBlockedByTheLock(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("locked.csv"), csv(3));

		int exit;
		try (InboxLock held = InboxLock.acquire(this.inbox)) {
			exit = upload();
		}

		assertThat(exit).isEqualTo(2);
		assertThat(output.getErr()).contains("another uploader run holds the lock on " + this.inbox);
		assertThat(this.inbox.resolve("locked.csv")).exists();
		assertThat(stack.auth.requests(TOKEN)).isZero();
		// released: the next run goes ahead
		assertThat(upload()).as(output.getAll()).isZero();
		assertThat(this.inbox.resolve("done/locked.csv")).exists();
	}

	@Test
	void dryRunValidatesWithoutTokenRequestOrMove(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("dry.csv"), csv(7));

		int exit = upload("--dry-run");

		assertThat(exit).as(output.getAll()).isZero();
		assertThat(output.getOut()).contains("dry.csv: valid, 7 entries in 1 batches (dry run: not sent)");
		assertThat(this.inbox.resolve("dry.csv")).exists();
		assertThat(stack.auth.requests(TOKEN)).isZero();
		assertThat(stack.ingest.requests(BATCHES)).isZero();
	}

	private int upload(String... extra) {
		List<String> args = stack.uploaderArguments(this.inbox.toString());
		args.addAll(List.of(extra));
		return UploaderApplication.run(args.toArray(String[]::new));
	}

	private String csv(int rows) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i <= rows; i++) {
			csv.append("r-")
				.append(this.run)
				.append('-')
				.append(i)
				.append(",E")
				.append(1000 + i % 50)
				.append(",PRJ-")
				.append(i % 7)
				.append(",2026-11-")
				.append(String.format("%02d", 1 + i % 27))
				.append(',')
				.append(0.25 * (1 + i % 32))
				.append((i % 3 == 0) ? ",\"note, with comma\"" : ",")
				.append('\n');
		}
		return csv.toString();
	}

	private String row(int i, String hours) {
		return "x-" + this.run + "-" + i + ",E1001,ALPHA,2026-11-02," + hours + ",\n";
	}

	private JsonNode report(String file) throws IOException {
		return this.json.readTree(this.inbox.resolve(file + ".report.json").toFile());
	}

	private String revertableCsv(int rows, String hours) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i <= rows; i++) {
			csv.append("v-" + this.run + "-" + i + ",E1001,ALPHA,2026-11-" + String.format("%02d", i) + "," + hours
					+ ",\n");
		}
		return csv.toString();
	}

	/** The report of a folder written last. */
	private JsonNode latestReport(String folder) throws IOException {
		List<JsonNode> reports = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.inbox.resolve(folder))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".report.json")).toList()) {
				reports.add(this.json.readTree(file.toFile()));
			}
		}
		return reports.stream()
			.max(Comparator.comparing((JsonNode report) -> Instant.parse(report.path("finishedAt").asString())))
			.orElseThrow();
	}

	private static String read(Path log) {
		try {
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static Set<UUID> batchIds(JsonNode report) {
		Set<UUID> ids = new HashSet<>();
		report.path("batchIds").forEach((id) -> ids.add(UUID.fromString(id.asString())));
		return ids;
	}

	private static Set<UUID> eventIds(List<TestStack.Event> events) {
		return events.stream().map(TestStack.Event::eventId).collect(Collectors.toSet());
	}

}
