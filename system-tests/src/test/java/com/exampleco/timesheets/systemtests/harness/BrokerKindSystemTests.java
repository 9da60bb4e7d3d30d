package com.exampleco.timesheets.systemtests.harness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.exampleco.timesheets.launcher.kafka.KafkaBroker;
import com.exampleco.timesheets.testsupport.Docker;
import com.exampleco.timesheets.testsupport.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which broker the harness starts, and the container broker's restart promise: the
 * broker-outage scenario relies on the same address, topics and committed records after
 * {@link KafkaBroker#stop()} / {@link KafkaBroker#start()}. The process broker is proven
 * by that scenario on every machine; the container broker by the test below, which needs
 * a Docker engine and is reported as skipped without one.
 */
class BrokerKindSystemTests {

	@Test
	void autoUsesTheContainerOnlyWhereDockerAnswers() {
		assertThat(BrokerKind.AUTO.container(() -> true)).isTrue();
		assertThat(BrokerKind.AUTO.container(() -> false)).isFalse();
		assertThat(BrokerKind.PROCESS.container(() -> {
			throw new AssertionError("Docker must not be asked for a process broker");
		})).isFalse();
		assertThat(BrokerKind.CONTAINER.container(() -> false)).isTrue();
		assertThat(BrokerKind.CLUSTER.container(() -> {
			throw new AssertionError("Docker must not be asked for the cluster of broker processes");
		})).isFalse();
	}

	@Test
	@EnabledIf("dockerAvailable")
	void containerBrokerKeepsItsAddressAndCommittedRecordsAcrossARestart(@TempDir Path logs) throws Exception {
		KafkaBroker broker = ContainerKafkaBroker.create(6, logs);
		try {
			broker.launch();
			broker.awaitReady(Duration.ofMinutes(3));
			String address = broker.bootstrapServers();
			String topic = "broker-kind-" + UUID.randomUUID();
			String key = UUID.randomUUID().toString();
			sendInTransaction(address, topic, key);

			broker.stop();
			assertThat(broker.isRunning()).isFalse();
			assertThat(KafkaBroker.answers(address)).as("answers while stopped").isFalse();

			broker.start();
			assertThat(broker.bootstrapServers()).isEqualTo(address);
			List<ConsumerRecord<String, byte[]>> records = TopicReader.readCommitted(address, topic);
			assertThat(records).extracting(ConsumerRecord::key).containsExactly(key);
			assertThat(Files.readString(logs.resolve("kafka.log"))).isNotEmpty();
		}
		finally {
			broker.close();
		}
	}

	static boolean dockerAvailable() {
		return Docker.available();
	}

	private static void sendInTransaction(String bootstrap, String topic, String key) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "broker-kind-" + UUID.randomUUID());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(topic, key, "survives a restart".getBytes(StandardCharsets.UTF_8)));
			producer.commitTransaction();
		}
	}

}
