package com.exampleco.timesheets.processor.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.testsupport.kafka.TopicReader;
import com.exampleco.timesheets.testsupport.postgres.PostgresExtension;
import com.exampleco.timesheets.testsupport.postgres.PostgresForTests;
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
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * The scenarios on real PostgreSQL (Testcontainers or a throwaway local cluster), plus
 * the failure cases: redelivery after a crash between database commit and offset commit,
 * a rebalance mid-stream, a database outage, aborted producer transactions, the state
 * topic.
 */
@TestPropertySource(properties = "timesheets.processor.group-id=" + ProcessorPostgresIntegrationTests.GROUP)
class ProcessorPostgresIntegrationTests extends OffsetAndRetryScenarios {

	@RegisterExtension
	static final PostgresExtension database = new PostgresExtension();

	static final String GROUP = "processor-it-pg";

	@Autowired
	KafkaListenerEndpointRegistry registry;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresForTests postgres = database.server();
		String url = postgres.createDatabase("processor_it");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", postgres::username);
		registry.add("spring.datasource.password", postgres::password);
	}

	@Test
	void afterCrashBetweenDatabaseAndOffsetCommitConsumersStartAtTheStoredOffsets() {
		UUID batch = UUID.randomUUID();
		List<TimesheetEvent> events = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			events.add(submission(batch, UUID.randomUUID(), "crash-" + i, "5"));
		}
		List<RecordMetadata> sent = send(events);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, "APPLIED")).isEqualTo(20));
		double redeliveredBefore = redeliveredCounter();

		// the database committed, then the offsets are lost: rewind the group
		MessageListenerContainer container = this.registry.getListenerContainer(TimesheetEventListener.LISTENER_ID);
		container.stop();
		Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
		for (RecordMetadata metadata : sent) {
			rewind.merge(new TopicPartition(metadata.topic(), metadata.partition()),
					new OffsetAndMetadata(metadata.offset()), (a, b) -> (a.offset() <= b.offset()) ? a : b);
		}
		try (AdminClient admin = AdminClient
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			await().atMost(PATIENCE)
				.ignoreExceptions()
				.untilAsserted(() -> admin.alterConsumerGroupOffsets(GROUP, rewind).all().get());
			container.start();

			// on assignment the consumers seek to the offsets stored with the state and
			// bring Kafka's committed offsets up to them
			await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
					.partitionsToOffsetAndMetadata()
					.get();
				for (TopicPartition partition : rewind.keySet()) {
					assertThat(committed.get(partition).offset())
						.isEqualTo(this.ledger.storedOffsets(GROUP, partition.topic(), List.of(partition.partition()))
							.get(partition.partition()));
				}
			});
		}
		send(List.of(submission(batch, UUID.randomUUID(), "crash-after", "5")));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, "APPLIED")).isEqualTo(21));
		assertThat(redeliveredCounter()).as("no record was read again").isEqualTo(redeliveredBefore);
		assertThat(duplicates(batch)).isZero();
		assertThat(outcomes(batch, null)).isEqualTo(21);
		assertThat(this.jdbc.queryForObject("SELECT SUM(version) FROM timesheets WHERE last_batch_id = ?", Long.class,
				batch))
			.isEqualTo(21);
	}

	@Test
	void eventsOfEachTimesheetStayInOrderAcrossRebalance() {
		UUID batch = UUID.randomUUID();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ids.add(UUID.randomUUID());
		}
		send(ids.stream().map((id) -> submission(batch, id, "rebalance-" + id, "8")).toList());
		send(ids.stream().map((id) -> submission(batch, id, "rebalance-" + id, "6")).toList());

		// stopping and starting the container revokes and reassigns every partition
		MessageListenerContainer container = this.registry.getListenerContainer(TimesheetEventListener.LISTENER_ID);
		container.stop();
		send(ids.stream()
			.map((id) -> new TimesheetApproved(UUID.randomUUID(), id, batch, java.time.Instant.now(), APPROVER, 1,
					null))
			.toList());
		container.start();
		send(ids.stream().map((id) -> submission(batch, id, "rebalance-" + id, "2")).toList());

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, null)).isEqualTo(120));
		assertThat(outcomes(batch, "APPLIED")).isEqualTo(90);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM applied_events WHERE batch_id = ? AND outcome = 'REJECTED' AND reason = ?",
				Long.class, batch, "timesheet is approved; resubmission refused"))
			.isEqualTo(30);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM timesheets WHERE last_batch_id = ? AND status = 'APPROVED' AND version = 3 AND hours = 6",
				Long.class, batch))
			.isEqualTo(30);
	}

	@Test
	void databaseOutageRetriesUntilItIsBackAndSkipsNothing() {
		PostgresForTests postgres = database.server();
		assumeTrue(postgres.canStop(), "this PostgreSQL cannot be stopped and restarted by the test");
		UUID batch = UUID.randomUUID();
		List<TimesheetEvent> before = new ArrayList<>();
		List<TimesheetEvent> during = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			(i < 50 ? before : during).add(submission(batch, UUID.randomUUID(), "outage-" + i, "1.25"));
		}
		send(before);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, "APPLIED")).isEqualTo(50));

		postgres.stop();
		try {
			send(during);
			// for 20 s of outage the batch is retried in
			// place: nothing reaches the dead-letter topic
			await().during(Duration.ofSeconds(20))
				.atMost(Duration.ofSeconds(30))
				.until(() -> deadLettersOfBatch(batch) == 0);
		}
		finally {
			postgres.start();
		}

		// the test's own pool needs a moment to reconnect too
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(outcomes(batch, "APPLIED")).isEqualTo(100));
		// every event recorded exactly once (event_id is the key of applied_events)
		assertThat(outcomes(batch, null)).isEqualTo(100);
		// A commit that reached PostgreSQL just as it stopped, without the
		// acknowledgement reaching the processor, is retried and its
		// records are then found before the stored offsets: skipped, never
		// doubled, and not duplicates either (the batch was sent once).
		assertThat(duplicates(batch)).isZero();
		assertThat(deadLettersOfBatch(batch)).isZero();
	}

	@Test
	void eventsOfAbortedProducerTransactionsAreNeverApplied() {
		UUID aborted = UUID.randomUUID();
		UUID committed = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
		factory.setTransactionIdPrefix("processor-it-" + UUID.randomUUID() + "-");
		try {
			KafkaTemplate<String, byte[]> transactional = new KafkaTemplate<>(factory);
			try {
				transactional.executeInTransaction((operations) -> {
					operations.send(new ProducerRecord<>(Topics.TIMESHEET_EVENTS, id.toString(),
							codec.encode(submission(aborted, id, "aborted", "8"))));
					operations.flush();
					throw new IllegalStateException("abort");
				});
			}
			catch (IllegalStateException expected) {
				// the transaction was aborted
			}
			transactional
				.executeInTransaction((operations) -> operations.send(new ProducerRecord<>(Topics.TIMESHEET_EVENTS,
						id.toString(), codec.encode(submission(committed, id, "committed", "4")))));
		}
		finally {
			factory.destroy();
		}

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(committed, "APPLIED")).isEqualTo(1));
		assertThat(outcomes(aborted, null)).isZero();
		assertThat(
				this.jdbc.queryForObject("SELECT external_id FROM timesheets WHERE timesheet_id = ?", String.class, id))
			.isEqualTo("committed");
	}

	@Test
	void currentStateIsPublishedToCompactedStateTopic() {
		UUID batch = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		send(List.of(submission(batch, id, "state", "8"),
				new TimesheetApproved(UUID.randomUUID(), id, batch, java.time.Instant.now(), APPROVER, 1, "ok")));

		await().atMost(PATIENCE).untilAsserted(() -> {
			List<String> states = stateValues(id);
			assertThat(states).isNotEmpty();
			assertThat(states.get(states.size() - 1)).contains("\"status\":\"APPROVED\"").contains("\"version\":2");
		});
	}

	private long deadLettersOfBatch(UUID batch) {
		return deadLetters(null).stream()
			.filter((record) -> record.value() != null
					&& new String(record.value(), java.nio.charset.StandardCharsets.UTF_8).contains(batch.toString()))
			.count();
	}

	private static List<String> stateValues(UUID id) {
		return TopicReader.readUncommitted(kafka.bootstrapServers(), Topics.TIMESHEET_STATE)
			.stream()
			.filter((record) -> id.toString().equals(record.key()) && record.value() != null)
			.map((record) -> new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))
			.toList();
	}

}
