package com.exampleco.timesheets.systemtests;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16: one trace from request to row, across the real processes. The ingest API and
 * the processor export their spans over OTLP to {@link OtlpReceiver} (the shared pipeline
 * starts them with its endpoint); a batch posted with a W3C {@code traceparent} of the
 * test's own trace id must carry that trace id in its Kafka records' headers, in the
 * ingest API's "timesheets publish" span and in the processor's "timesheets apply" span
 * of those records — and a batch of 1,000 entries must not make 1,000 spans per stage.
 */
@Order(10)
@ExtendWith(SystemTestPipeline.class)
class TraceSystemTests {

	static final String PREFIX = "tr-";

	private static final SecureRandom random = new SecureRandom();

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	@Test
	void oneTraceSpansTheRequestTheRecordAndTheProcessorsApply() {
		String traceId = hex(16);
		List<UUID> timesheets = post(traceId, 0, 5);

		List<ConsumerRecord<String, byte[]>> records = Topic.recordsOf(this.pipeline.kafkaOperator(),
				Set.copyOf(timesheets));
		assertThat(records).hasSize(5)
			.allSatisfy((record) -> assertThat(Topic.header(record, "traceparent")).startsWith("00-" + traceId + "-"));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(OtlpReceiver.get().spanOf(traceId, "ingest-api", "timesheets publish"))
				.as("the ingest API's publish span of the request's trace")
				.isTrue();
			assertThat(OtlpReceiver.get().spanOf(traceId, "processor", "timesheets apply"))
				.as("the processor's apply span continuing the request's trace")
				.isTrue();
		});
		assertThat(this.ledger.outcomes(PREFIX + "a-")).isEqualTo(Map.of("SUBMITTED/APPLIED", 5L));
	}

	@Test
	void aBatchOfAThousandEntriesIsNotAThousandSpansPerStage() {
		String traceId = hex(16);
		post(traceId, 100, 1000);
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(this.ledger.outcomes(PREFIX + "b-"))
				.isEqualTo(Map.of("SUBMITTED/APPLIED", 1000L)));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			// both exporters flush on their own schedule: count once both have sent
			assertThat(OtlpReceiver.get().spanOf(traceId, "ingest-api", "timesheets publish")).isTrue();
			assertThat(OtlpReceiver.get().spanOf(traceId, "processor", "timesheets apply")).isTrue();
		});
		// a span (or a link to one) holds the trace id once: far fewer than the entries
		int ingest = OtlpReceiver.get().occurrences(traceId, "ingest-api");
		int processor = OtlpReceiver.get().occurrences(traceId, "processor");
		System.out.printf("trace of 1,000 entries: ingest-api %d, processor %d occurrences of its id%n", ingest,
				processor);
		assertThat(ingest).isBetween(1, 20);
		assertThat(processor).isBetween(1, 50);
	}

	private List<UUID> post(String traceId, int first, int count) {
		String prefix = PREFIX + ((first == 0) ? "a-" : "b-");
		String traceparent = "00-" + traceId + "-" + hex(8) + "-01";
		Http.Answer answer = Http.post(this.pipeline.ingestUrl() + "/timesheet-batches",
				this.pipeline.accessToken(Pipeline.UPLOADER), "application/json",
				Entries.jsonArray(prefix, first, count), Map.of("traceparent", traceparent));
		assertThat(answer.status()).as(answer.body()).isEqualTo(202);
		List<String> ids = IntStream.range(first, first + count)
			.mapToObj((n) -> Entries.externalId(prefix, n))
			.toList();
		Figures.acknowledged.addAll(ids);
		Figures.tracedRecordsChecked.addAndGet(count);
		return ids.stream().map(Entries::timesheetId).collect(Collectors.toList());
	}

	private static String hex(int bytes) {
		byte[] id = new byte[bytes];
		random.nextBytes(id);
		return HexFormat.of().formatHex(id);
	}

}
