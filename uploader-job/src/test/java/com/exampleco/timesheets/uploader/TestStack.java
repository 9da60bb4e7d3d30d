package com.exampleco.timesheets.uploader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.authserver.AuthServerApplication;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.ingest.IngestApplication;
import com.exampleco.timesheets.testsupport.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real pipeline front half, once per test JVM: an in-JVM KRaft broker, the real auth
 * server and the real ingest API, each on a random port, with an {@link HttpFront} before
 * the auth server (to count token requests) and one before the ingest API (to count
 * batches and to play a troubled service). Stopped at JVM exit.
 */
final class TestStack {

	static final String API_SECURITY = "com.exampleco.timesheets.security.ApiSecurityAutoConfiguration";

	private static TestStack shared;

	final String bootstrapServers;

	final HttpFront auth;

	final HttpFront ingest;

	private final JsonMapper json = JsonMapper.builder().build();

	private TestStack(String bootstrapServers, HttpFront auth, HttpFront ingest) {
		this.bootstrapServers = bootstrapServers;
		this.auth = auth;
		this.ingest = ingest;
	}

	static synchronized TestStack shared() throws IOException {
		if (shared == null) {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
			broker.brokerProperty("transaction.state.log.replication.factor", "1");
			broker.brokerProperty("transaction.state.log.min.isr", "1");
			broker.brokerProperty("offsets.topic.replication.factor", "1");
			broker.afterPropertiesSet();
			// the auth server is no resource server: keep
			// api-security's decoder out of it
			ConfigurableApplicationContext authServer = AuthServerApplication.start("--server.port=0",
					"--spring.autoconfigure.exclude=" + API_SECURITY);
			String issuer = "http://127.0.0.1:" + authServer.getEnvironment().getProperty("local.server.port");
			// command-line arguments win over everything (STACK-NOTES trap 4); the ingest
			// reads its own application.yml, the uploader its uploader-job.yml
			ConfigurableApplicationContext ingestApi = new SpringApplicationBuilder(IngestApplication.class).run(
					"--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"--timesheets.security.issuer-uri=" + issuer);
			String ingestUrl = "http://127.0.0.1:" + ingestApi.getEnvironment().getProperty("local.server.port");
			TestStack stack = new TestStack(broker.getBrokersAsString(), HttpFront.of(issuer), HttpFront.of(ingestUrl));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				stack.auth.close();
				stack.ingest.close();
				ingestApi.close();
				authServer.close();
				broker.destroy();
			}, "test-stack-shutdown"));
			shared = stack;
		}
		return shared;
	}

	/** The uploader's arguments that point it at this stack, with a quick back-off. */
	List<String> uploaderArguments(String inbox) {
		return new ArrayList<>(List.of("--inbox", inbox, "--ingest-url", this.ingest.url(), "--token-uri",
				this.auth.url() + "/oauth2/token", "--timesheets.uploader.auth.client-secret=uploader-secret",
				"--timesheets.uploader.backoff.initial-delay=20ms", "--timesheets.uploader.backoff.max-delay=200ms",
				// api-security is on this test class path
				// (via ingest-api), not in the job's
				"--spring.autoconfigure.exclude=" + API_SECURITY));
	}

	/**
	 * The events of some batches as a {@code read_committed} reader sees them: eventId by
	 * occurrence, in log order per partition.
	 */
	List<Event> eventsOf(Set<UUID> batchIds) {
		List<Event> events = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : TopicReader.readCommitted(this.bootstrapServers,
				Topics.TIMESHEET_EVENTS)) {
			JsonNode event = this.json.readTree(record.value());
			UUID batchId = UUID.fromString(event.path("batchId").asString());
			if (batchIds.contains(batchId)) {
				events.add(new Event(batchId, UUID.fromString(event.path("eventId").asString()), record.key(),
						event.path("entry")));
			}
		}
		return events;
	}

	/** One event on the topic. */
	record Event(UUID batchId, UUID eventId, String key, JsonNode entry) {

	}

}
