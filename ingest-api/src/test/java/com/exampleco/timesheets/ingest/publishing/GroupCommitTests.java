package com.exampleco.timesheets.ingest.publishing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.ingest.config.IngestProperties;
import com.exampleco.timesheets.testsupport.kafka.KafkaForTests;
import com.exampleco.timesheets.testsupport.kafka.TopicReader;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Group commit against a real in-JVM broker: requests queued while no publisher thread
 * runs are taken into one shared transaction when it starts, so each test controls
 * exactly which requests share a transaction. What is acknowledged is committed whole;
 * what fails or times out is invisible to {@code read_committed} readers; every request
 * is answered once.
 */
class GroupCommitTests {

	static String bootstrap;

	final TimesheetEventCodec codec = new TimesheetEventCodec();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final List<DefaultKafkaProducerFactory<?, ?>> factories = new ArrayList<>();

	final List<EventPublisher> publishers = new ArrayList<>();

	@BeforeAll
	static void topic() throws Exception {
		bootstrap = KafkaForTests.shared().bootstrapServers();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			if (!admin.listTopics().names().get().contains(Topics.TIMESHEET_EVENTS)) {
				admin.createTopics(List.of(new NewTopic(Topics.TIMESHEET_EVENTS, 6, (short) 1))).all().get();
			}
		}
	}

	@AfterEach
	void close() {
		this.publishers.forEach(EventPublisher::stop);
		this.factories.forEach(DefaultKafkaProducerFactory::destroy);
	}

	@Test
	void waitingRequestsShareOneTransactionAndEachIsAnsweredOnce() throws Exception {
		EventPublisher publisher = publisher(Duration.ofSeconds(60), 64, Map.of());
		UUID sameTimesheet = UUID.randomUUID();
		List<List<TimesheetEvent>> requests = List.of(events(5, sameTimesheet), events(3, null), events(4, null));
		List<CompletableFuture<Void>> answers = queue(publisher, requests);
		AtomicInteger answered = new AtomicInteger();
		// wait for the counting stages themselves: allOf over the answers alone may
		// return before the last answer's callback has run
		List<CompletableFuture<Void>> counted = answers.stream()
			.map((answer) -> answer.whenComplete((ok, ex) -> answered.incrementAndGet()))
			.toList();

		publisher.start();

		CompletableFuture.allOf(counted.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		assertThat(answered).hasValue(3);
		DistributionSummary shared = this.meters.get("timesheets.ingest.publish.requests").summary();
		assertThat(shared.count()).isEqualTo(1);
		assertThat(shared.totalAmount()).isEqualTo(3);
		for (List<TimesheetEvent> request : requests) {
			List<ConsumerRecord<String, byte[]>> records = awaitRecordsOf(request.get(0).batchId(), request.size());
			// a request's events keep their order on their partition
			assertThat(records.stream().map((record) -> this.codec.decode(record.value()).eventId()))
				.containsExactlyInAnyOrderElementsOf(request.stream().map(TimesheetEvent::eventId).toList());
		}
		List<UUID> inLogOrder = recordsOf(requests.get(0).get(0).batchId()).stream()
			.sorted((a, b) -> Long.compare(a.offset(), b.offset()))
			.map((record) -> this.codec.decode(record.value()).eventId())
			.toList();
		assertThat(inLogOrder)
			.containsExactlyElementsOf(requests.get(0).stream().map(TimesheetEvent::eventId).toList());
	}

	@Test
	void failedSharedTransactionLeavesNoneOfItsRequestsVisible() throws Exception {
		// a record larger than max.request.size fails its send after the records of the
		// first request were sent in the same transaction
		EventPublisher publisher = publisher(Duration.ofSeconds(60), 64,
				Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2048));
		List<TimesheetEvent> poisoned = new ArrayList<>(events(2, null));
		poisoned.add(submitted(poisoned.get(0).batchId(), UUID.randomUUID(), "x".repeat(1500) + "\u00e9".repeat(400)));
		List<List<TimesheetEvent>> requests = List.of(events(3, null), poisoned, events(2, null));
		List<CompletableFuture<Void>> answers = queue(publisher, requests);

		publisher.start();

		for (CompletableFuture<Void> answer : answers) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> answer.get(60, TimeUnit.SECONDS))
				.withCauseInstanceOf(BrokerUnavailableException.class);
		}
		// the publisher goes on: a later request is committed and visible; once it is,
		// none of the failed transaction's records are
		List<TimesheetEvent> next = events(1, null);
		publisher.publish(next);
		awaitRecordsOf(next.get(0).batchId(), 1);
		for (List<TimesheetEvent> request : requests) {
			assertThat(recordsOf(request.get(0).batchId())).isEmpty();
		}
	}

	@Test
	void requestTimingOutBeforeItsTransactionIsAnswered503InTimeAndNeverCommitted() throws Exception {
		EventPublisher publisher = publisher(Duration.ofSeconds(1), 64, Map.of());
		List<TimesheetEvent> late = events(2, null);
		long start = System.nanoTime();
		CompletableFuture<Void> answer = queue(publisher, List.of(late)).get(0);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(BrokerUnavailableException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

		publisher.start();
		List<TimesheetEvent> next = events(1, null);
		publishWithin(publisher, next);
		awaitRecordsOf(next.get(0).batchId(), 1);
		assertThat(recordsOf(late.get(0).batchId())).isEmpty();
	}

	@Test
	void fullQueueIsAnswered503AtOnce() throws Exception {
		EventPublisher publisher = publisher(Duration.ofSeconds(60), 1, Map.of());
		List<TimesheetEvent> queued = events(1, null);
		CompletableFuture<Void> first = queue(publisher, List.of(queued)).get(0);
		long start = System.nanoTime();
		assertThatExceptionOfType(BrokerUnavailableException.class).isThrownBy(() -> publisher.publish(events(1, null)))
			.withMessageContaining("too many");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

		publisher.start();
		first.get(60, TimeUnit.SECONDS);
		awaitRecordsOf(queued.get(0).batchId(), 1);
	}

	@Test
	void stopAnswersEveryQueuedRequest() throws Exception {
		EventPublisher publisher = publisher(Duration.ofSeconds(60), 64, Map.of());
		List<CompletableFuture<Void>> answers = queue(publisher, List.of(events(1, null), events(2, null)));
		publisher.stop();
		for (CompletableFuture<Void> answer : answers) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(BrokerUnavailableException.class);
		}
		assertThatExceptionOfType(BrokerUnavailableException.class)
			.isThrownBy(() -> publisher.publish(events(1, null)));
	}

	/**
	 * A publisher whose threads are not started yet: requests wait in its queue until
	 * {@link EventPublisher#start()}, but it takes them (the queue is open) meanwhile.
	 */
	private EventPublisher publisher(Duration publishTimeout, int queueCapacity, Map<String, Object> producer) {
		Map<String, Object> config = new HashMap<>(producer);
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
		DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
		factory.setTransactionIdPrefix("group-commit-test-" + UUID.randomUUID() + "-");
		this.factories.add(factory);
		IngestProperties properties = new IngestProperties(5000, DataSize.ofMegabytes(10), 2000, 1000,
				LocalDate.of(2000, 1, 1), 1, publishTimeout, Duration.ofSeconds(5), 6, (short) 1, "/test", 1, 5000,
				queueCapacity);
		EventPublisher publisher = new EventPublisher(new KafkaTemplate<>(factory), this.codec, properties,
				this.meters);
		publisher.open();
		this.publishers.add(publisher);
		return publisher;
	}

	/**
	 * Calls publish for each request on its own thread and waits until all are queued.
	 */
	private List<CompletableFuture<Void>> queue(EventPublisher publisher, List<List<TimesheetEvent>> requests) {
		int before = publisher.queued();
		List<CompletableFuture<Void>> answers = new ArrayList<>();
		for (List<TimesheetEvent> request : requests) {
			answers.add(CompletableFuture.runAsync(() -> publisher.publish(request)));
			int expected = before + answers.size();
			// one at a time, so the queue holds them in this order
			await().atMost(Duration.ofSeconds(10))
				.until(() -> publisher.queued() >= expected || answers.get(answers.size() - 1).isDone());
		}
		return answers;
	}

	private void publishWithin(EventPublisher publisher, List<TimesheetEvent> events) {
		// the first transaction of a producer may take a while on a loaded machine
		await().atMost(Duration.ofSeconds(60)).ignoreException(BrokerUnavailableException.class).until(() -> {
			publisher.publish(events);
			return true;
		});
	}

	private List<ConsumerRecord<String, byte[]>> awaitRecordsOf(UUID batchId, int expected) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> recordsOf(batchId), (records) -> records.size() >= expected);
	}

	private List<ConsumerRecord<String, byte[]>> recordsOf(UUID batchId) {
		return TopicReader.readCommitted(bootstrap, Topics.TIMESHEET_EVENTS)
			.stream()
			.filter((record) -> this.codec.decode(record.value()).batchId().equals(batchId))
			.toList();
	}

	private static List<TimesheetEvent> events(int count, UUID timesheetId) {
		UUID batchId = UUID.randomUUID();
		List<TimesheetEvent> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			events.add(submitted(batchId, (timesheetId != null) ? timesheetId : UUID.randomUUID(), "note " + i));
		}
		return events;
	}

	private static TimesheetSubmitted submitted(UUID batchId, UUID timesheetId, String note) {
		return new TimesheetSubmitted(UUID.randomUUID(), timesheetId, batchId, Instant.now(), Actor.client("test"),
				TimesheetEvent.CURRENT_SCHEMA_VERSION, new TimesheetEntry("ext-" + UUID.randomUUID(), "E1001", "ALPHA",
						LocalDate.of(2026, 11, 2), new BigDecimal("1"), note));
	}

}
