package com.exampleco.timesheets.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The raw Kafka baseline (a plain {@link KafkaProducer} with ingest-api's producer
 * settings and the same submission records) and the topic chores of the run: creating
 * topics, filling the processor's input, moving its group past what earlier phases wrote.
 */
final class KafkaBaseline {

	/** Entries per request of the pre-fill: the bench's large ingest batches. */
	static final int PREFILL_BATCH = 1000;

	private KafkaBaseline() {
	}

	/**
	 * Producer settings of ingest-api (acks=all, idempotent, lz4, linger 5 ms), no
	 * transactions.
	 */
	static Map<String, Object> producerConfig(String bootstrap) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		return config;
	}

	static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			if (!admin.listTopics().names().get().contains(topic)) {
				admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
			}
			awaitLeaders(admin, topic);
		}
	}

	/**
	 * Waits until the broker names a leader for every partition of the topic. Producing
	 * into a topic created a moment ago can meet NOT_LEADER_OR_FOLLOWER, after which an
	 * idempotent producer was seen retrying with out-of-order sequence numbers until its
	 * delivery timeout (the peer's pre-fill in run 14 of RESULTS.md).
	 */
	private static void awaitLeaders(Admin admin, String topic) throws Exception {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (true) {
			List<TopicPartitionInfo> partitions = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions();
			if (partitions.stream().allMatch((partition) -> partition.leader() != null)) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("no leader for every partition of " + topic + " after 30 s");
			}
			Thread.sleep(100);
		}
	}

	/**
	 * Commits the topic's current end offsets as the consumer group's position, so that a
	 * processor started later reads only what is written from now on.
	 * @return how many records the group skips (the sum over the partitions of what lay
	 * before the end offsets and after its previous position)
	 */
	static long skipToEnd(String bootstrap, String topic, String group) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (TopicPartitionInfo partition : admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions()) {
				latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
			}
			Map<TopicPartition, OffsetAndMetadata> previous = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
			long skipped = 0;
			for (var entry : admin.listOffsets(latest).all().get().entrySet()) {
				long end = entry.getValue().offset();
				OffsetAndMetadata before = previous.get(entry.getKey());
				skipped += end - ((before != null) ? before.offset() : 0);
				ends.put(entry.getKey(), new OffsetAndMetadata(end));
			}
			admin.alterConsumerGroupOffsets(group, ends).all().get();
			return skipped;
		}
	}

	/**
	 * How far a consumer group is behind the end of a topic (the sum over its partitions
	 * of end offset minus committed offset; transaction markers count as records).
	 */
	static long lag(String bootstrap, String topic, String group) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			committed.keySet()
				.stream()
				.filter((p) -> p.topic().equals(topic))
				.forEach((p) -> latest.put(p, OffsetSpec.latest()));
			long lag = 0;
			for (var entry : admin.listOffsets(latest).all().get().entrySet()) {
				lag += entry.getValue().offset() - committed.get(entry.getKey()).offset();
			}
			return lag;
		}
	}

	/**
	 * Plain KafkaProducer: {@code count} submission records (after a tenth as warm-up) to
	 * a topic with the pipeline topic's partition count.
	 * @return records per second
	 */
	static double produce(String bootstrap, String topic, Payloads payloads, int count) throws Exception {
		UUID batch = UUID.randomUUID();
		// payloads built before the clock starts: the baseline is the broker and client
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			records.add(payloads.submission(topic, "raw", i, batch));
		}
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
			int warmup = count / 10;
			send(producer, 0, warmup, (i) -> records.get((int) i));
			long start = System.nanoTime();
			send(producer, warmup, count, (i) -> records.get((int) i));
			return (count - warmup) / ((System.nanoTime() - start) / 1e9);
		}
	}

	/**
	 * Fills a topic with {@code count} submissions of the phase {@code "prefill"}, in
	 * requests of {@link #PREFILL_BATCH} as the ingest API publishes them: a batch id and
	 * an {@code occurredAt} per request (the ingest API bounds a request's entries; one
	 * batch id for the whole topic would be no request it could send), for the processor
	 * to read.
	 */
	static void prefill(String bootstrap, String topic, Payloads payloads, int count) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
			UUID[] batch = new UUID[1];
			Instant[] acceptedAt = new Instant[1];
			send(producer, 0, count, (i) -> {
				if (i % PREFILL_BATCH == 0) {
					batch[0] = UUID.randomUUID();
					acceptedAt[0] = Instant.now();
				}
				return payloads.submission(topic, "prefill", i, batch[0], acceptedAt[0]);
			});
		}
	}

	/**
	 * Sends records {@code from} to {@code to} (exclusive) and waits until all are
	 * acknowledged.
	 * @throws Exception the first failed send's
	 */
	static void send(KafkaProducer<String, byte[]> producer, long from, long to,
			LongFunction<ProducerRecord<String, byte[]>> records) throws Exception {
		AtomicReference<Exception> failure = new AtomicReference<>();
		for (long i = from; i < to; i++) {
			producer.send(records.apply(i), (metadata, ex) -> {
				if (ex != null) {
					failure.compareAndSet(null, ex);
				}
			});
		}
		producer.flush();
		if (failure.get() != null) {
			throw failure.get();
		}
	}

}
