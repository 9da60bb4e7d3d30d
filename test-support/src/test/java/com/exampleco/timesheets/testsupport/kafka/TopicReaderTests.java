package com.exampleco.timesheets.testsupport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TopicReaderTests {

	@RegisterExtension
	static final KafkaExtension kafka = new KafkaExtension();

	@Test
	void readsCommittedRecordsAndStopsBeforeAnOpenTransaction() throws Exception {
		String bootstrap = kafka.bootstrapServers();
		String topic = "topic-reader-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
		}
		try (KafkaProducer<String, String> committed = producer(bootstrap);
				KafkaProducer<String, String> open = producer(bootstrap)) {
			committed.beginTransaction();
			committed.send(new ProducerRecord<>(topic, 0, "a", "committed-a"));
			committed.send(new ProducerRecord<>(topic, 1, "b", "committed-b"));
			committed.commitTransaction();
			committed.beginTransaction();
			committed.send(new ProducerRecord<>(topic, 0, "c", "aborted-c")).get();
			committed.abortTransaction();
			open.beginTransaction();
			open.send(new ProducerRecord<>(topic, 1, "d", "open-d")).get();

			List<ConsumerRecord<String, byte[]>> read = assertTimeoutPreemptively(Duration.ofSeconds(30),
					() -> TopicReader.readCommitted(bootstrap, topic, Duration.ofSeconds(20)));

			assertThat(read).extracting((record) -> new String(record.value(), StandardCharsets.UTF_8))
				.containsExactlyInAnyOrder("committed-a", "committed-b");
			assertThat(TopicReader.readUncommitted(bootstrap, topic))
				.extracting((record) -> new String(record.value(), StandardCharsets.UTF_8))
				.containsExactlyInAnyOrder("committed-a", "committed-b", "aborted-c", "open-d");
			open.abortTransaction();
		}
	}

	@Test
	void givesUpAtTheDeadlineNamingTheTopicWhenTheClusterDoesNotAnswer() {
		String nobodyListening = "localhost:" + TestSocketUtils.findAvailableTcpPort();
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatIllegalStateException()
			.isThrownBy(() -> TopicReader.readCommitted(nobodyListening, "unreachable-topic", Duration.ofSeconds(2)))
			.withMessageContaining("unreachable-topic")
			.withMessageContaining("PT2S")
			.withMessageContaining("0 records read so far"));
	}

	private static KafkaProducer<String, String> producer(String bootstrap) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "topic-reader-tests-" + UUID.randomUUID());
		KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer());
		producer.initTransactions();
		return producer;
	}

}
