package com.exampleco.timesheets.processor.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.events.UnsupportedSchemaVersionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A well-formed event of a newer schema version than the processor knows is not poison:
 * it stops the consumer (container stopped, {@code listeners} health DOWN, an ERROR line
 * naming the record and the version), its offset is not committed and nothing goes to the
 * dead-letter topic; once a processor that knows the version runs (here: the same context
 * after its decoder was "upgraded" to read version 2, then the container restarted), the
 * event and everything after it are applied. The test has a broker of its own: the
 * version 2 record it leaves on {@code timesheet-events} would stop every other test's
 * processor reading the shared broker (as it should).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = { "timesheets.processor.group-id=" + NewerSchemaVersionIntegrationTests.GROUP,
		"timesheets.processor.concurrency=1", "timesheets.processor.retry.initial-interval=200ms",
		"timesheets.processor.retry.max-interval=1s", "server.port=0",
		"spring.datasource.url=jdbc:h2:mem:processor-newer-schema;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@DirtiesContext
class NewerSchemaVersionIntegrationTests {

	private static EmbeddedKafkaKraftBroker broker;

	static final String GROUP = "processor-it-newer-schema";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private KafkaListenerEndpointRegistry registry;

	@Autowired
	private HealthIndicator listenersHealthIndicator;

	@Autowired
	private UpgradableDecoder decoder;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", NewerSchemaVersionIntegrationTests::bootstrapServers);
	}

	static synchronized String bootstrapServers() {
		if (broker == null) {
			broker = new EmbeddedKafkaKraftBroker(1, 6);
			broker.brokerProperty("transaction.state.log.replication.factor", "1");
			broker.brokerProperty("transaction.state.log.min.isr", "1");
			broker.brokerProperty("offsets.topic.replication.factor", "1");
			broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
			broker.afterPropertiesSet();
		}
		return broker.getBrokersAsString();
	}

	private static KafkaTemplate<String, byte[]> producer;

	static synchronized KafkaTemplate<String, byte[]> producer() {
		if (producer == null) {
			Map<String, Object> config = new HashMap<>();
			config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
			config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
			producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
		}
		return producer;
	}

	@Test
	void newerSchemaVersionStopsTheConsumerWithoutCommittingAndIsAppliedAfterUpgrade(CapturedOutput output)
			throws Exception {
		UUID batch = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		ProcessorScenarios.send(producer(), List.of(ProcessorScenarios.submission(batch, id, "newer-1", "8")));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch)).isEqualTo(1));

		TimesheetApproved approval = new TimesheetApproved(UUID.randomUUID(), id, batch, Instant.now(),
				ProcessorScenarios.APPROVER, 1, "fine");
		byte[] newer = asVersion2(approval);
		RecordMetadata sent = producer().send(new ProducerRecord<>(Topics.TIMESHEET_EVENTS, id.toString(), newer))
			.join()
			.getRecordMetadata();
		TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
		TimesheetDeleted deletion = new TimesheetDeleted(UUID.randomUUID(), id, batch, Instant.now(),
				ProcessorScenarios.UPLOADER, 1);
		ProcessorScenarios.send(producer(), List.of(deletion));

		MessageListenerContainer container = this.registry.getListenerContainer(TimesheetEventListener.LISTENER_ID);
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(container.isRunning()).as("container running").isFalse();
			assertThat(this.listenersHealthIndicator.health(true).getStatus()).isEqualTo(Status.DOWN);
		});
		assertThat(output.getOut()).containsPattern("ERROR .*Record " + sent.topic() + "-" + sent.partition() + "@"
				+ sent.offset() + " is a 'TimesheetApproved' event of schemaVersion 2, newer than this processor");
		// for a while: nothing committed past the newer record,
		// nothing applied after it, nothing dead-lettered
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(committedOffset(partition)).as("committed offset of %s", partition)
				.isLessThanOrEqualTo(sent.offset());
			assertThat(outcomes(batch)).isEqualTo(1);
		});
		assertThat(ProcessorScenarios.deadLetters(bootstrapServers(), newer)).isEmpty();
		assertThat(status(id)).isEqualTo("SUBMITTED");

		// a processor that knows schemaVersion 2 takes over
		this.decoder.upgrade();
		container.start();

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(outcome(approval.eventId())).isEqualTo("APPLIED");
			assertThat(outcome(deletion.eventId())).isEqualTo("APPLIED");
			assertThat(committedOffset(partition)).isGreaterThan(sent.offset());
		});
		assertThat(status(id)).isEqualTo("DELETED");
		assertThat(
				this.jdbc.queryForObject("SELECT approved_by FROM timesheets WHERE timesheet_id = ?", String.class, id))
			.isEqualTo(ProcessorScenarios.APPROVER.subject());
		assertThat(ProcessorScenarios.deadLetters(bootstrapServers(), newer)).isEmpty();
		assertThat(this.listenersHealthIndicator.health(true).getStatus()).isEqualTo(Status.UP);
	}

	/**
	 * The event as a producer of schema version 2 writes it: version 2 and a property
	 * version 1 does not have.
	 */
	private static byte[] asVersion2(TimesheetEvent event) {
		ObjectNode json = (ObjectNode) mapper.readTree(ProcessorScenarios.codec.encode(event));
		json.put("schemaVersion", 2);
		json.putObject("approvalChain").put("level", 1);
		return mapper.writeValueAsBytes(json);
	}

	private long outcomes(UUID batch) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM applied_events WHERE batch_id = ?", Long.class, batch);
	}

	private String outcome(UUID eventId) {
		List<String> outcomes = this.jdbc.queryForList("SELECT outcome FROM applied_events WHERE event_id = ?",
				String.class, eventId);
		return outcomes.isEmpty() ? null : outcomes.get(0);
	}

	private String status(UUID id) {
		return this.jdbc.queryForObject("SELECT status FROM timesheets WHERE timesheet_id = ?", String.class, id);
	}

	/** The group's committed offset for the partition, -1 when none. */
	private static long committedOffset(TopicPartition partition) throws Exception {
		Map<String, Object> config = new HashMap<>();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		try (AdminClient admin = AdminClient.create(config)) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			OffsetAndMetadata committed = offsets.get(partition);
			return (committed != null) ? committed.offset() : -1;
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class UpgradableDecoderConfiguration {

		/**
		 * Destroys this test's broker and producer when the context closes, after the
		 * listener containers stopped.
		 */
		@Bean
		DisposableBean privateBroker() {
			return () -> {
				synchronized (NewerSchemaVersionIntegrationTests.class) {
					if (producer != null) {
						((DefaultKafkaProducerFactory<?, ?>) producer.getProducerFactory()).destroy();
						producer = null;
					}
					if (broker != null) {
						broker.destroy();
						broker = null;
					}
				}
			};
		}

		@Bean
		@Primary
		UpgradableDecoder upgradableDecoder(TimesheetEventCodec codec) {
			return new UpgradableDecoder(codec);
		}

	}

	/**
	 * This processor's decoder until {@link #upgrade()}; then the decoder of a processor
	 * that knows schema version 2, which (in this test's imagined contract) only adds an
	 * optional property, so it reads a version 2 document as the version 1 model.
	 */
	static class UpgradableDecoder implements EventDecoder {

		private final TimesheetEventCodec codec;

		private final AtomicBoolean upgraded = new AtomicBoolean();

		UpgradableDecoder(TimesheetEventCodec codec) {
			this.codec = codec;
		}

		void upgrade() {
			this.upgraded.set(true);
		}

		@Override
		public TimesheetEvent decode(byte[] value) {
			try {
				return this.codec.decode(value);
			}
			catch (UnsupportedSchemaVersionException ex) {
				if (!this.upgraded.get() || ex.schemaVersion() != 2) {
					throw ex;
				}
				ObjectNode json = (ObjectNode) mapper.readTree(value);
				json.put("schemaVersion", 1);
				return this.codec.decode(mapper.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
			}
		}

	}

}
