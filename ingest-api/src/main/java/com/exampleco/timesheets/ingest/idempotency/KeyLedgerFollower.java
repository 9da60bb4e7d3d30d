package com.exampleco.timesheets.ingest.idempotency;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.exampleco.timesheets.ingest.config.IngestProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link KeyLedger} from the topic {@value KeyLedger#TOPIC}: at start it reads
 * every partition from the beginning to the end offsets it had then
 * ({@code read_committed}, so only keys whose events were committed), marks the ledger
 * loaded, and then follows the topic for the keys other instances accept. It starts
 * before the web server and waits up to {@code idempotency.load-timeout} for the load, so
 * a started API normally serves with every key known; if the broker cannot be read in
 * that time the API serves anyway, answers requests with a key 503 until the load is
 * done, and reports {@code idempotencyKeys} DOWN in the readiness group. After a lost
 * connection it reads the topic again from the beginning.
 */
@Component
class KeyLedgerFollower implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(KeyLedgerFollower.class);

	private static final Duration PARTITION_REFRESH = Duration.ofMinutes(1);

	private final KeyLedger ledger;

	private final Map<String, Object> consumerConfig;

	private final KafkaAdmin admin;

	private final NewTopic topic;

	private final Duration loadTimeout;

	private final CountDownLatch loadedLatch = new CountDownLatch(1);

	private volatile boolean running;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private Thread thread;

	KeyLedgerFollower(KeyLedger ledger, KafkaProperties kafkaProperties, KafkaAdmin admin,
			@Qualifier("idempotencyKeysTopic") NewTopic topic, IngestProperties properties) {
		this.ledger = ledger;
		this.admin = admin;
		this.topic = topic;
		this.loadTimeout = properties.idempotency().loadTimeout();
		Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-api-idempotency-keys");
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		this.consumerConfig = config;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::follow, "idempotency-keys");
		this.thread.setDaemon(true);
		this.thread.start();
		try {
			if (!this.loadedLatch.await(this.loadTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("The Idempotency-Keys of {} were not read within {}; requests with a key are answered "
						+ "503 until they are", KeyLedger.TOPIC, this.loadTimeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		if (this.thread != null) {
			try {
				this.thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Starts before {@link com.exampleco.timesheets.ingest.publishing.EventPublisher}
	 * (and so before the web server) and stops after it.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 8192;
	}

	private void follow() {
		while (this.running) {
			try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(this.consumerConfig,
					new StringDeserializer(), new ByteArrayDeserializer())) {
				this.consumer = kafka;
				if (!this.running) {
					return;
				}
				readAndFollow(kafka);
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (KafkaException ex) {
				logger.warn("Reading {} failed, reading it again: {}", KeyLedger.TOPIC, ex.toString());
				pause();
			}
			finally {
				this.consumer = null;
			}
		}
	}

	private void readAndFollow(KafkaConsumer<String, byte[]> kafka) {
		Set<TopicPartition> partitions = partitions(kafka);
		while (partitions.isEmpty() && this.running) {
			logger.info("Topic {} not found; creating it", KeyLedger.TOPIC);
			this.admin.createOrModifyTopics(this.topic);
			pause();
			partitions = partitions(kafka);
		}
		kafka.assign(partitions);
		kafka.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
		long refreshAt = System.nanoTime() + PARTITION_REFRESH.toNanos();
		while (this.running) {
			for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
				if (record.key() != null && record.value() != null) {
					this.ledger.recorded(record.key(), record.value());
				}
			}
			if (!this.ledger.isLoaded() && caughtUp(kafka, end)) {
				this.ledger.markLoaded();
				this.loadedLatch.countDown();
				logger.info("Read {} Idempotency-Keys from {}", this.ledger.size(), KeyLedger.TOPIC);
			}
			if (System.nanoTime() - refreshAt > 0) {
				refreshAt = System.nanoTime() + PARTITION_REFRESH.toNanos();
				Set<TopicPartition> now = partitions(kafka);
				if (!now.isEmpty() && !now.equals(kafka.assignment())) {
					// partitions were added: read the new ones from their beginning
					Set<TopicPartition> added = now.stream()
						.filter((partition) -> !kafka.assignment().contains(partition))
						.collect(Collectors.toSet());
					kafka.assign(now);
					kafka.seekToBeginning(added);
				}
			}
		}
	}

	private static boolean caughtUp(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
			if (kafka.position(partition.getKey()) < partition.getValue()) {
				return false;
			}
		}
		return true;
	}

	private static Set<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
		List<PartitionInfo> infos = kafka.partitionsFor(KeyLedger.TOPIC);
		if (infos == null) {
			return Set.of();
		}
		return infos.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.collect(Collectors.toSet());
	}

	private void pause() {
		// back-off between attempts to reach the broker, not a wait for a result
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
