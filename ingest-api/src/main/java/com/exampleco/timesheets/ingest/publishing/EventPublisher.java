package com.exampleco.timesheets.ingest.publishing;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.ingest.config.IngestProperties;
import com.exampleco.timesheets.ingest.idempotency.IdempotencyKeyReusedException;
import com.exampleco.timesheets.ingest.idempotency.KeyLedger;
import com.exampleco.timesheets.ingest.idempotency.RequestIntent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the events of one request atomically: all of them in one Kafka transaction,
 * returning only after the broker committed it. Readers with
 * {@code isolation.level=read_committed} see all of a request's events or none.
 * <p>
 * The request's records ({@link EventRecords}) wait in the group-commit queue
 * ({@link PublishQueue}, full: 503 at once) until one of the publisher threads
 * ({@link GroupCommitter}) takes them, with whatever else is waiting, into one shared
 * transaction. The request thread waits at most until its deadline; a request still
 * queued then is never sent, one already in a transaction is answered 503 with an unknown
 * outcome while the transaction goes on.
 * <p>
 * A request with an {@code Idempotency-Key} is first decided by {@link KeyLedger} (same
 * request: nothing is published; another request: refused); a new key's record is sent in
 * the request's transaction.
 */
@Component
public class EventPublisher implements SmartLifecycle {

	/** Whether requests are taken and published. */
	private enum State {

		/** Not started, or stopped: requests are refused. */
		CLOSED,

		/** Requests are queued, no publisher thread runs yet (tests). */
		OPEN,

		/** Requests are queued and published. */
		RUNNING

	}

	private final IngestProperties properties;

	private final KeyLedger ledger;

	private final EventRecords records;

	private final PublishQueue queue;

	private final GroupCommitter committer;

	private final Counter unknownOutcomes;

	private final PublishTracing tracing;

	private final ThreadLocal<Upcoming> announced = new ThreadLocal<>();

	private volatile State state = State.CLOSED;

	EventPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, TimesheetEventCodec codec, IngestProperties properties,
			KeyLedger ledger, MeterRegistry meterRegistry, PublishTracing tracing) {
		this.properties = properties;
		this.tracing = tracing;
		this.ledger = ledger;
		this.records = new EventRecords(codec, properties.eventSource());
		this.queue = new PublishQueue(properties.publishQueueCapacity(), properties.groupMaxRecords(),
				properties.publishMinTimeLeft(), properties.groupLinger(), meterRegistry);
		this.committer = new GroupCommitter(kafkaTemplate, this.queue, properties.publishConcurrency(), meterRegistry);
		this.unknownOutcomes = Counter.builder("timesheets.ingest.publish.unknown")
			.description("Requests answered 503 while their transaction could still commit")
			.register(meterRegistry);
	}

	/**
	 * Announces a request whose events are about to be built (read, validated, encoded):
	 * a publisher thread that takes a group meanwhile waits for it up to
	 * {@code group-linger}, so concurrent requests share a transaction. The announcement
	 * belongs to the calling thread: its next {@link #publish} ends it when the request
	 * is queued; close it in any case (try-with-resources) for a request that is refused
	 * before.
	 * @return the announcement
	 */
	public Upcoming upcoming() {
		this.queue.expecting();
		Upcoming upcoming = new Upcoming(this.queue, this.announced);
		this.announced.set(upcoming);
		return upcoming;
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
		long deadline = System.nanoTime() + this.properties.publishTimeout().toNanos();
		Upcoming upcoming = this.announced.get();
		this.tracing.publish(events.size(), () -> {
			publish(events, intent, deadline, upcoming);
			return null;
		});
	}

	/**
	 * As {@link #publish(List, RequestIntent)}, with the deadline given.
	 * @param events the events
	 * @param intent the key's intent, or null
	 * @param deadline the {@link System#nanoTime()} by which the request is answered
	 */
	void publish(List<TimesheetEvent> events, RequestIntent intent, long deadline) {
		publish(events, intent, deadline, null);
	}

	private void publish(List<TimesheetEvent> events, RequestIntent intent, long deadline, Upcoming upcoming) {
		PendingPublish pending;
		try (upcoming) {
			pending = pending(events, intent, deadline);
		}
		if (pending == null) {
			// accepted before for this same request: answer as then, publish nothing
			return;
		}
		if (!this.queue.offer(pending)) {
			pending.fail(new BrokerUnavailableException("too many publishes waiting for the broker", null));
			throw new BrokerUnavailableException("too many publishes waiting for the broker", null);
		}
		pending.await(this.properties.publishTimeout(), this.unknownOutcomes);
	}

	/**
	 * The request's records, with the new key's record when it has one.
	 * @return the request to queue, or null when its key was accepted before for this
	 * same request
	 */
	private PendingPublish pending(List<TimesheetEvent> events, RequestIntent intent, long deadline) {
		if (this.state == State.CLOSED) {
			throw new BrokerUnavailableException("publisher is stopped", null);
		}
		KeyLedger.Claim claim = (intent != null) ? this.ledger.begin(intent, deadline) : null;
		if (intent != null && claim == null) {
			return null;
		}
		PendingPublish pending;
		try {
			List<ProducerRecord<String, byte[]>> request = this.records.of(events);
			this.tracing.addTraceHeaders(request);
			if (claim != null) {
				request.add(claim.record(events.size()));
			}
			pending = new PendingPublish(request, deadline);
		}
		catch (RuntimeException ex) {
			if (claim != null) {
				claim.settle(false);
			}
			throw ex;
		}
		if (claim != null) {
			// the transaction's outcome, not the caller's wait, releases the key
			pending.result.whenComplete((ok, failure) -> claim.settle(failure == null));
		}
		return pending;
	}

	/**
	 * A request announced by {@link #upcoming()}: closed once (closing again, or closing
	 * null in try-with-resources, does nothing).
	 */
	public static final class Upcoming implements AutoCloseable {

		private final PublishQueue queue;

		private final ThreadLocal<Upcoming> announced;

		private final AtomicBoolean open = new AtomicBoolean(true);

		private Upcoming(PublishQueue queue, ThreadLocal<Upcoming> announced) {
			this.queue = queue;
			this.announced = announced;
		}

		@Override
		public void close() {
			if (this.open.compareAndSet(true, false)) {
				this.queue.expectationEnded();
			}
			if (this.announced.get() == this) {
				this.announced.remove();
			}
		}

	}

	/** Takes requests into the queue; publisher threads start with {@link #start()}. */
	synchronized void open() {
		if (this.state == State.CLOSED) {
			this.state = State.OPEN;
		}
	}

	@Override
	public synchronized void start() {
		if (this.state != State.RUNNING) {
			this.state = State.RUNNING;
			this.committer.start();
		}
	}

	/**
	 * Stops taking requests, lets the publisher threads finish what is queued (each
	 * request is bounded by its publish timeout), then stops them and answers anything
	 * left 503.
	 */
	@Override
	public synchronized void stop() {
		this.state = State.CLOSED;
		this.committer.stop(System.nanoTime() + this.properties.publishTimeout().toNanos() + 1_000_000_000L);
		this.queue.failAll("publisher stopped");
	}

	@Override
	public boolean isRunning() {
		return this.state == State.RUNNING;
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

}
