package com.exampleco.timesheets.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.exampleco.timesheets.authserver.AuthServerApplication;
import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.testsupport.kafka.TopicReader;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingest API on a real port with a real in-JVM KRaft broker, taking real tokens from
 * the real auth server over HTTP: what it acknowledges is in the log, committed, keyed,
 * with CloudEvents headers; what it refuses or fails to commit is invisible to
 * {@code read_committed} readers.
 */
// The first transaction of a fresh broker creates its transaction-state
// topic, which on a loaded 2-core machine can outlast the default 10 s
// publish timeout (the API then rightly answers 503); this class tests
// what gets published, BrokerDownIntegrationTests the bound.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.producer.properties.max.request.size=2048",
				"timesheets.ingest.publish-timeout=60s", "spring.kafka.producer.properties.max.block.ms=30000",
				"spring.kafka.producer.properties.request.timeout.ms=30000",
				"spring.kafka.producer.properties.delivery.timeout.ms=45000" })
@EmbeddedKafka(partitions = 6, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
		brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
				"transaction.state.log.num.partitions=1", "offsets.topic.num.partitions=1" })
class PublishingIntegrationTests {

	static ConfigurableApplicationContext authServer;

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	TimesheetEventCodec codec;

	final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		// api-security is on this test class path too; the
		// auth server is no resource server
		authServer = AuthServerApplication.start("--server.port=0",
				"--spring.autoconfigure.exclude=com.exampleco.timesheets.security.ApiSecurityAutoConfiguration",
				// a scraper: the only client that may read metrics and health details
				"--timesheets.auth.clients.monitor.client-id=timesheets-monitor",
				"--timesheets.auth.clients.monitor.secret=monitor-secret",
				"--timesheets.auth.clients.monitor.scopes=read:metrics");
		registry.add("timesheets.security.issuer-uri", PublishingIntegrationTests::authServerUri);
	}

	static String authServerUri() {
		return "http://127.0.0.1:" + authServer.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stopAuthServer() {
		if (authServer != null) {
			authServer.close();
		}
	}

	@Test
	void publishesAcceptedBatchCommittedKeyedAndWithCloudEventHeaders() throws Exception {
		String csv = "external_id,employee_id,project_code,work_date,hours,note\n"
				+ "pub-1,E1001,ALPHA,2026-11-02,7.5,\"call, then review\"\n" + "pub-2,E1001,BETA,2026-11-02,0.25,\n"
				+ "pub-3,E1002,ALPHA,2026-11-03,8,\n";
		HttpResponse<String> response = post("/timesheet-batches", "text/csv", csv,
				token("timesheets-uploader", "uploader-secret"), "pub-key-1");
		assertThat(response.statusCode()).isEqualTo(202);
		String batchId = JsonPath.read(response.body(), "$.batchId");
		List<String> timesheetIds = JsonPath.read(response.body(), "$.timesheetIds");

		List<ConsumerRecord<String, byte[]>> records = awaitRecordsOfBatch(batchId, 3);
		assertThat(records).hasSize(3);
		for (ConsumerRecord<String, byte[]> record : records) {
			TimesheetSubmitted event = (TimesheetSubmitted) this.codec.decode(record.value());
			assertThat(record.key()).isEqualTo(event.timesheetId().toString());
			Map<String, String> headers = StreamSupport.stream(record.headers().spliterator(), false)
				.collect(Collectors.toMap((header) -> header.key(),
						(header) -> new String(header.value(), StandardCharsets.UTF_8)));
			assertThat(headers).containsAllEntriesOf(CloudEventHeaders.of(event, "/timesheets/ingest-api"));
			assertThat(event.actor().clientId()).isEqualTo("timesheets-uploader");
		}
		assertThat(records).extracting((record) -> record.key()).containsExactlyInAnyOrderElementsOf(timesheetIds);
		assertThat(records.stream().map((record) -> (TimesheetSubmitted) this.codec.decode(record.value())))
			.extracting((event) -> event.entry().externalId() + "|" + event.entry().projectCode() + "|"
					+ event.entry().hours().toPlainString() + "|" + event.entry().note())
			.containsExactlyInAnyOrder("pub-1|ALPHA|7.5|call, then review", "pub-2|BETA|0.25|null",
					"pub-3|ALPHA|8|null");
	}

	@Test
	void retriedRequestWithSameKeyIsAnsweredTheSameAndPublishedOnce() throws Exception {
		String token = token("timesheets-uploader", "uploader-secret");
		String body = "[{\"externalId\":\"retry-1\",\"employeeId\":\"E1001\",\"projectCode\":\"ALPHA\","
				+ "\"workDate\":\"2026-11-02\",\"hours\":4}]";
		HttpResponse<String> first = post("/timesheet-batches", "application/json", body, token, "retry-key");
		HttpResponse<String> second = post("/timesheet-batches", "application/json", body, token, "retry-key");
		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(second.statusCode()).isEqualTo(202);
		assertThat(second.body()).isEqualTo(first.body());
		String batchId = JsonPath.read(first.body(), "$.batchId");
		awaitRecordsOfBatch(batchId, 1);
		// a later request visible: the retry, had it
		// published, would almost surely be too
		HttpResponse<String> next = post("/timesheet-batches", "application/json",
				"[" + entryJson("after-retry", "") + "]", token, null);
		awaitRecordsOfBatch(JsonPath.read(next.body(), "$.batchId"), 1);
		assertThat(recordsOfBatch(batchId)).hasSize(1);
	}

	@Test
	void failedPublishLeavesNothingVisibleToReadCommittedReaders() throws Exception {
		// The last entry makes a record larger than max.request.size (2048 bytes here):
		// its send fails after the first two records were sent in the same transaction.
		String big = "\uD83D\uDE00".repeat(500);
		String body = "[" + entryJson("abort-1", "") + "," + entryJson("abort-2", "") + ","
				+ entryJson("abort-3", ",\"note\":\"" + big + "\"") + "]";
		HttpResponse<String> response = post("/timesheet-batches", "application/json", body,
				token("timesheets-uploader", "uploader-secret"), "abort-key");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		UUID batchId = com.exampleco.timesheets.events.TimesheetIds.batchId("timesheets-uploader", "abort-key");
		// the broker still takes the next request; once that is visible, the aborted
		// batch's records (written before the failing one) are still not
		HttpResponse<String> next = post("/timesheet-batches", "application/json",
				"[" + entryJson("after-abort", "") + "]", token("timesheets-uploader", "uploader-secret"), null);
		assertThat(next.statusCode()).isEqualTo(202);
		awaitRecordsOfBatch(JsonPath.read(next.body(), "$.batchId"), 1);
		assertThat(recordsOfBatch(batchId.toString())).isEmpty();
	}

	@Test
	void adminTokenWithPermissionsClaimMayApproveAndDelete() throws Exception {
		String token = token("timesheets-admin", "admin-secret");
		UUID id = UUID.randomUUID();
		assertThat(
				post("/timesheets/" + id + "/approval", "application/json", "{\"decision\":\"APPROVED\"}", token, null)
					.statusCode())
			.isEqualTo(202);
		HttpResponse<String> deleted = this.http.send(HttpRequest.newBuilder(uri("/timesheets/" + id))
			.DELETE()
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(deleted.statusCode()).isEqualTo(202);
	}

	@Test
	void reportsKafkaUpInHealthToMetricsReaderOnly() throws Exception {
		HttpResponse<String> anonymous = this.http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("kafka");
		HttpResponse<String> admin = this.http.send(HttpRequest.newBuilder(uri("/actuator/health"))
			.header("Authorization", "Bearer " + token("timesheets-admin", "admin-secret"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(admin.body()).doesNotContain("kafka");
		HttpResponse<String> monitor = this.http.send(HttpRequest.newBuilder(uri("/actuator/health"))
			.header("Authorization", "Bearer " + token("timesheets-monitor", "monitor-secret"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(monitor.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(monitor.body(), "$.components.kafka.status")).isEqualTo("UP");
	}

	@Test
	void servesMetricsToMetricsReaderOnly() throws Exception {
		HttpResponse<String> admin = this.http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
			.header("Authorization", "Bearer " + token("timesheets-admin", "admin-secret"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(admin.statusCode()).isEqualTo(403);
		HttpResponse<String> monitor = this.http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
			.header("Authorization", "Bearer " + token("timesheets-monitor", "monitor-secret"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(monitor.statusCode()).isEqualTo(200);
		assertThat(monitor.body()).contains("timesheets_ingest");
	}

	@Test
	void uploaderTokenCannotApprove() throws Exception {
		HttpResponse<String> response = post("/timesheets/" + UUID.randomUUID() + "/approval", "application/json",
				"{\"decision\":\"APPROVED\"}", token("timesheets-uploader", "uploader-secret"), null);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(value) -> assertThat(value).contains("insufficient_scope").contains("approve:timesheets"));
	}

	/**
	 * The committed records of a batch once there are as many as expected: the broker
	 * acknowledges a commit before it has written the commit markers to every partition,
	 * so a {@code read_committed} reader sees the records a moment after the 202.
	 */
	private List<ConsumerRecord<String, byte[]>> awaitRecordsOfBatch(String batchId, int expected) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> recordsOfBatch(batchId), (records) -> records.size() >= expected);
	}

	private List<ConsumerRecord<String, byte[]>> recordsOfBatch(String batchId) {
		return TopicReader.readCommitted(this.bootstrapServers, Topics.TIMESHEET_EVENTS).stream().filter((record) -> {
			TimesheetEvent event = this.codec.decode(record.value());
			return event.batchId().toString().equals(batchId);
		}).toList();
	}

	private static String entryJson(String externalId, String extra) {
		return "{\"externalId\":\"" + externalId + "\",\"employeeId\":\"E1001\",\"projectCode\":\"ALPHA\","
				+ "\"workDate\":\"2026-11-02\",\"hours\":1" + extra + "}";
	}

	private HttpResponse<String> post(String path, String contentType, String body, String token, String key)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Content-Type", contentType)
			.header("Authorization", "Bearer " + token);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private String token(String clientId, String secret) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(authServerUri() + "/oauth2/token"))
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization", "Basic " + basic)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.access_token");
	}

}
