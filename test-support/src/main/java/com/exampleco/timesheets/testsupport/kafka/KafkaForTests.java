package com.exampleco.timesheets.testsupport.kafka;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker for tests, one per JVM ({@link #shared()}): the servers named by
 * {@value #BOOTSTRAP_ENV} when set, otherwise an in-JVM KRaft broker (spring-kafka-test)
 * on a random port, with transactions enabled and replication factor 1 for internal
 * topics, destroyed at JVM exit.
 */
public final class KafkaForTests {

	/** Environment variable with bootstrap servers that override the embedded broker. */
	public static final String BOOTSTRAP_ENV = "TIMESHEETS_TEST_KAFKA_BOOTSTRAP";

	private static KafkaForTests shared;

	private final String bootstrapServers;

	private final EmbeddedKafkaBroker broker;

	private KafkaForTests(String bootstrapServers, EmbeddedKafkaBroker broker) {
		this.bootstrapServers = bootstrapServers;
		this.broker = broker;
	}

	/**
	 * The broker of this JVM, started on first use.
	 * @return the broker, never null
	 */
	public static synchronized KafkaForTests shared() {
		if (shared == null) {
			String external = System.getenv(BOOTSTRAP_ENV);
			if (external != null && !external.isBlank()) {
				shared = new KafkaForTests(external, null);
			}
			else {
				EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
				broker.brokerProperty("transaction.state.log.replication.factor", "1");
				broker.brokerProperty("transaction.state.log.min.isr", "1");
				broker.brokerProperty("offsets.topic.replication.factor", "1");
				broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
				broker.afterPropertiesSet();
				Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-for-tests-shutdown"));
				shared = new KafkaForTests(broker.getBrokersAsString(), broker);
			}
		}
		return shared;
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
	 * @return the broker, or null when {@value #BOOTSTRAP_ENV} named an external one
	 */
	public EmbeddedKafkaBroker embeddedBroker() {
		return this.broker;
	}

}
