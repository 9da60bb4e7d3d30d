package com.exampleco.timesheets.processor.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.exampleco.timesheets.processor.ledger.AppliedBatch;
import com.exampleco.timesheets.processor.ledger.ReadPosition;
import com.exampleco.timesheets.processor.ledger.ReceivedEvent;
import com.exampleco.timesheets.processor.ledger.TimesheetLedger;
import com.exampleco.timesheets.testsupport.kafka.KafkaExtension;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@link Throwable} that is not an {@link Exception} (an {@link Error}: out of memory,
 * a linkage error, a failed assertion in a library) must not commit the batch's offsets:
 * the container stops, the {@code listeners} health component turns DOWN, and after a
 * restart the same events are delivered again and applied once. The fault is a ledger
 * that throws an {@code Error} for the first batch that contains an armed timesheet.
 */
@SpringBootTest(properties = { "timesheets.processor.group-id=processor-it-fatal-error",
		"timesheets.processor.concurrency=1", "timesheets.processor.retry.initial-interval=200ms",
		"timesheets.processor.retry.max-interval=1s", "server.port=0",
		"spring.datasource.url=jdbc:h2:mem:processor-fatal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class FatalErrorIntegrationTests {

	// ProcessorScenarios' instance: the send helpers used below read it
	@RegisterExtension
	static final KafkaExtension kafka = ProcessorScenarios.kafka;

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final String GROUP = "processor-it-fatal-error";

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private KafkaListenerEndpointRegistry registry;

	@Autowired
	private HealthIndicator listenersHealthIndicator;

	@Autowired
	private ErrorOnceLedger ledger;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
	}

	@Test
	void errorLeavesOffsetsUncommittedStopsTheContainerAndTheBatchIsAppliedAfterRestart() throws Exception {
		UUID batch = UUID.randomUUID();
		UUID timesheetId = UUID.randomUUID();
		this.ledger.arm(timesheetId);
		RecordMetadata sent = ProcessorScenarios
			.send(List.of(ProcessorScenarios.submission(batch, timesheetId, "fatal-1", "7.5")))
			.get(0);
		TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());

		await().atMost(PATIENCE).until(() -> this.ledger.thrown() == 1);
		MessageListenerContainer container = this.registry.getListenerContainer(TimesheetEventListener.LISTENER_ID);
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(container.isInExpectedState()).as("container in expected state").isFalse();
			assertThat(this.listenersHealthIndicator.health(true).getStatus()).isEqualTo(Status.DOWN);
		});
		// nothing written, and for a while nothing committed past the failed record
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(committedOffset(partition)).as("committed offset of %s", partition)
				.isLessThanOrEqualTo(sent.offset());
			assertThat(applied(batch)).isZero();
		});
		assertThat(this.ledger.thrown()).as("the Error is not retried like an exception").isEqualTo(1);

		container.stop();
		await().atMost(PATIENCE).until(() -> !container.isRunning());
		container.start();

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(applied(batch)).isEqualTo(1);
			assertThat(committedOffset(partition)).isGreaterThan(sent.offset());
		});
		assertThat(this.jdbc.queryForObject("SELECT hours FROM timesheets WHERE timesheet_id = ?", String.class,
				timesheetId))
			.isEqualTo("7.50");
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM duplicate_events WHERE batch_id = ?", Long.class, batch))
			.isZero();
		assertThat(this.listenersHealthIndicator.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(this.ledger.thrown()).isEqualTo(1);
	}

	private long applied(UUID batch) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM applied_events WHERE batch_id = ?", Long.class, batch);
	}

	/** The group's committed offset for the partition, -1 when none. */
	private static long committedOffset(TopicPartition partition) throws Exception {
		Map<String, Object> config = new HashMap<>();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		try (AdminClient admin = AdminClient.create(config)) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			OffsetAndMetadata committed = offsets.get(partition);
			return (committed != null) ? committed.offset() : -1;
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FaultyLedgerConfiguration {

		@Bean
		@Primary
		ErrorOnceLedger errorOnceLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
			return new ErrorOnceLedger(jdbc, transactions, clock);
		}

	}

	/** A real ledger that throws an {@link Error} once, for the armed timesheet. */
	static class ErrorOnceLedger extends TimesheetLedger {

		private final AtomicReference<UUID> armed = new AtomicReference<>();

		private final AtomicInteger thrown = new AtomicInteger();

		ErrorOnceLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
			super(jdbc, transactions, clock);
		}

		void arm(UUID timesheetId) {
			this.armed.set(timesheetId);
		}

		int thrown() {
			return this.thrown.get();
		}

		@Override
		public AppliedBatch apply(String groupId, List<ReceivedEvent> events, Collection<ReadPosition> positions) {
			UUID target = this.armed.get();
			if (target != null && events.stream().anyMatch((received) -> target.equals(received.event().timesheetId()))
					&& this.armed.compareAndSet(target, null)) {
				this.thrown.incrementAndGet();
				throw new SimulatedFatalError("simulated fatal error while applying a batch");
			}
			return super.apply(groupId, events, positions);
		}

	}

	/** Stands for an OutOfMemoryError or the like; not an Exception. */
	static class SimulatedFatalError extends Error {

		SimulatedFatalError(String message) {
			super(message);
		}

	}

}
