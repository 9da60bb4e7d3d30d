package com.exampleco.timesheets.query;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.processor.ProcessorApplication;
import com.exampleco.timesheets.testsupport.kafka.KafkaExtension;
import com.exampleco.timesheets.testsupport.postgres.PostgresExtension;
import com.exampleco.timesheets.testsupport.postgres.PostgresForTests;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The query API on a real port over real PostgreSQL (test-support: Testcontainers or a
 * throwaway local cluster), connected as the SELECT-only role the processor's
 * {@code db/roles/query-api-readonly.sql} creates, reading rows written by the real
 * processor: events go through an in-JVM KRaft broker, the processor (started in this JVM
 * with its own configuration) applies them, the API answers with real tokens.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QueryPostgresIntegrationTests {

	@RegisterExtension
	static final PostgresExtension database = new PostgresExtension();

	@RegisterExtension
	static final KafkaExtension kafka = new KafkaExtension();

	static final Duration PATIENCE = Duration.ofSeconds(90);

	static final String QUERY_PASSWORD = "query-secret";

	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	static final TimesheetEventCodec codec = new TimesheetEventCodec();

	static final Actor UPLOADER = Actor.client("timesheets-uploader");

	static ConfigurableApplicationContext processor;

	static String databaseUrl;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate queryJdbc;

	final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		PostgresForTests postgres = database.server();
		// the role script grants CONNECT on the database named timesheets
		databaseUrl = postgres.createDatabase("timesheets");
		processor = startProcessor(postgres);
		createReadOnlyRole(postgres);
		registry.add("spring.datasource.url", () -> databaseUrl);
		registry.add("spring.datasource.username", () -> "timesheets_query");
		registry.add("spring.datasource.password", () -> QUERY_PASSWORD);
		registry.add("timesheets.security.issuer-uri", () -> issuer.issuer().toString());
	}

	/**
	 * The processor as it runs in production, in this JVM: its own (absent) config name,
	 * so neither application.yml on this class path applies (STACK-NOTES trap 4); every
	 * setting it needs is given here. Its Flyway migration creates the schema.
	 */
	static ConfigurableApplicationContext startProcessor(PostgresForTests postgres) {
		return new SpringApplicationBuilder(ProcessorApplication.class).main(ProcessorApplication.class)
			.run("--spring.config.name=query-it-processor", "--spring.main.web-application-type=none",
					"--spring.application.name=processor",
					"--spring.autoconfigure.exclude=com.exampleco.timesheets.security.ApiSecurityAutoConfiguration",
					"--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + postgres.username(),
					"--spring.datasource.password=" + postgres.password(),
					"--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
					"--timesheets.processor.group-id=query-api-it", "--timesheets.processor.publish-state=false",
					// the processor's application.yml (not read here) sets its Kafka
					// clients
					// and listener through spring.kafka.*; the same settings, given here
					"--spring.kafka.consumer.group-id=query-api-it",
					"--spring.kafka.consumer.isolation-level=read-committed",
					"--spring.kafka.consumer.enable-auto-commit=false",
					"--spring.kafka.consumer.auto-offset-reset=earliest",
					"--spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
					"--spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
					"--spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
					"--spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
					"--spring.kafka.listener.type=batch", "--spring.kafka.listener.ack-mode=batch");
	}

	/** Runs the processor's role script as psql would with {@code -v password=...}. */
	static void createReadOnlyRole(PostgresForTests postgres) throws IOException, java.sql.SQLException {
		String script;
		try (InputStream in = QueryPostgresIntegrationTests.class
			.getResourceAsStream("/db/roles/query-api-readonly.sql")) {
			assertThat(in).as("processor's db/roles/query-api-readonly.sql on the class path").isNotNull();
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		try (Connection connection = DriverManager.getConnection(databaseUrl, postgres.username(), postgres.password());
				Statement statement = connection.createStatement()) {
			// roles are cluster-wide: a server kept from an earlier run may still have it
			statement.execute("DROP ROLE IF EXISTS timesheets_query");
			statement.execute(script.replace(":password", "'" + QUERY_PASSWORD + "'"));
		}
	}

	@AfterAll
	static void stop() {
		if (processor != null) {
			processor.close();
		}
		issuer.close();
	}

	@Test
	void answersFromRowsTheProcessorWrote() throws Exception {
		UUID batch = UUID.randomUUID();
		// employee ids in canonical (upper-case) form, as ingest-api stores them
		String alice = ("pg-alice-" + batch).toUpperCase(Locale.ROOT);
		String bob = ("pg-bob-" + batch).toUpperCase(Locale.ROOT);
		UUID a1 = UUID.randomUUID();
		UUID a2 = UUID.randomUUID();
		UUID b1 = UUID.randomUUID();
		LocalDate monday = LocalDate.of(2026, 9, 7);
		send(List.of(submitted(batch, a1, alice, "ALPHA", monday, "7.5"),
				submitted(batch, a2, alice, "BETA", monday.plusDays(1), "8"),
				submitted(batch, b1, bob, "ALPHA", monday, "6")));
		// the uploader reads its own batch with its create scope; another client cannot
		String uploader = issuer.token()
			.springClientCredentials(UPLOADER.clientId())
			.scopes("create:timesheets")
			.sign();
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(get("/batches/" + batch + "?expectedEvents=3", uploader).body())
				.contains("\"complete\":true"));
		String otherUploader = issuer.token()
			.springClientCredentials("other-uploader")
			.scopes("create:timesheets")
			.sign();
		assertThat(get("/batches/" + batch, otherUploader).statusCode()).as("another client's batch").isEqualTo(404);
		String machine = issuer.token().scopes("read:timesheets").sign();

		UUID decisions = UUID.randomUUID();
		Actor approver = new Actor("contractor-app", "auth0|boss", "PG-BOSS");
		send(List.of(new TimesheetApproved(UUID.randomUUID(), a1, decisions, Instant.now(), approver, 1, "fine"),
				// self-approval: recorded as rejected with its reason
				new TimesheetApproved(UUID.randomUUID(), b1, decisions, Instant.now(),
						new Actor("contractor-app", "auth0|bob", bob), 1, null),
				new TimesheetDeleted(UUID.randomUUID(), a2, decisions, Instant.now(), UPLOADER, 1)));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(get("/batches/" + decisions + "?expectedEvents=3", machine).body())
				.contains("\"complete\":true"));

		HttpResponse<String> status = get("/batches/" + decisions, machine);
		assertThat((Integer) JsonPath.read(status.body(), "$.outcomes.APPLIED")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(status.body(), "$.outcomes.REJECTED")).isEqualTo(1);
		assertThat((String) JsonPath.read(status.body(), "$.rejections[0].reason")).contains("own timesheet");
		assertThat((String) JsonPath.read(status.body(), "$.rejectedEvents[0].timesheetId")).isEqualTo(b1.toString());
		// the decisions come from two clients: the batch is neither's
		String approverClient = issuer.token()
			.springClientCredentials(approver.clientId())
			.scopes("create:timesheets")
			.sign();
		assertThat(get("/batches/" + decisions, approverClient).statusCode()).as("two clients' batch").isEqualTo(404);
		assertThat(get("/batches/" + decisions, uploader).statusCode()).as("two clients' batch").isEqualTo(404);
		// an approval batch is its sender's (here refused: the timesheet is deleted)
		UUID approvals = UUID.randomUUID();
		send(List.of(new TimesheetApproved(UUID.randomUUID(), a2, approvals, Instant.now(), approver, 1, "late")));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(get("/batches/" + approvals + "?expectedEvents=1", approverClient).body())
				.contains("\"complete\":true"));
		assertThat(get("/batches/" + approvals, uploader).statusCode()).as("the approver's batch").isEqualTo(404);

		String reader = issuer.token().scopes("read:timesheets").sign();
		HttpResponse<String> one = get("/timesheets/" + a1, reader);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(one.headers().firstValue("ETag")).hasValue("\"2\"");
		assertThat((String) JsonPath.read(one.body(), "$.status")).isEqualTo("APPROVED");
		assertThat((Double) JsonPath.read(one.body(), "$.hours")).isEqualTo(7.5);
		HttpResponse<String> notModified = this.http.send(
				request("/timesheets/" + a1, reader).header("If-None-Match", "\"2\"").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(get("/timesheets/" + a2, reader).statusCode()).as("deleted").isEqualTo(404);

		List<String> listed = JsonPath.read(get("/timesheets?employeeId=" + alice, reader).body(),
				"$.items[*].timesheetId");
		assertThat(listed).containsExactly(a1.toString());
		HttpResponse<String> summary = get("/employees/" + bob + "/summary?from=2026-09-01&to=2026-09-30", reader);
		assertThat((Integer) JsonPath.read(summary.body(), "$.timesheets")).isEqualTo(1);
		assertThat((String) JsonPath.read(summary.body(), "$.byStatus[0].status")).isEqualTo("SUBMITTED");

		// the claim in another case names the same employee
		String aliceToken = issuer.token()
			.scopes("read:timesheets")
			.claim(Tokens.EMPLOYEE_CLAIM, alice.toLowerCase(Locale.ROOT))
			.sign();
		assertThat(get("/timesheets/" + a1, aliceToken).statusCode()).isEqualTo(200);
		assertThat(get("/timesheets/" + b1, aliceToken).statusCode()).isEqualTo(404);
		assertThat(get("/batches/" + batch, aliceToken).statusCode()).as("batch also holds bob's").isEqualTo(404);
		assertThat((List<?>) JsonPath.read(get("/timesheets?employeeId=" + bob, aliceToken).body(), "$.items"))
			.isEmpty();
	}

	@Test
	void pagesThroughThousandProcessedRowsInPagesOf37() throws Exception {
		UUID batch = UUID.randomUUID();
		String project = "PG-PAGE-" + batch.toString().substring(0, 8);
		List<TimesheetEvent> events = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			events.add(submitted(batch, UUID.randomUUID(), "pg-pager", project, LocalDate.of(2026, 1, 1 + i % 28),
					"0.25"));
		}
		send(events);
		String token = issuer.token().scopes("read:timesheets").sign();
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(get("/batches/" + batch + "?expectedEvents=1000", token).body())
				.contains("\"complete\":true"));

		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String body = get(
					"/timesheets?projectCode=" + project + "&limit=37" + ((cursor != null) ? "&cursor=" + cursor : ""),
					token)
				.body();
			seen.addAll(JsonPath.read(body, "$.items[*].timesheetId"));
			cursor = JsonPath.read(body, "$.nextCursor");
			pages++;
		}
		while (cursor != null && pages < 100);

		List<String> expected = this.queryJdbc.queryForList(
				"SELECT CAST(timesheet_id AS VARCHAR) FROM timesheets WHERE project_code = ? ORDER BY work_date, timesheet_id",
				String.class, project);
		assertThat(pages).isEqualTo(28);
		assertThat(seen).hasSize(1000).containsExactlyElementsOf(expected);
	}

	@Test
	void connectsWithRoleThatCannotWrite() {
		assertThat(this.queryJdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("timesheets_query");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.queryJdbc.update("DELETE FROM event_outcome_rows"));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.queryJdbc.update("UPDATE timesheets SET hours = 1 WHERE employee_id = 'nobody'"));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.queryJdbc.execute("CREATE TABLE intruder (id INT)"));
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return this.http.send(request(path, token).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String token) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.GET();
	}

	static TimesheetSubmitted submitted(UUID batch, UUID id, String employee, String project, LocalDate day,
			String hours) {
		return new TimesheetSubmitted(UUID.randomUUID(), id, batch, Instant.now(), UPLOADER, 1,
				new TimesheetEntry("ext-" + id, employee, project, day, new BigDecimal(hours), null));
	}

	static void send(List<? extends TimesheetEvent> events) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 5);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
			for (TimesheetEvent event : events) {
				ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TIMESHEET_EVENTS,
						event.timesheetId().toString(), codec.encode(event));
				CloudEventHeaders.of(event, "/timesheets/query-api-tests")
					.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
				producer.send(record);
			}
			producer.flush();
		}
	}

}
