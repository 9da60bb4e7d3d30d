package com.exampleco.timesheets.ingest.publishing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.ingest.config.IngestProperties;
import com.exampleco.timesheets.ingest.idempotency.KeyLedger;
import com.exampleco.timesheets.ingest.idempotency.KeyLedgers;
import com.exampleco.timesheets.ingest.idempotency.RequestIntent;
import com.exampleco.timesheets.testsupport.kafka.KafkaExtension;
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
import org.junit.jupiter.api.extension.RegisterExtension;

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

	@RegisterExtension
	static final KafkaExtension kafka = new KafkaExtension();

	static String bootstrap;

	final TimesheetEventCodec codec = new TimesheetEventCodec();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final List<DefaultKafkaProducerFactory<?, ?>> factories = new ArrayList<>();

	final List<EventPublisher> publishers = new ArrayList<>();

	final ExecutorService callers = Executors.newCachedThreadPool();

	KeyLedger ledger;

	@BeforeAll
	static void topic() throws Exception {
		bootstrap = kafka.bootstrapServers();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			Set<String> topics = admin.listTopics().names().get();
			if (!topics.contains(Topics.TIMESHEET_EVENTS)) {
				admin.createTopics(List.of(new NewTopic(Topics.TIMESHEET_EVENTS, 6, (short) 1))).all().get();
			}
			if (!topics.contains(KeyLedger.TOPIC)) {
				admin.createTopics(List.of(new NewTopic(KeyLedger.TOPIC, 1, (short) 1))).all().get();
			}
		}
	}

	@AfterEach
	void close() {
		this.publishers.forEach(EventPublisher::stop);
		this.factories.forEach(DefaultKafkaProducerFactory::destroy);
		this.callers.shutdownNow();
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
		DistributionSummary shared = this.meters.get("timesheets.ingest.publish.group.size").summary();
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
	void waitsForAnAnnouncedRequestSoThatItSharesTheTransaction() throws Exception {
		EventPublisher publisher = publisher(Duration.ofSeconds(60), Duration.ofSeconds(2), 64, 5000,
				Duration.ofSeconds(1), Map.of());
		publisher.start();
		// a second request is being read and validated on its thread
		EventPublisher.Upcoming second = publisher.upcoming();
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
			publisher.upcoming();
			publisher.publish(events(2, null), null);
		}, this.callers);
		// taken by a publisher thread, which waits for the announced request
		await().atMost(Duration.ofSeconds(10)).until(() -> publisher.queued() == 0);
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !first.isDone());

		try (second) {
			publisher.publish(events(3, null), null);
		}

		first.get(60, TimeUnit.SECONDS);
		DistributionSummary groups = this.meters.get("timesheets.ingest.publish.group.size").summary();
		assertThat(groups.count()).isEqualTo(1);
		assertThat(groups.totalAmount()).isEqualTo(2);
		assertThat(this.meters.get("timesheets.ingest.publish.group.entries").summary().totalAmount()).isEqualTo(5);
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
		publisher.publish(next, null);
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
		assertThatExceptionOfType(BrokerUnavailableException.class)
			.isThrownBy(() -> publisher.publish(events(1, null), null))
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
			.isThrownBy(() -> publisher.publish(events(1, null), null));
	}

	@Test
	void overloadedQueueShedsRequestsWithTooLittleTimeLeftAndAbortsNoTransaction() throws Exception {
		// one publisher thread, two requests per transaction, each request held 200 ms
		// by the (slow) broker: 15 transactions one after the other, about 400 ms each,
		// while the callers' budgets grow by 500 ms per transaction: the time left when a
		// request is reached passes through every value from none to more than enough
		// (every third request has plenty)
		EventPublisher publisher = publisher(Duration.ofSeconds(60), Duration.ofSeconds(1), 64, 100,
				Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, SlowSendInterceptor.class.getName()));
		List<List<TimesheetEvent>> requests = new ArrayList<>();
		List<CompletableFuture<Void>> answers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			List<TimesheetEvent> request = new ArrayList<>(events(50, null));
			request.set(0, submitted(request.get(0).batchId(), UUID.randomUUID(), "slow-broker-200"));
			long budget = TimeUnit.MILLISECONDS.toNanos((i % 3 == 2) ? 60_000 : 250L * i);
			requests.add(request);
			answers.add(CompletableFuture.runAsync(() -> publisher.publish(request, null, System.nanoTime() + budget),
					this.callers));
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> publisher.queued() + answers.stream().filter(CompletableFuture::isDone).count() >= 30);

		publisher.start();

		List<UUID> committed = new ArrayList<>();
		List<UUID> unsent = new ArrayList<>();
		List<UUID> unknown = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			UUID batchId = requests.get(i).get(0).batchId();
			try {
				answers.get(i).get(60, TimeUnit.SECONDS);
				committed.add(batchId);
			}
			catch (ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOf(BrokerUnavailableException.class);
				(((BrokerUnavailableException) ex.getCause()).outcomeUnknown() ? unknown : unsent).add(batchId);
			}
		}
		assertThat(this.meters.get("timesheets.ingest.publish.aborted").counter().count()).isZero();
		assertThat(committed).isNotEmpty();
		assertThat(unsent).as("requests answered before anything of them was sent").isNotEmpty();
		// no transaction aborts, so every request taken into one is committed in the end
		List<UUID> taken = new ArrayList<>(committed);
		taken.addAll(unknown);
		Map<UUID, Long> fifty = taken.stream().collect(Collectors.toMap((id) -> id, (id) -> 50L));
		Map<UUID, Long> visible = await().atMost(Duration.ofSeconds(30))
			.until(() -> countsByBatch(TopicReader.readCommitted(bootstrap, Topics.TIMESHEET_EVENTS)),
					(counts) -> counts.entrySet().containsAll(fifty.entrySet()));
		assertThat(visible).doesNotContainKeys(unsent.toArray(UUID[]::new));
	}

	@Test
	void callerWhoseTimeRunsOutInATransactionLearnsTheOutcomeIsUnknownAndARetryWithTheKeyPublishesNothingMore()
			throws Exception {
		EventPublisher publisher = publisher(Duration.ofSeconds(3), Duration.ofMillis(500), 64, 5000,
				Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, SlowSendInterceptor.class.getName()));
		publisher.start();
		UUID batchId = UUID.randomUUID();
		List<TimesheetEvent> slow = List.of(submitted(batchId, UUID.randomUUID(), "slow-broker-5000"),
				submitted(batchId, UUID.randomUUID(), "fast"));
		RequestIntent intent = new RequestIntent(batchId, "test", "POST /timesheet-batches", "f1");

		assertThatExceptionOfType(BrokerUnavailableException.class).isThrownBy(() -> publisher.publish(slow, intent))
			.satisfies((ex) -> assertThat(ex.outcomeUnknown()).isTrue());

		// the transaction went on: the events are committed, the key with them
		awaitRecordsOf(batchId, 2);
		assertThat(this.meters.get("timesheets.ingest.publish.aborted").counter().count()).isZero();
		await().atMost(Duration.ofSeconds(30)).ignoreException(BrokerUnavailableException.class).untilAsserted(() -> {
			publisher.publish(slow, intent);
			assertThat(this.meters.get("timesheets.ingest.idempotency.replayed").counter().count()).isOne();
		});
		assertThat(recordsOf(batchId)).hasSize(2);
		assertThat(TopicReader.readCommitted(bootstrap, KeyLedger.TOPIC))
			.filteredOn((record) -> record.key().equals(batchId.toString()))
			.hasSize(1);
	}

	private Map<UUID, Long> countsByBatch(List<ConsumerRecord<String, byte[]>> records) {
		return records.stream()
			.collect(Collectors.groupingBy((record) -> this.codec.decode(record.value()).batchId(),
					Collectors.counting()));
	}

	/**
	 * A publisher whose threads are not started yet: requests wait in its queue until
	 * {@link EventPublisher#start()}, but it takes them (the queue is open) meanwhile.
	 */
	private EventPublisher publisher(Duration publishTimeout, int queueCapacity, Map<String, Object> producer) {
		return publisher(publishTimeout, publishTimeout.dividedBy(5), queueCapacity, 5000, producer);
	}

	private EventPublisher publisher(Duration publishTimeout, Duration minTimeLeft, int queueCapacity,
			int groupMaxRecords, Map<String, Object> producer) {
		return publisher(publishTimeout, minTimeLeft, queueCapacity, groupMaxRecords, Duration.ZERO, producer);
	}

	private EventPublisher publisher(Duration publishTimeout, Duration minTimeLeft, int queueCapacity,
			int groupMaxRecords, Duration linger, Map<String, Object> producer) {
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
				LocalDate.of(2000, 1, 1), 1, publishTimeout, Duration.ofSeconds(5), 6, (short) 1, null, "/test", 1,
				groupMaxRecords, queueCapacity, minTimeLeft, linger,
				new IngestProperties.Idempotency(Duration.ofDays(7), 1000, Duration.ZERO, 1));
		this.ledger = KeyLedgers.loaded(properties, Clock.systemUTC(), this.meters);
		EventPublisher publisher = new EventPublisher(new KafkaTemplate<>(factory), this.codec, properties, this.ledger,
				this.meters, PublishTracing.NONE);
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
			answers.add(CompletableFuture.runAsync(() -> publisher.publish(request, null)));
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
			publisher.publish(events, null);
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
