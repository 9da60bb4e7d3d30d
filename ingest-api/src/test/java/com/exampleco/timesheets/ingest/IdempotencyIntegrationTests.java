package com.exampleco.timesheets.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.ingest.idempotency.KeyLedger;
import com.exampleco.timesheets.testsupport.kafka.KafkaExtension;
import com.exampleco.timesheets.testsupport.kafka.TopicReader;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Idempotency-Keys over HTTP against a real broker (the JVM's shared one) and real signed
 * tokens: the key-reuse matrix (same request answered as the first time and published
 * once; other content or another endpoint refused with 422 and nothing published), a
 * second instance started later that knows the keys from the topic, the approval's text
 * rules and expected version on the real publishing path, and a transaction that does not
 * commit in time (503, outcome unknown, a retry with the key safe).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "timesheets.ingest.publish-timeout=6s", "timesheets.ingest.publish-min-time-left=1s",
				"timesheets.ingest.idempotency.load-timeout=60s",
				"spring.kafka.producer.properties.interceptor.classes="
						+ "com.exampleco.timesheets.ingest.publishing.SlowSendInterceptor" })
class IdempotencyIntegrationTests {

	@RegisterExtension
	static final KafkaExtension kafka = new KafkaExtension();

	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	static final String TIMESHEET = "/timesheets/0b9a2f51-63a4-5e7e-8a43-3f0f3c2f6a10";

	@LocalServerPort
	int port;

	@Autowired
	TimesheetEventCodec codec;

	final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
		registry.add("timesheets.security.issuer-uri", () -> issuer.issuer().toString());
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	/**
	 * The first transaction of a fresh broker creates its transaction-state topic, which
	 * on a loaded machine can outlast the publish timeout: publish once before testing.
	 */
	@BeforeEach
	void warmUp() {
		await().atMost(Duration.ofSeconds(90))
			.until(() -> post(this.port, "/timesheet-batches", batch(entry("warm-up", "1", null)), null)
				.statusCode() == 202);
	}

	@Test
	void sameKeyAndSameEntriesAreAnsweredAsTheFirstTimeAndPublishedOnce() throws Exception {
		String key = "same-" + UUID.randomUUID();
		HttpResponse<String> first = post(this.port, "/timesheet-batches",
				batch(entry("same-1", "7.5", "first"), entry("same-2", "1", null)), key);
		assertThat(first.statusCode()).isEqualTo(202);
		// the same entries, spelt differently: other whitespace, 7.50, CSV
		HttpResponse<String> again = post(this.port, "/timesheet-batches",
				"[ " + entry("same-1", "7.50", "first") + " ,\n" + entry("same-2", "1.0", null) + " ]", key);
		HttpResponse<String> asCsv = send(this.port, "POST", "/timesheet-batches", "text/csv",
				"external_id,employee_id,project_code,work_date,hours,note\n"
						+ "same-1,E1001,ALPHA,2026-11-02,7.5,first\nsame-2,E1001,ALPHA,2026-11-02,1,\n",
				key, null, uploader());

		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(asCsv.statusCode()).isEqualTo(202);
		assertThat(asCsv.body()).isEqualTo(first.body());
		String batchId = JsonPath.read(first.body(), "$.batchId");
		awaitEventsOfBatch(batchId, 2);
		publishMarkerAndAwaitIt();
		assertThat(eventsOfBatch(batchId)).hasSize(2);
		assertThat(keyRecords(batchId)).hasSize(1);
	}

