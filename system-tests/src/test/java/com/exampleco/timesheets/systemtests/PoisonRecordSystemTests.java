package com.exampleco.timesheets.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.testsupport.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Scenario 5: an undecodable record written straight to the topic. */
@Order(5)
@ExtendWith(SystemTestPipeline.class)
class PoisonRecordSystemTests {

	static final String PREFIX = "po-";

	static final int ENTRIES = 20;

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	@Test
	void poisonRecordGoesToTheDeadLetterTopicAndEverythingAfterItIsApplied() throws Exception {
		Map<String, Object> bootstrap = this.pipeline.kafkaOperator();
		int dltBefore = TopicReader.readCommitted(bootstrap, Topic.DLT).size();
		// same key as the first entry of the batch below: same partition, before it
		UUID key = Entries.timesheetId(Entries.externalId(PREFIX, 0));
		byte[] poison = "{\"eventType\":\"TimesheetSubmitted\",\"this is\": not json".getBytes(StandardCharsets.UTF_8);
		RecordMetadata written;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(withAcksAll(bootstrap),
				new StringSerializer(), new ByteArraySerializer())) {
			written = producer.send(new ProducerRecord<>(Topic.EVENTS, key.toString(), poison)).get();
		}
		Figures.faultsInjected.incrementAndGet();
		Http.Answer answer = Http.post(this.pipeline.ingestUrl() + "/timesheet-batches",
				this.pipeline.accessToken(Pipeline.UPLOADER), "application/json",
				Entries.jsonArray(PREFIX, 0, ENTRIES));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
		List<String> ids = java.util.stream.IntStream.range(0, ENTRIES)
			.mapToObj((n) -> Entries.externalId(PREFIX, n))
			.toList();
		Figures.acknowledged.addAll(ids);

		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(this.ledger.timesheets(PREFIX)).isEqualTo(ENTRIES));
		assertThat(this.ledger.outcomes(PREFIX)).isEqualTo(Map.of("SUBMITTED/APPLIED", (long) ENTRIES));
		List<ConsumerRecord<String, byte[]>> events = Topic.recordsOf(bootstrap, java.util.Set.of(key));
		assertThat(events).hasSize(2);
		assertThat(events.get(0).offset()).isEqualTo(written.offset());
		assertThat(events.get(1).offset()).as("the entry is after the poison record").isGreaterThan(written.offset());

		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(TopicReader.readCommitted(bootstrap, Topic.DLT)).hasSize(dltBefore + 1));
		List<ConsumerRecord<String, byte[]>> deadLetters = TopicReader.readCommitted(bootstrap, Topic.DLT)
			.stream()
			.filter((r) -> key.toString().equals(r.key()))
			.toList();
		assertThat(deadLetters).hasSize(1);
		ConsumerRecord<String, byte[]> dead = deadLetters.get(0);
		assertThat(dead.key()).isEqualTo(key.toString());
		assertThat(dead.value()).isEqualTo(poison);
		assertThat(StreamSupport.stream(dead.headers().spliterator(), false).map((h) -> h.key()))
			.anyMatch((name) -> name.startsWith("kafka_dlt-exception"))
			.contains("kafka_dlt-original-offset");
		Figures.faultsSurvived.incrementAndGet();
	}

	/** The operator's producer settings ({@code acks=all}): it may write any topic. */
	private static Map<String, Object> withAcksAll(Map<String, Object> operator) {
		Map<String, Object> config = new java.util.HashMap<>(operator);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		return config;
	}

}
