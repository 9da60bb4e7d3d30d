package com.exampleco.timesheets.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.testsupport.kafka.KafkaExtension;
import com.exampleco.timesheets.testsupport.kafka.TopicReader;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import com.jayway.jsonpath.JsonPath;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingest half of "one trace from request to row": the trace of the incoming request
 * (its W3C {@code traceparent}, or a new one) reaches every record of the request as a
 * {@code traceparent} header whose parent is the request's one publish span; and a batch
 * of 1,000 entries is one server span and one publish span, not a span per entry. Spans
 * go to an in-memory exporter, sampled always. And the ingest meters that
 * {@code docs/operations.md} names are scraped under those names.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0", "timesheets.ingest.publish-timeout=60s",
				"spring.kafka.producer.properties.max.block.ms=30000",
				"spring.kafka.producer.properties.request.timeout.ms=30000",
				"spring.kafka.producer.properties.delivery.timeout.ms=45000" })
@AutoConfigureTracing
class TracePropagationIntegrationTests {

	@RegisterExtension
	static final KafkaExtension kafka = new KafkaExtension();

	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	static final InMemorySpanExporter spans = InMemorySpanExporter.create();

	static final String INCOMING_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

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
	 * The first transaction of a fresh broker creates its transaction-state topic and the
	 * first token makes the API fetch the issuer's keys; on a loaded machine either can
	 * outlast a request (503): publish once before testing, then forget the spans.
	 */
	@BeforeEach
	void warmUpAndForgetSpans() {
		await().atMost(Duration.ofSeconds(120)).until(() -> post(csv("warm-up-", 1), null).statusCode() == 202);
		spans.reset();
	}

	@Test
	void batchOfThousandEntriesContinuesTheRequestsTraceInEveryRecordWithOnePublishSpan() throws Exception {
		HttpResponse<String> response = post(csv("trace-", 1000), "00-" + INCOMING_TRACE + "-00f067aa0ba902b7-01");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

		List<ConsumerRecord<String, byte[]>> records = recordsOfBatch(JsonPath.read(response.body(), "$.batchId"),
				1000);
		Set<String> traceparents = records.stream()
			.map((record) -> header(record, "traceparent"))
			.collect(Collectors.toSet());
		// one request, one publish span: the same header on every record
		assertThat(traceparents).hasSize(1);
		String traceparent = traceparents.iterator().next();
		assertThat(traceparent).startsWith("00-" + INCOMING_TRACE + "-").endsWith("-01");

		List<SpanData> trace = awaitSpansOfTrace(INCOMING_TRACE, "timesheets publish");
		SpanData server = single(trace, SpanKind.SERVER);
		SpanData publish = single(trace, SpanKind.PRODUCER);
		assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
		assertThat(publish.getParentSpanId()).isEqualTo(server.getSpanId());
		assertThat(publish.getName()).isEqualTo("timesheets publish");
		assertThat(traceparent).isEqualTo("00-" + INCOMING_TRACE + "-" + publish.getSpanId() + "-01");
		// per request, not per entry: the server span, the publish span, nothing else
		assertThat(trace).hasSize(2);
		assertThat(spans.getFinishedSpanItems()).hasSizeLessThan(10);
	}

	@Test
	void requestWithoutTraceContextStartsATraceTheRecordsCarry() throws Exception {
		HttpResponse<String> response = post(csv("fresh-", 3), null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

		List<ConsumerRecord<String, byte[]>> records = recordsOfBatch(JsonPath.read(response.body(), "$.batchId"), 3);
		String traceparent = header(records.get(0), "traceparent");
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		String traceId = traceparent.substring(3, 35);
		List<SpanData> trace = awaitSpansOfTrace(traceId, "timesheets publish");
		assertThat(single(trace, SpanKind.SERVER).getParentSpanContext().isValid()).isFalse();
		assertThat(single(trace, SpanKind.PRODUCER).getSpanId()).isEqualTo(traceparent.substring(36, 52));
	}

	@Test
	void servesTheMetricsTheOperationsPageNames() throws Exception {
		assertThat(post(csv("metrics-", 2), null).statusCode()).isEqualTo(202);
		String monitor = issuer.token().scopes("read:metrics").sign();
		scrape(monitor);
		// the same token again: answered from the verified-token cache
		String scrape = scrape(monitor);
		assertThat(scrape).contains("timesheets_ingest_publish_seconds_bucket{")
			.contains("timesheets_ingest_publish_aborted_total")
			.contains("http_server_requests_seconds_count{")
			.containsPattern("timesheets_security_token_cache_requests_total\\{[^}]*result=\"hit\"[^}]*} [1-9]")
			.containsPattern("timesheets_security_token_cache_requests_total\\{[^}]*result=\"miss\"[^}]*} [1-9]");
	}

	private String scrape(String token) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static List<SpanData> awaitSpansOfTrace(String traceId, String last) {
		// the server span ends after the response is written
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> spansOf(traceId),
					(trace) -> trace.stream().anyMatch((span) -> span.getKind() == SpanKind.SERVER)
							&& trace.stream().anyMatch((span) -> span.getName().equals(last)));
	}

	private static List<SpanData> spansOf(String traceId) {
		return spans.getFinishedSpanItems().stream().filter((span) -> span.getTraceId().equals(traceId)).toList();
	}

	private static SpanData single(List<SpanData> trace, SpanKind kind) {
		List<SpanData> ofKind = trace.stream().filter((span) -> span.getKind() == kind).toList();
		assertThat(ofKind).as(kind + " spans of " + trace).hasSize(1);
		return ofKind.get(0);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as(name + " header").isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	private List<ConsumerRecord<String, byte[]>> recordsOfBatch(String batchId, int expected) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> TopicReader.readCommitted(kafka.bootstrapServers(), Topics.TIMESHEET_EVENTS)
				.stream()
				.filter((record) -> this.codec.decode(record.value()).batchId().toString().equals(batchId))
				.toList(), (records) -> records.size() >= expected);
	}

	private static String csv(String prefix, int entries) {
		StringBuilder csv = new StringBuilder("external_id,employee_id,project_code,work_date,hours,note\n");
		for (int i = 0; i < entries; i++) {
			csv.append(prefix).append(i).append(",E1001,ALPHA,2026-11-02,1,\n");
		}
		return csv.toString();
	}

	private HttpResponse<String> post(String csv, String traceparent) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/timesheet-batches"))
			.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
			.header("Content-Type", "text/csv")
			.header("Authorization", "Bearer " + issuer.token().scopes("create:timesheets").sign());
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class InMemorySpans {

		@Bean
		SpanProcessor inMemorySpans() {
			return SimpleSpanProcessor.create(spans);
		}

	}

}
