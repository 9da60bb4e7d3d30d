package com.exampleco.timesheets.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.exampleco.timesheets.events.TimesheetEntry;
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
 * The raw baselines: what the same broker and database do for plain clients with the same
 * payloads and no pipeline in between.
 */
final class RawBaselines {

	private RawBaselines() {
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
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
			int warmup = count / 10;
			for (int i = 0; i < warmup; i++) {
				producer.send(records.get(i));
			}
			producer.flush();
			long start = System.nanoTime();
			for (int i = warmup; i < count; i++) {
				producer.send(records.get(i), (metadata, ex) -> {
					if (ex != null) {
						failure.compareAndSet(null, ex);
					}
				});
			}
			producer.flush();
			long elapsed = System.nanoTime() - start;
			if (failure.get() != null) {
				throw failure.get();
			}
			return (count - warmup) / (elapsed / 1e9);
		}
	}

	static final String UPSERT = """
			INSERT INTO timesheets (timesheet_id, external_id, employee_id, project_code, work_date, hours, note,
			    status, version, last_event_id, last_batch_id, submitted_at, submitted_by, submitted_client, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', 1, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (timesheet_id) DO UPDATE SET external_id = EXCLUDED.external_id,
			    employee_id = EXCLUDED.employee_id, project_code = EXCLUDED.project_code,
			    work_date = EXCLUDED.work_date, hours = EXCLUDED.hours, note = EXCLUDED.note,
			    version = timesheets.version + 1, last_event_id = EXCLUDED.last_event_id,
			    last_batch_id = EXCLUDED.last_batch_id, updated_at = EXCLUDED.updated_at""";

	static final String INSERT_OUTCOME = """
			INSERT INTO applied_events (event_id, batch_id, timesheet_id, event_type, outcome, reason, occurred_at,
			    kafka_topic, kafka_partition, kafka_offset, applied_at)
			VALUES (?, ?, ?, 'SUBMITTED', 'APPLIED', NULL, ?, 'raw', 0, ?, ?)""";

	/**
	 * Plain JDBC batched upsert of {@code count} timesheet rows into the pipeline's
	 * schema, {@code batchSize} rows per statement batch and transaction, on
	 * {@code threads} connections (the processor's concurrency and poll size).
	 * @return rows per second
	 */
	static double upsert(Db db, Payloads payloads, int count, int batchSize, int threads) throws Exception {
		return upsert(db, payloads, count, batchSize, threads, false);
	}

	/**
	 * Like {@link #upsert(Db, Payloads, int, int, int)}, plus one {@code applied_events}
	 * row per timesheet in the same transaction (batched INSERT): the two rows the
	 * processor writes per event, without anything else it does (no Kafka, no lookups, no
	 * state machine). Rows of their own ids, so they do not update the first baseline's.
	 */
	static double upsertWithOutcome(Db db, Payloads payloads, int count, int batchSize, int threads) throws Exception {
		return upsert(db, payloads, count, batchSize, threads, true);
	}

	private static double upsert(Db db, Payloads payloads, int count, int batchSize, int threads, boolean withOutcome)
			throws Exception {
		String prefix = withOutcome ? "raw2" : "raw";
		try (Connection connection = db.connect()) {
			upsertRange(connection, payloads, prefix, withOutcome, -batchSize * threads, 0); // warm-up
		}
		AtomicLong next = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					try (Connection connection = db.connect()) {
						long from;
						while ((from = next.getAndAdd(batchSize)) < count) {
							upsertRange(connection, payloads, prefix, withOutcome, from,
									Math.min(from + batchSize, count));
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return count / ((System.nanoTime() - start) / 1e9);
	}

	private static void upsertRange(Connection connection, Payloads payloads, String prefix, boolean withOutcome,
			long from, long to) throws SQLException {
		connection.setAutoCommit(false);
		Timestamp now = Timestamp.from(Instant.now());
		UUID batch = UUID.randomUUID();
		try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
			for (long seq = from; seq < to; seq++) {
				TimesheetEntry entry = payloads.entry(prefix, seq);
				statement.setObject(1, payloads.timesheetId(prefix, seq));
				statement.setString(2, entry.externalId());
				statement.setString(3, entry.employeeId());
				statement.setString(4, entry.projectCode());
				statement.setObject(5, entry.workDate());
				statement.setBigDecimal(6, entry.hours());
				statement.setString(7, entry.note());
				statement.setObject(8, UUID.randomUUID());
				statement.setObject(9, batch);
				statement.setTimestamp(10, now);
				statement.setString(11, Payloads.CLIENT_ID);
				statement.setString(12, Payloads.CLIENT_ID);
				statement.setTimestamp(13, now);
				statement.addBatch();
			}
			statement.executeBatch();
		}
		if (withOutcome) {
			try (PreparedStatement statement = connection.prepareStatement(INSERT_OUTCOME)) {
				for (long seq = from; seq < to; seq++) {
					statement.setObject(1, UUID.randomUUID());
					statement.setObject(2, batch);
					statement.setObject(3, payloads.timesheetId(prefix, seq));
					statement.setTimestamp(4, now);
					statement.setLong(5, seq);
					statement.setTimestamp(6, now);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		connection.commit();
	}

	/**
	 * Plain JDBC point select by id on {@code threads} connections for {@code seconds}
	 * (after {@code warmupSeconds}).
	 */
	static Throughput pointSelect(Db db, List<UUID> ids, int threads, int warmupSeconds, int seconds) throws Exception {
		Latencies latencies = new Latencies();
		AtomicLong done = new AtomicLong();
		long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
		long end = measureFrom + seconds * 1_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					try (Connection connection = db.connect();
							PreparedStatement statement = connection
								.prepareStatement("SELECT * FROM timesheets WHERE timesheet_id = ?")) {
						connection.setReadOnly(true);
						long now;
						while ((now = System.nanoTime()) < end) {
							statement.setObject(1, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
							try (ResultSet rows = statement.executeQuery()) {
								if (!rows.next()) {
									throw new IllegalStateException("no row for a known id");
								}
							}
							long after = System.nanoTime();
							if (now >= measureFrom) {
								latencies.record(after - now);
								done.incrementAndGet();
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return new Throughput(done.get() / (double) seconds, latencies);
	}

	/** A rate and the latencies behind it. */
	record Throughput(double perSecond, Latencies latencies) {

		Map<String, Object> details() {
			Map<String, Object> details = new HashMap<>();
			details.put("samples", this.latencies.count());
			details.put("p50Ms", this.latencies.millis(50));
			details.put("p99Ms", this.latencies.millis(99));
			details.put("maxMs", this.latencies.maxMillis());
			return details;
		}

	}

	/** Connection details of one database. */
	record Db(String url, String user, String password) {

		Connection connect() throws SQLException {
			return DriverManager.getConnection(this.url, this.user, this.password);
		}

	}

}
