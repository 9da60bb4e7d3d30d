package com.exampleco.timesheets.testsupport.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic as an analyst would: {@code isolation.level=read_committed}, from
 * the beginning up to each partition's last stable offset. What an aborted transaction
 * wrote is never returned, and "nothing more to read" is certain rather than a time-out,
 * so tests can assert exact counts. Records come in log order per partition.
 */
public final class TopicReader {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

	private TopicReader() {
	}

	/**
	 * Every committed record of a topic.
	 * @param bootstrapServers the cluster
	 * @param topic the topic
	 * @return the records, keys as UTF-8 strings and values as bytes
	 * @throws IllegalStateException when the end is not reached within 60 seconds
	 */
	public static List<ConsumerRecord<String, byte[]>> readCommitted(String bootstrapServers, String topic) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			// with read_committed, the end offsets are the last stable offsets
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
			while (!reached(consumer, end)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"could not read to the end of " + topic + " within " + DEFAULT_TIMEOUT);
				}
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

	private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
			if (consumer.position(partition.getKey()) < partition.getValue()) {
				return false;
			}
		}
		return true;
	}

}
