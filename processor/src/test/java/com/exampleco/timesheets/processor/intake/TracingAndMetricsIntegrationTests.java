package com.exampleco.timesheets.processor.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.testsupport.kafka.KafkaExtension;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processor half of "one trace from request to row": records carrying a request's W3C
 * {@code traceparent} (as the ingest API writes it) are applied inside a
 * {@code timesheets apply} span of that very trace, a child of the publishing span named
 * in the header and linked to its batch's span; 1,000 records of one request make one
 * apply span per polled batch, not 1,000; records of another trace get their own apply
 * span, records without the header none. Spans go to an in-memory exporter. And the
 * processor's meters that {@code docs/operations.md} names are scraped under those names.
 */
@SpringBootTest(properties = { "timesheets.processor.group-id=processor-it-tracing",
		"timesheets.processor.concurrency=3", "management.tracing.sampling.probability=1.0", "server.port=0",
		"spring.datasource.url=jdbc:h2:mem:processor-tracing;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@AutoConfigureTracing
class TracingAndMetricsIntegrationTests {

	@RegisterExtension
	static final KafkaExtension kafka = new KafkaExtension();

	static final InMemorySpanExporter spans = InMemorySpanExporter.create();

	static final TimesheetEventCodec codec = new TimesheetEventCodec();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PrometheusMeterRegistry prometheus;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
	}

	@Test
	void recordsOfARequestAreAppliedInSpansOfItsTraceOnePerBatchNotPerRecord() {
		String bigTrace = hex(32);
		String bigParent = hex(16);
		String smallTrace = hex(32);
		UUID big = UUID.randomUUID();
		UUID small = UUID.randomUUID();
		UUID untraced = UUID.randomUUID();
		List<TimesheetEvent> bigRequest = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			bigRequest.add(ProcessorScenarios.submission(big, UUID.randomUUID(), "big-" + i, "1"));
		}
		List<TimesheetEvent> smallRequest = new ArrayList<>();
		List<TimesheetEvent> noTrace = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			smallRequest.add(ProcessorScenarios.submission(small, UUID.randomUUID(), "small-" + i, "2"));
			noTrace.add(ProcessorScenarios.submission(untraced, UUID.randomUUID(), "untraced-" + i, "3"));
		}

		sendWithTraceparent(bigRequest, "00-" + bigTrace + "-" + bigParent + "-01");
		sendWithTraceparent(smallRequest, "00-" + smallTrace + "-" + hex(16) + "-01");
		sendWithTraceparent(noTrace, null);
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM applied_events WHERE outcome = 'APPLIED' AND batch_id IN (?, ?, ?)",
					Long.class, big, small, untraced))
				.isEqualTo(1020));

		// a batch span ends after its apply spans (state topic, then the listener
		// returns)
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<SpanData> finished = spans.getFinishedSpanItems();
			List<SpanData> bigApplies = applySpansOf(finished, bigTrace);
			Set<String> batchSpanIds = finished.stream()
				.filter((span) -> span.getName().equals("timesheets batch"))
				.map(SpanData::getSpanId)
				.collect(Collectors.toSet());
			assertThat(bigApplies).isNotEmpty().allSatisfy((apply) -> {
				assertThat(apply.getParentSpanId()).isEqualTo(bigParent);
				assertThat(apply.getParentSpanContext().isRemote()).isTrue();
				assertThat(apply.getKind()).isEqualTo(SpanKind.CONSUMER);
				assertThat(apply.getLinks()).extracting((LinkData link) -> link.getSpanContext().getSpanId())
					.hasSize(1)
					.allMatch(batchSpanIds::contains);
			});
			// at most one apply span of a trace per batch: 1,000 records, a handful of
			// spans
			assertThat(bigApplies).extracting((apply) -> apply.getLinks().get(0).getSpanContext().getSpanId())
				.doesNotHaveDuplicates();
			assertThat(bigApplies.stream().mapToLong(TracingAndMetricsIntegrationTests::records).sum()).isEqualTo(1000);
			assertThat(bigApplies).hasSizeLessThan(50);
			assertThat(applySpansOf(finished, smallTrace)).isNotEmpty()
				.allSatisfy((apply) -> assertThat(apply.getParentSpanContext().isRemote()).isTrue());
			assertThat(applySpansOf(finished, smallTrace).stream()
				.mapToLong(TracingAndMetricsIntegrationTests::records)
				.sum()).isEqualTo(10);
			// every span is a batch span or an apply span, and there are far fewer than
			// records
			assertThat(finished).allMatch(
					(span) -> span.getName().equals("timesheets batch") || span.getName().equals("timesheets apply"));
			assertThat(batchSpanIds).hasSizeLessThan(200);
		});
	}

	@Test
	void scrapesTheMetricsTheOperationsPageNames() {
		sendWithTraceparent(List.of(ProcessorScenarios.submission(UUID.randomUUID(), UUID.randomUUID(), "m-1", "1")),
				null);
		// Micrometer binds the per-partition lag meters at its next look at the client's
		// metrics (every 60 s)
		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(this.prometheus.scrape())
				.contains("kafka_consumer_fetch_manager_records_lag{")
				.containsPattern(
						"kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"\\d+\"[^}]*topic=\"timesheet-events\"")
				.contains("kafka_consumer_fetch_manager_records_lag_max{")
				.contains("timesheets_processor_events_total{outcome=\"applied\"")
				.contains("timesheets_processor_events_total{outcome=\"dead_lettered\"")
				.contains("timesheets_processor_apply_latency_seconds_bucket{")
				.contains("spring_kafka_listener_seconds_count{")
				.contains("hikaricp_connections_pending{"));
	}

	private static List<SpanData> applySpansOf(List<SpanData> finished, String traceId) {
		return finished.stream()
			.filter((span) -> span.getName().equals("timesheets apply") && span.getTraceId().equals(traceId))
			.toList();
	}

	private static long records(SpanData apply) {
		return apply.getAttributes()
			.get(io.opentelemetry.api.common.AttributeKey.longKey("messaging.batch.message_count"));
	}

	private static void sendWithTraceparent(List<TimesheetEvent> events, String traceparent) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
		KafkaTemplate<String, byte[]> producer = new KafkaTemplate<>(factory);
		List<CompletableFuture<?>> sends = new ArrayList<>();
		for (TimesheetEvent event : events) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TIMESHEET_EVENTS,
					event.timesheetId().toString(), codec.encode(event));
			CloudEventHeaders.of(event, "/timesheets/tests")
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			if (traceparent != null) {
				record.headers().add(BatchTracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
			}
			sends.add(producer.send(record));
		}
		producer.flush();
		sends.forEach(CompletableFuture::join);
		factory.destroy();
	}

	private static String hex(int length) {
		return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, length);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class InMemorySpans {

		@Bean
		SpanProcessor inMemorySpans() {
			return SimpleSpanProcessor.create(spans);
		}

	}

}
