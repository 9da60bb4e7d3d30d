package com.exampleco.timesheets.processor.config;

import java.util.Map;

import com.exampleco.timesheets.testsupport.kafka.KafkaExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka settings the processor's guarantees rest on, read from the running listener
 * container and the clients it uses (not from how they are built): read_committed,
 * auto-commit off, offsets committed synchronously per batch, raw bytes in and out, an
 * idempotent producer that waits for all replicas, the one error handler, client metrics
 * — and the processor's own properties ({@code timesheets.processor.group-id},
 * {@code concurrency}, {@code max-poll-records}) in effect.
 */
@SpringBootTest(properties = { "timesheets.processor.group-id=processor-it-kafka-settings",
		"timesheets.processor.concurrency=2", "timesheets.processor.max-poll-records=77", "server.port=0",
		"spring.kafka.listener.auto-startup=false",
		"spring.datasource.url=jdbc:h2:mem:processor-kafka-settings;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class KafkaSettingsIntegrationTests {

	@RegisterExtension
	static final KafkaExtension kafka = new KafkaExtension();

	@Autowired
	KafkaListenerEndpointRegistry registry;

	@Autowired
	ConcurrentKafkaListenerContainerFactory<?, ?> containers;

	@Autowired
	KafkaTemplate<byte[], byte[]> template;

	@Autowired
	CommonErrorHandler errorHandler;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
	}

	@Test
	void consumerReadsCommittedRawBytesWithTheProcessorsGroupAndPollSize() {
		ConcurrentMessageListenerContainer<?, ?> container = container();
		DefaultKafkaConsumerFactory<?, ?> consumers = (DefaultKafkaConsumerFactory<?, ?>) this.containers
			.getConsumerFactory();
		Map<String, Object> config = consumers.getConfigurationProperties();
		assertThat(text(config.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG))).isEqualTo("read_committed");
		assertThat(text(config.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG))).isEqualTo("false");
		assertThat(text(config.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG))).isEqualTo("earliest");
		assertThat(text(config.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG))).isEqualTo("77");
		assertThat(text(config.get(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)))
			.isEqualTo(ByteArrayDeserializer.class.getName());
		assertThat(text(config.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG)))
			.isEqualTo(ByteArrayDeserializer.class.getName());
		assertThat(text(config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG))).contains(kafka.bootstrapServers());
		assertThat(container.getGroupId()).isEqualTo("processor-it-kafka-settings");
		assertThat(consumers.getListeners()).hasAtLeastOneElementOfType(MicrometerConsumerListener.class);
	}

	@Test
	void containerIsABatchListenerCommittingEachBatchSynchronouslyBehindTheOneErrorHandler() {
		ConcurrentMessageListenerContainer<?, ?> container = container();
		assertThat(container.getConcurrency()).isEqualTo(2);
		assertThat(container.getContainerProperties().getAckMode()).isEqualTo(AckMode.BATCH);
		assertThat(container.getContainerProperties().isSyncCommits()).isTrue();
		assertThat(container.getContainerProperties().getMessageListener()).isInstanceOf(BatchMessageListener.class);
		assertThat(container.getCommonErrorHandler()).isSameAs(this.errorHandler);
	}

	@Test
	void producerIsIdempotentNonTransactionalAndWaitsForAllReplicas() {
		DefaultKafkaProducerFactory<?, ?> producers = (DefaultKafkaProducerFactory<?, ?>) this.template
			.getProducerFactory();
		Map<String, Object> config = producers.getConfigurationProperties();
		assertThat(text(config.get(ProducerConfig.ACKS_CONFIG))).isEqualTo("all");
		assertThat(text(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))).isEqualTo("true");
		assertThat(text(config.get(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)))
			.isEqualTo(ByteArraySerializer.class.getName());
		assertThat(text(config.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)))
			.isEqualTo(ByteArraySerializer.class.getName());
		assertThat(config).doesNotContainKey(ProducerConfig.COMPRESSION_TYPE_CONFIG);
		assertThat(producers.transactionCapable()).isFalse();
		assertThat(producers.getListeners()).hasAtLeastOneElementOfType(MicrometerProducerListener.class);
	}

	private ConcurrentMessageListenerContainer<?, ?> container() {
		assertThat(this.registry.getListenerContainers()).hasSize(1);
		MessageListenerContainer container = this.registry.getListenerContainers().iterator().next();
		assertThat(container).isInstanceOf(ConcurrentMessageListenerContainer.class);
		return (ConcurrentMessageListenerContainer<?, ?>) container;
	}

	/** A client setting as Kafka reads it: a class by its name, anything else as text. */
	private static String text(Object value) {
		return (value instanceof Class<?> type) ? type.getName() : String.valueOf(value);
	}

}