	@Test
	void sameKeyWithOtherEntriesIsRefusedAndPublishesNothing() throws Exception {
		String key = "other-" + UUID.randomUUID();
		HttpResponse<String> first = post(this.port, "/timesheet-batches", batch(entry("other-1", "2", null)), key);
		assertThat(first.statusCode()).isEqualTo(202);

		HttpResponse<String> other = post(this.port, "/timesheet-batches", batch(entry("other-1", "3", null)), key);

		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JsonPath.<String>read(other.body(), "$.type"))
			.isEqualTo("https://timesheets.exampleco.com/problems/idempotency-key-reused");
		String batchId = JsonPath.read(first.body(), "$.batchId");
		awaitEventsOfBatch(batchId, 1);
		publishMarkerAndAwaitIt();
		assertThat(eventsOfBatch(batchId)).singleElement()
			.satisfies((event) -> assertThat(((TimesheetSubmitted) event).entry().hours()).isEqualByComparingTo("2"));
	}

	@Test
	void sameKeyOnApprovalThenDeletionOfTheSameTimesheetIsRefused() throws Exception {
		String key = "endpoint-" + UUID.randomUUID();
		HttpResponse<String> approval = send(this.port, "POST", TIMESHEET + "/approval", "application/json",
				"{\"decision\":\"APPROVED\"}", key, null, approver());
		assertThat(approval.statusCode()).isEqualTo(202);

		HttpResponse<String> deletion = send(this.port, "DELETE", TIMESHEET, null, null, key, null,
				issuer.token().scopes("delete:timesheets").sign());

		assertThat(deletion.statusCode()).isEqualTo(422);
		assertThat(JsonPath.<String>read(deletion.body(), "$.type")).endsWith("/problems/idempotency-key-reused");
		String batchId = JsonPath.read(approval.body(), "$.batchId");
		awaitEventsOfBatch(batchId, 1);
		publishMarkerAndAwaitIt();
		assertThat(eventsOfBatch(batchId)).singleElement().isInstanceOf(TimesheetApproved.class);
	}

	@Test
	void instanceStartedLaterKnowsTheKeysFromTheTopic() throws Exception {
		String key = "restart-" + UUID.randomUUID();
		String body = batch(entry("restart-1", "4", null));
		HttpResponse<String> first = post(this.port, "/timesheet-batches", body, key);
		assertThat(first.statusCode()).isEqualTo(202);
		String batchId = JsonPath.read(first.body(), "$.batchId");
		await().atMost(Duration.ofSeconds(30)).until(() -> keyRecords(batchId).size() == 1);

		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IngestApplication.class).run(
				"--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
				"--timesheets.security.issuer-uri=" + issuer.issuer(),
				"--timesheets.ingest.idempotency.load-timeout=60s", "--timesheets.ingest.publish-timeout=30s")) {
			int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));

			HttpResponse<String> other = post(secondPort, "/timesheet-batches", batch(entry("restart-1", "5", null)),
					key);
			HttpResponse<String> same = post(secondPort, "/timesheet-batches", body, key);

			assertThat(other.statusCode()).isEqualTo(422);
			assertThat(same.statusCode()).isEqualTo(202);
			assertThat(same.body()).isEqualTo(first.body());
		}
		publishMarkerAndAwaitIt();
		assertThat(eventsOfBatch(batchId)).hasSize(1);
	}

	@Test
	void approvalWithControlCharacterInCommentIsRefusedNamingTheFieldAndPublishesNothing() throws Exception {
		String key = "nul-" + UUID.randomUUID();
		HttpResponse<String> response = send(this.port, "POST", TIMESHEET + "/approval", "application/json",
				"{\"decision\":\"REJECTED\",\"comment\":\"ok\\u0000\"}", key, null, approver());

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("comment");
		publishMarkerAndAwaitIt();
		assertThat(eventsOfBatch(com.exampleco.timesheets.events.TimesheetIds.batchId("test-client", key).toString()))
			.isEmpty();
	}

	@Test
	void approvalCarriesTheVersionOfIfMatchIntoTheEvent() throws Exception {
		HttpResponse<String> response = send(this.port, "POST", TIMESHEET + "/approval", "application/json",
				"{\"decision\":\"APPROVED\"}", null, "\"3\"", approver());
		assertThat(response.statusCode()).isEqualTo(202);
		List<TimesheetEvent> events = awaitEventsOfBatch(JsonPath.read(response.body(), "$.batchId"), 1);
		assertThat(events).singleElement()
			.isInstanceOfSatisfying(TimesheetApproved.class,
					(approved) -> assertThat(approved.expectedVersion()).isEqualTo(3L));
	}

	@Test
	void transactionNotCommittedInTimeIsAnsweredOutcomeUnknownAndARetryWithTheKeyIsSafe() throws Exception {
		String key = "slow-" + UUID.randomUUID();
		// the broker holds this request's record 8 s, the publish timeout is 6 s
		String body = batch(entry("slow-1", "1", "slow-broker-8000"));
		HttpResponse<String> first = post(this.port, "/timesheet-batches", body, key);

		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(first.headers().firstValue("Retry-After")).isPresent();
		assertThat(JsonPath.<String>read(first.body(), "$.detail")).contains("the outcome is unknown")
			.contains("retry with the same Idempotency-Key is safe")
			.doesNotContain("nothing was accepted");
		// the transaction went on and committed
		String batchId = com.exampleco.timesheets.events.TimesheetIds.batchId("test-client", key).toString();
		awaitEventsOfBatch(batchId, 1);
		HttpResponse<String> retry = await().atMost(Duration.ofSeconds(30))
			.until(() -> post(this.port, "/timesheet-batches", body, key), (answer) -> answer.statusCode() != 503);
		assertThat(retry.statusCode()).isEqualTo(202);
		assertThat(JsonPath.<String>read(retry.body(), "$.batchId")).isEqualTo(batchId);
		publishMarkerAndAwaitIt();
		assertThat(eventsOfBatch(batchId)).hasSize(1);
	}

	/**
	 * Publishes a request and waits until it is visible: a request answered before it,
	 * had it published anything, is then almost always visible too.
	 */
	private void publishMarkerAndAwaitIt() throws Exception {
		HttpResponse<String> marker = post(this.port, "/timesheet-batches",
				batch(entry("marker-" + UUID.randomUUID(), "1", null)), null);
		assertThat(marker.statusCode()).isEqualTo(202);
		awaitEventsOfBatch(JsonPath.read(marker.body(), "$.batchId"), 1);
	}

	private List<TimesheetEvent> awaitEventsOfBatch(String batchId, int expected) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> eventsOfBatch(batchId), (events) -> events.size() >= expected);
	}

	private List<TimesheetEvent> eventsOfBatch(String batchId) {
		return TopicReader.readCommitted(kafka.bootstrapServers(), Topics.TIMESHEET_EVENTS)
			.stream()
			.map((record) -> this.codec.decode(record.value()))
			.filter((event) -> event.batchId().toString().equals(batchId))
			.toList();
	}

	private static List<ConsumerRecord<String, byte[]>> keyRecords(String batchId) {
		return TopicReader.readCommitted(kafka.bootstrapServers(), KeyLedger.TOPIC)
			.stream()
			.filter((record) -> batchId.equals(record.key()))
			.toList();
	}

	private static String batch(String... entries) {
		return "[" + String.join(",", entries) + "]";
	}

	private static String entry(String externalId, String hours, String note) {
		return "{\"externalId\":\"" + externalId + "\",\"employeeId\":\"E1001\",\"projectCode\":\"ALPHA\","
				+ "\"workDate\":\"2026-11-02\",\"hours\":" + hours
				+ ((note != null) ? ",\"note\":\"" + note + "\"" : "") + "}";
	}

	private static String uploader() {
		return issuer.token().scopes("create:timesheets").sign();
	}

	private static String approver() {
		return issuer.token().scopes("approve:timesheets").sign();
	}

	private HttpResponse<String> post(int port, String path, String json, String key) throws Exception {
		return send(port, "POST", path, "application/json", json, key, null, uploader());
	}

	private HttpResponse<String> send(int port, String method, String path, String contentType, String body, String key,
			String ifMatch, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
							: HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + token);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
