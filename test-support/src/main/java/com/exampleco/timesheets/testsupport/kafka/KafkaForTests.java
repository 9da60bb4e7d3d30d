package com.exampleco.timesheets.testsupport.kafka;

import com.exampleco.timesheets.testsupport.Docker;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker for tests, chosen by {@link #launch()}: the servers named by
 * {@value #BOOTSTRAP_ENV} when set; else, where Docker is available, Testcontainers'
 * Kafka ({@value #IMAGE}, KRaft, the image docker-compose runs); else an in-JVM KRaft
 * broker (spring-kafka-test) on a random port. Transactions enabled, replication factor 1
 * for internal topics, 6 partitions by default. Set {@value #EMBEDDED_ENV}{@code =true}
 * to use the in-JVM broker even where Docker exists. JUnit tests get one shared broker
 * from {@link KafkaExtension}; a plain main uses {@link #launch()} with
 * try-with-resources.
 */
public final class KafkaForTests implements AutoCloseable {

	/** Environment variable with bootstrap servers that override the embedded broker. */
	public static final String BOOTSTRAP_ENV = "TIMESHEETS_TEST_KAFKA_BOOTSTRAP";

	/** Environment variable that forces the in-JVM broker. */
	public static final String EMBEDDED_ENV = "TIMESHEETS_TEST_KAFKA_EMBEDDED";

	/** The Kafka image used where Docker is available (the one docker-compose runs). */
	public static final String IMAGE = "apache/kafka:4.1.1";

	private final String bootstrapServers;

	private final EmbeddedKafkaBroker broker;

	private final Runnable stopper;

	private KafkaForTests(String bootstrapServers, EmbeddedKafkaBroker broker, Runnable stopper) {
		this.bootstrapServers = bootstrapServers;
		this.broker = broker;
		this.stopper = stopper;
	}

	/**
	 * Starts (or, for {@value #BOOTSTRAP_ENV}, adopts) a broker; the caller closes it.
	 * @return the running broker, never null
	 */
	public static KafkaForTests launch() {
		String external = System.getenv(BOOTSTRAP_ENV);
		if (external != null && !external.isBlank()) {
			return new KafkaForTests(external, null, () -> {
			});
		}
		if (!Boolean.parseBoolean(System.getenv(EMBEDDED_ENV)) && Docker.available()) {
			KafkaContainer container = new KafkaContainer(IMAGE).withEnv("KAFKA_NUM_PARTITIONS", "6")
				.withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
				.withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
				.withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
				.withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
			container.start();
			return new KafkaForTests(container.getBootstrapServers(), null, container::stop);
		}
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
		broker.brokerProperty("transaction.state.log.replication.factor", "1");
		broker.brokerProperty("transaction.state.log.min.isr", "1");
		broker.brokerProperty("offsets.topic.replication.factor", "1");
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		broker.afterPropertiesSet();
		return new KafkaForTests(broker.getBrokersAsString(), broker, broker::destroy);
	}

	/**
	 * The bootstrap servers.
	 * @return {@code host:port[,host:port]}
	 */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/**
	 * The embedded broker, for topic administration in tests.
	 * @return the broker, or null when the broker is external or a container
	 */
	public EmbeddedKafkaBroker embeddedBroker() {
		return this.broker;
	}

	/** Stops the container or in-JVM broker; leaves an external cluster alone. */
	@Override
	public void close() {
		this.stopper.run();
	}

}
