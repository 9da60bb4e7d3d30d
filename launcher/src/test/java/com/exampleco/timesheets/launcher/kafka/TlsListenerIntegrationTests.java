package com.exampleco.timesheets.launcher.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.exampleco.timesheets.launcher.FreePorts;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A real broker with the TLS listener (SSL here: this broker has no SASL), built from a
 * {@link TlsMaterial}: a client that trusts the exported CA produces and consumes over
 * it; a client that does not is refused in the handshake.
 */
class TlsListenerIntegrationTests {

	@TempDir
	static Path directory;

	static TlsMaterial material;

	static TlsListener listener;

	static InProcessKafkaBroker broker;

	@BeforeAll
	static void startBrokerWithTlsListener() throws Exception {
		material = TlsMaterial.prepare(directory.resolve("tls"), List.of("localhost", "127.0.0.1"));
		listener = new TlsListener("127.0.0.1", FreePorts.next(), material);
		KraftConfig config = new KraftConfig(directory, directory.resolve("logs"), FreePorts.next(), FreePorts.next(),
				1)
			.withTls(listener);
		assertThat(TlsListener.protocol(config.serverProperties())).isEqualTo("SSL");
		broker = InProcessKafkaBroker.start(config, "a test");
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.close();
		}
	}

	@Test
	void clientTrustingTheExportedCaProducesAndConsumesOverTls() throws Exception {
		Map<String, Object> tls = tlsClient(true);
		try (Admin admin = Admin.create(tls)) {
			admin.createTopics(List.of(new NewTopic("tls-check", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		Map<String, Object> producerConfig = new HashMap<>(tls);
		producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("tls-check", "key", "over TLS")).get(30, TimeUnit.SECONDS);
		}
		Map<String, Object> consumerConfig = new HashMap<>(tls);
		consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.assign(List.of(new TopicPartition("tls-check", 0)));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					values.add(record.value());
				}
				assertThat(values).containsExactly("over TLS");
			});
		}
	}

	@Test
	void clientWithoutTheCaIsRefusedInTheHandshake() {
		try (Admin admin = Admin.create(tlsClient(false))) {
			assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
				.isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(SslAuthenticationException.class);
		}
	}

	@Test
	void plainClientReadsNothingFromTheTlsPort() {
		Map<String, Object> plain = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, listener.bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				6000);
		try (Admin admin = Admin.create(plain)) {
			assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
				.isInstanceOf(ExecutionException.class);
		}
	}

	private static Map<String, Object> tlsClient(boolean trustTheCa) {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, listener.bootstrapServers());
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
		config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 20000);
		if (trustTheCa) {
			config.putAll(material.clientProperties());
		}
		return config;
	}

}
