package com.exampleco.timesheets.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.EventType;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.ingest.config.IngestProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the events of one request atomically: all of them in one Kafka transaction,
 * returning only after the broker committed it. Readers with
 * {@code isolation.level=read_committed} see all of a request's events or none.
 * <p>
 * Group commit: requests wait in a bounded queue; each of {@code publish-concurrency}
 * publisher threads takes whatever is waiting (up to {@code group-max-records} records,
 * always at least one request), sends it all in one transaction and commits once, then
 * answers every request of the group. A request's events are therefore always in exactly
 * one committed transaction (several requests may share it); if the transaction fails,
 * every request of it is answered 503 and none of their events becomes visible. A full
 * queue is answered 503 at once. A request is taken into a transaction only while at
 * least {@code publish-min-time-left} of its publish timeout is left; otherwise it is
 * answered 503 and nothing of it is sent. Once in a transaction, a request never makes
 * the transaction abort: if its time runs out before the commit, it is answered 503 with
 * an unknown outcome and the transaction goes on.
 * <p>
 * A request with an {@code Idempotency-Key} is first decided by {@link KeyLedger} (same
 * request: nothing is published; another request: refused); a new key's record is sent to
 * {@value KeyLedger#TOPIC} in the request's transaction.
 */
@Component
public class EventPublisher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(EventPublisher.class);

	private static final byte[] SPEC_VERSION = utf8(CloudEventHeaders.SPEC_VERSION);

	private static final byte[] CONTENT_TYPE_JSON = utf8(CloudEventHeaders.CONTENT_TYPE_JSON);

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final byte[] sourceBytes;

	private final TimesheetEventCodec codec;

	private final IngestProperties properties;

	private final KeyLedger ledger;

	private final long minTimeLeftNanos;

	private final Timer publishTimer;

	private final Counter abortedTransactions;

	private final Counter shedRequests;

	private final Counter unknownOutcomes;

	private final DistributionSummary requestsPerTransaction;

	private final BlockingQueue<PendingPublish> queue;

	private final List<Thread> workers = new ArrayList<>();

	private final Object takeLock = new Object();

	private volatile boolean accepting;

	private volatile boolean running;

	EventPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, TimesheetEventCodec codec, IngestProperties properties,
			KeyLedger ledger, MeterRegistry meterRegistry) {
		this.kafkaTemplate = kafkaTemplate;
		this.codec = codec;
		this.properties = properties;
		this.ledger = ledger;
		this.minTimeLeftNanos = properties.publishMinTimeLeft().toNanos();
		this.sourceBytes = utf8(properties.eventSource());
		this.queue = new ArrayBlockingQueue<>(properties.publishQueueCapacity());
		this.publishTimer = Timer.builder("timesheets.ingest.publish")
			.description("Time from the start of a (possibly shared) Kafka transaction to its commit")
			.publishPercentileHistogram()
			.register(meterRegistry);
		this.requestsPerTransaction = DistributionSummary.builder("timesheets.ingest.publish.requests")
			.description("Requests committed together in one Kafka transaction")
			.register(meterRegistry);
		this.abortedTransactions = Counter.builder("timesheets.ingest.publish.aborted")
			.description("Kafka transactions that did not commit (a send or the commit failed)")
			.register(meterRegistry);
		this.shedRequests = Counter.builder("timesheets.ingest.publish.shed")
			.description("Requests answered 503 unsent: too little of their publish timeout was left")
			.register(meterRegistry);
		this.unknownOutcomes = Counter.builder("timesheets.ingest.publish.unknown")
			.description("Requests answered 503 while their transaction could still commit")
			.register(meterRegistry);
		Gauge.builder("timesheets.ingest.publish.queue", this.queue, BlockingQueue::size)
			.description("Requests waiting for a publisher thread")
			.register(meterRegistry);
	}

	/**
	 * Publishes a request's events in one transaction and waits for the commit.
	 * @param events the events of one request, in order
	 * @param intent what the request's {@code Idempotency-Key} names, or null when it has
	 * none
	 * @throws IdempotencyKeyReusedException when the key was accepted for another
	 * request; nothing is published
	 * @throws BrokerUnavailableException when the broker did not commit within the
	 * publish timeout, or too many requests are waiting for it; the caller must not
	 * acknowledge the request
	 */
	public void publish(List<TimesheetEvent> events, RequestIntent intent) {
		publish(events, intent, System.nanoTime() + this.properties.publishTimeout().toNanos());
	}

	/**
	 * As {@link #publish(List, RequestIntent)}, with the deadline given.
	 * @param events the events
	 * @param intent the key's intent, or null
	 * @param deadline the {@link System#nanoTime()} by which the request is answered
	 */
	void publish(List<TimesheetEvent> events, RequestIntent intent, long deadline) {
		if (!this.accepting) {
			throw new BrokerUnavailableException("publisher is stopped", null);
		}
		KeyLedger.Claim claim = null;
		if (intent != null) {
			claim = this.ledger.begin(intent, deadline);
			if (claim == null) {
				// accepted before for this same request: answer as then, publish nothing
				return;
			}
		}
		PendingPublish pending;
		try {
			List<ProducerRecord<String, byte[]>> records = toRecords(events);
			if (claim != null) {
				records.add(claim.record(events.size()));
			}
			pending = new PendingPublish(records, deadline);
		}
		catch (RuntimeException ex) {
			if (claim != null) {
				claim.settle(false);
			}
			throw ex;
		}
		if (claim != null) {
			KeyLedger.Claim settled = claim;
			// the transaction's outcome, not the caller's wait, releases the key
			pending.result.whenComplete((ok, failure) -> settled.settle(failure == null));
		}
		if (!this.queue.offer(pending)) {
			pending.fail(new BrokerUnavailableException("too many publishes waiting for the broker", null));
			throw new BrokerUnavailableException("too many publishes waiting for the broker", null);
		}
		await(pending);
	}

	private void await(PendingPublish pending) {
		try {
			pending.result.get(Math.max(0, pending.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			if (pending.abandon()) {
				BrokerUnavailableException unsent = new BrokerUnavailableException(
						"the broker did not take the request within " + this.properties.publishTimeout()
								+ "; nothing of it was sent",
						ex);
				pending.fail(unsent);
				throw unsent;
			}
			if (pending.result.isDone() && !pending.result.isCompletedExceptionally()) {
				return;
			}
			// in a transaction that has not committed yet: it goes on and may commit
			this.unknownOutcomes.increment();
			throw new BrokerUnavailableException(
					"the transaction holding the request did not commit within " + this.properties.publishTimeout(), ex,
					true);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof BrokerUnavailableException unavailable) {
				throw new BrokerUnavailableException(unavailable.getMessage(), unavailable,
						unavailable.outcomeUnknown());
			}
			throw new BrokerUnavailableException("publishing failed: " + ex.getCause().getClass().getSimpleName(),
					ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			boolean unsent = pending.abandon();
			BrokerUnavailableException interrupted = new BrokerUnavailableException("interrupted while publishing", ex,
					!unsent);
			if (unsent) {
				pending.fail(interrupted);
			}
			throw interrupted;
		}
	}

	private void work() {
		List<PendingPublish> group = new ArrayList<>();
		while (this.running || !this.queue.isEmpty()) {
			group.clear();
			try {
				takeGroup(group);
				publishGroup(group);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				for (PendingPublish pending : group) {
					pending.fail(new BrokerUnavailableException("publisher stopped", ex));
				}
				return;
			}
			catch (RuntimeException | Error ex) {
				logger.error("Publisher thread failed", ex);
				for (PendingPublish pending : group) {
					pending.fail(ex);
				}
			}
		}
	}

	/**
	 * Takes what is waiting, in queue order: at least one request, more while they fit
	 * under the record cap. Requests whose callers gave up, or with less than
	 * {@code publish-min-time-left} left, are answered unsent.
	 */
	private void takeGroup(List<PendingPublish> group) throws InterruptedException {
		synchronized (this.takeLock) {
			PendingPublish first = this.queue.poll(100, TimeUnit.MILLISECONDS);
			if (first == null || !claim(first)) {
				return;
			}
			group.add(first);
			int records = first.records.size();
			PendingPublish next;
			while ((next = this.queue.peek()) != null
					&& records + next.records.size() <= this.properties.groupMaxRecords()) {
				this.queue.poll();
				if (claim(next)) {
					group.add(next);
					records += next.records.size();
				}
			}
		}
	}

	private boolean claim(PendingPublish pending) {
		switch (pending.claim(this.minTimeLeftNanos)) {
			case CLAIMED:
				return true;
			case TOO_LATE:
				this.shedRequests.increment();
				pending.fail(new BrokerUnavailableException("less than " + this.properties.publishMinTimeLeft()
						+ " of the publish timeout was left when a publisher took the request; nothing of it was sent",
						null));
				return false;
			default:
				pending.fail(new BrokerUnavailableException("the caller gave up; nothing was sent", null));
				return false;
		}
	}

	private void publishGroup(List<PendingPublish> group) {
		if (group.isEmpty()) {
			return;
		}
		int records = 0;
		for (PendingPublish pending : group) {
			records += pending.records.size();
		}
		long start = System.nanoTime();
		AtomicBoolean committing = new AtomicBoolean();
		try {
			sendInTransaction(group, records, committing);
			this.publishTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			this.requestsPerTransaction.record(group.size());
			for (PendingPublish pending : group) {
				pending.result.complete(null);
			}
		}
		catch (RuntimeException ex) {
			Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
			this.abortedTransactions.increment();
			logger.warn("Publishing {} events of {} request(s) failed {}: {}", records, group.size(),
					committing.get() ? "while committing (outcome unknown)" : "(aborted)", cause.toString());
			for (PendingPublish pending : group) {
				pending.fail(new BrokerUnavailableException("publishing failed: " + cause.getClass().getSimpleName(),
						cause, committing.get()));
			}
		}
	}

	private void sendInTransaction(List<PendingPublish> group, int records, AtomicBoolean committing) {
		this.kafkaTemplate.executeInTransaction((operations) -> {
			List<CompletableFuture<?>> sends = new ArrayList<>(records);
			// one request's records in its order, requests in queue order: the same key
			// goes to the same partition, so a request's events keep their order
			for (PendingPublish pending : group) {
				for (ProducerRecord<String, byte[]> record : pending.records) {
					sends.add(operations.send(record));
				}
			}
			// Every send must have succeeded before the commit: a failed send throws
			// here, and the template aborts the transaction, so no partial batch
			// becomes visible. No member's deadline aborts it: members were taken with
			// enough time left, and one whose caller gave up meanwhile was answered
			// "outcome unknown".
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
			// from here on a failure is the commit's: its outcome is unknown
			committing.set(true);
			return null;
		});
	}

	/**
	 * The records of a request: value, key = timesheet id, and the CloudEvents headers of
	 * {@link CloudEventHeaders#of}, in its order. The values shared by a request's events
	 * (spec version, type, source, time, schema, content type) are encoded once per
	 * request rather than once per event.
	 * @param events the events of one request
	 * @return the records, in order
	 */
	List<ProducerRecord<String, byte[]>> toRecords(List<TimesheetEvent> events) {
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
		Instant time = null;
		byte[] timeBytes = null;
		EventType type = null;
		int version = -1;
		byte[] typeBytes = null;
		byte[] schemaBytes = null;
		for (TimesheetEvent event : events) {
			if (!event.occurredAt().equals(time)) {
				time = event.occurredAt();
				timeBytes = utf8(DateTimeFormatter.ISO_INSTANT.format(time));
			}
			if (event.eventType() != type || event.schemaVersion() != version) {
				type = event.eventType();
				version = event.schemaVersion();
				typeBytes = utf8(type.cloudEventType(version));
				schemaBytes = utf8(CloudEventHeaders.SCHEMA_BASE_URI + type.schemaResource(version));
			}
			String timesheetId = event.timesheetId().toString();
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TIMESHEET_EVENTS, null,
					time.toEpochMilli(), timesheetId, this.codec.encode(event));
			Headers headers = record.headers();
			headers.add(CloudEventHeaders.SPECVERSION, SPEC_VERSION);
			headers.add(CloudEventHeaders.ID, utf8(event.eventId().toString()));
			headers.add(CloudEventHeaders.TYPE, typeBytes);
			headers.add(CloudEventHeaders.SOURCE, this.sourceBytes);
			headers.add(CloudEventHeaders.TIME, timeBytes);
			headers.add(CloudEventHeaders.SUBJECT, utf8(timesheetId));
			headers.add(CloudEventHeaders.DATASCHEMA, schemaBytes);
			headers.add(CloudEventHeaders.CONTENT_TYPE, CONTENT_TYPE_JSON);
			records.add(record);
		}
		return records;
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/** Takes requests into the queue; publisher threads start with {@link #start()}. */
	synchronized void open() {
		this.accepting = true;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.accepting = true;
		this.running = true;
		for (int i = 0; i < this.properties.publishConcurrency(); i++) {
			Thread worker = new Thread(this::work, "publish-" + i);
			worker.setDaemon(true);
			worker.start();
			this.workers.add(worker);
		}
	}

	/**
	 * Stops taking requests, lets the publisher threads finish what is queued (each
	 * request is bounded by its publish timeout), then stops them.
	 */
	@Override
	public synchronized void stop() {
		this.accepting = false;
		this.running = false;
		long deadline = System.nanoTime() + this.properties.publishTimeout().toNanos() + 1_000_000_000L;
		for (Thread worker : this.workers) {
			try {
				worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		for (Thread worker : this.workers) {
			worker.interrupt();
		}
		this.workers.clear();
		PendingPublish left;
		while ((left = this.queue.poll()) != null) {
			left.fail(new BrokerUnavailableException("publisher stopped", null));
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Starts before the web server and stops after it (Boot starts and stops the web
	 * server at {@code DEFAULT_PHASE - 2048}, its graceful shutdown at
	 * {@code DEFAULT_PHASE - 1024}; lower phases start first and stop last), so no
	 * request arrives before the publisher runs and requests still in flight during a
	 * graceful shutdown are published or answered.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/**
	 * The requests waiting for a publisher thread.
	 * @return the number of queued requests
	 */
	int queued() {
		return this.queue.size();
	}

	/** What {@link PendingPublish#claim} found. */
	private enum Take {

		/** Taken into a transaction. */
		CLAIMED,

		/** Too little time left: answer it unsent. */
		TOO_LATE,

		/** Its caller gave up already. */
		ABANDONED

	}

	/** One request's records and the answer its thread waits for. */
	private static final class PendingPublish {

		private static final int QUEUED = 0;

		private static final int CLAIMED = 1;

		private static final int ABANDONED = 2;

		final List<ProducerRecord<String, byte[]>> records;

		final long deadline;

		final CompletableFuture<Void> result = new CompletableFuture<>();

		private final AtomicInteger state = new AtomicInteger(QUEUED);

		PendingPublish(List<ProducerRecord<String, byte[]>> records, long deadline) {
			this.records = records;
			this.deadline = deadline;
		}

		/**
		 * The publisher takes it into a transaction, unless its caller gave up or less
		 * than the given time is left.
		 */
		Take claim(long minTimeLeftNanos) {
			if (this.deadline - System.nanoTime() < minTimeLeftNanos) {
				return this.state.compareAndSet(QUEUED, ABANDONED) ? Take.TOO_LATE : Take.ABANDONED;
			}
			return this.state.compareAndSet(QUEUED, CLAIMED) ? Take.CLAIMED : Take.ABANDONED;
		}

		/**
		 * The caller gives up (timeout).
		 * @return true when the request was still queued and will never be sent; false
		 * when it is in a transaction whose outcome is not known yet
		 */
		boolean abandon() {
			return this.state.compareAndSet(QUEUED, ABANDONED) || this.state.get() == ABANDONED;
		}

		void fail(Throwable cause) {
			this.result.completeExceptionally(cause);
		}

	}

}
