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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic as an analyst would: {@code isolation.level=read_committed}, from
 * the beginning up to each partition's end offset captured when reading starts (with
 * read_committed, the last stable offset). What an aborted transaction wrote is never
 * returned, and "nothing more to read" is certain rather than a time-out, so tests can
 * assert exact counts. Records come in log order per partition.
 * <p>
 * Every read has an overall deadline ({@link #DEFAULT_DEADLINE} unless given) covering
 * metadata, offsets and fetching: past it the reader throws an
 * {@link IllegalStateException} naming the topic and what it had read, it never hangs.
 */
public final class TopicReader {

	/** How long a read may take unless told otherwise. */
	public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

	private static final Duration POLL = Duration.ofMillis(200);

	private TopicReader() {
	}

	/**
	 * Every committed record of a topic, within {@link #DEFAULT_DEADLINE}.
	 * @param bootstrapServers the cluster
	 * @param topic the topic
	 * @return the records, keys as UTF-8 strings and values as bytes
	 * @throws IllegalStateException when the end is not reached before the deadline
	 */
	public static List<ConsumerRecord<String, byte[]>> readCommitted(String bootstrapServers, String topic) {
		return read(bootstrapServers, topic, true, DEFAULT_DEADLINE);
	}

	/**
	 * Every committed record of a topic, within {@link #DEFAULT_DEADLINE}, read by a
	 * client configured by the caller (a secured broker: its security properties).
	 * @param client the client's properties, {@code bootstrap.servers} included
	 * @param topic the topic
	 * @return the records, keys as UTF-8 strings and values as bytes
	 * @throws IllegalStateException when the end is not reached before the deadline
	 */
	public static List<ConsumerRecord<String, byte[]>> readCommitted(Map<String, Object> client, String topic) {
		return read(client, topic, true, DEFAULT_DEADLINE);
	}

	/**
	 * Every committed record of a topic, within the given deadline.
	 * @param bootstrapServers the cluster
	 * @param topic the topic
	 * @param deadline how long the whole read may take
	 * @return the records, keys as UTF-8 strings and values as bytes
	 * @throws IllegalStateException when the end is not reached before the deadline
	 */
	public static List<ConsumerRecord<String, byte[]>> readCommitted(String bootstrapServers, String topic,
			Duration deadline) {
		return read(bootstrapServers, topic, true, deadline);
	}

	/**
	 * Every record of a topic including those of open or aborted transactions
	 * ({@code read_uncommitted}, up to the high watermarks), within
	 * {@link #DEFAULT_DEADLINE}. For tests that pin what was written, not what an analyst
	 * sees.
	 * @param bootstrapServers the cluster
	 * @param topic the topic
	 * @return the records, keys as UTF-8 strings and values as bytes
	 * @throws IllegalStateException when the end is not reached before the deadline
	 */
	public static List<ConsumerRecord<String, byte[]>> readUncommitted(String bootstrapServers, String topic) {
		return read(bootstrapServers, topic, false, DEFAULT_DEADLINE);
	}

	/**
	 * The sum of a topic's high watermarks ({@code read_uncommitted} end offsets):
	 * unchanged means nothing was written, not even an aborted transaction's records or
	 * markers.
	 * @param bootstrapServers the cluster
	 * @param topic the topic
	 * @return the sum of the end offsets of every partition
	 * @throws IllegalStateException when the offsets are not known within
	 * {@link #DEFAULT_DEADLINE}
	 */
	public static long endOffsetSum(String bootstrapServers, String topic) {
		return endOffsetSum(plain(bootstrapServers), topic);
	}

	/**
	 * {@link #endOffsetSum(String, String)} read by a client configured by the caller.
	 * @param client the client's properties, {@code bootstrap.servers} included
	 * @param topic the topic
	 * @return the sum of the end offsets of every partition
	 */
	public static long endOffsetSum(Map<String, Object> client, String topic) {
		Deadline deadline = new Deadline(topic, DEFAULT_DEADLINE);
		try (KafkaConsumer<String, byte[]> consumer = consumer(client, false, DEFAULT_DEADLINE)) {
			List<TopicPartition> partitions = partitions(consumer, topic, deadline, List.of());
			try {
				return consumer.endOffsets(partitions, deadline.remaining())
					.values()
					.stream()
					.mapToLong(Long::longValue)
					.sum();
			}
			catch (KafkaException ex) {
				throw deadline.passed("reading its end offsets", List.of(), ex);
			}
		}
	}

	private static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, String topic, boolean committed,
			Duration limit) {
		return read(plain(bootstrapServers), topic, committed, limit);
	}

	private static List<ConsumerRecord<String, byte[]>> read(Map<String, Object> client, String topic,
			boolean committed, Duration limit) {
		Deadline deadline = new Deadline(topic, limit);
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = consumer(client, committed, limit)) {
			List<TopicPartition> partitions = partitions(consumer, topic, deadline, records);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end;
			try {
				// with read_committed, the end offsets are the last stable offsets
				end = consumer.endOffsets(partitions, deadline.remaining());
			}
			catch (KafkaException ex) {
				throw deadline.passed("reading its end offsets", records, ex);
			}
			try {
				while (!reached(consumer, end, deadline)) {
					if (deadline.isPassed()) {
						throw deadline.passed("reading to end offsets " + end, records, null);
					}
					consumer.poll(POLL).forEach(records::add);
				}
			}
			catch (KafkaException ex) {
				throw deadline.passed("reading to end offsets " + end, records, ex);
			}
		}
		return records;
	}

	private static Map<String, Object> plain(String bootstrapServers) {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
	}

	private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> client, boolean committed,
			Duration limit) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committed ? "read_committed" : "read_uncommitted");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// a blocking call without a timeout of its own (position) never outlasts the read
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(1, limit.toMillis()));
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, Deadline deadline,
			List<?> read) {
		try {
			return consumer.partitionsFor(topic, deadline.remaining())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
		}
		catch (KafkaException ex) {
			throw deadline.passed("finding its partitions", read, ex);
		}
	}

	private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end, Deadline deadline) {
		for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
			if (consumer.position(partition.getKey(), deadline.remaining()) < partition.getValue()) {
				return false;
			}
		}
		return true;
	}

	private record Deadline(String topic, Duration limit, long endNanos) {

		Deadline(String topic, Duration limit) {
			this(topic, limit, System.nanoTime() + limit.toNanos());
		}

		boolean isPassed() {
			return System.nanoTime() - this.endNanos > 0;
		}

		/** What is left, at least a millisecond so the client still tries once. */
		Duration remaining() {
			return Duration.ofNanos(Math.max(Duration.ofMillis(1).toNanos(), this.endNanos - System.nanoTime()));
		}

		IllegalStateException passed(String doing, List<?> read, Exception cause) {
			return new IllegalStateException("could not finish reading topic " + this.topic + " within " + this.limit
					+ " (" + doing + "; " + read.size() + " records read so far)", cause);
		}

	}

}
