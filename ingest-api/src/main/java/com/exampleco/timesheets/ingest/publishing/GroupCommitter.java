package com.exampleco.timesheets.ingest.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * The publisher threads. Each takes a group from the {@link PublishQueue}, sends all its
 * records in one Kafka transaction, waits for every send, commits once, and then answers
 * every request of the group. If the transaction fails, every request of it is answered
 * 503 ({@link BrokerUnavailableException}, with an unknown outcome when the commit itself
 * failed) and none of its records becomes visible to {@code read_committed} readers. No
 * member's deadline aborts a transaction.
 */
final class GroupCommitter {

	private static final Logger logger = LoggerFactory.getLogger(GroupCommitter.class);

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final PublishQueue queue;

	private final int threads;

	private final Timer publishTimer;

	private final DistributionSummary requestsPerTransaction;

	private final DistributionSummary recordsPerTransaction;

	private final Counter abortedTransactions;

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	GroupCommitter(KafkaTemplate<String, byte[]> kafkaTemplate, PublishQueue queue, int threads,
			MeterRegistry meterRegistry) {
		this.kafkaTemplate = kafkaTemplate;
		this.queue = queue;
		this.threads = threads;
		this.publishTimer = Timer.builder("timesheets.ingest.publish")
			.description("Time from the start of a (possibly shared) Kafka transaction to its commit")
			.publishPercentileHistogram()
			.register(meterRegistry);
		this.requestsPerTransaction = DistributionSummary.builder("timesheets.ingest.publish.group.size")
			.description("Requests committed together in one Kafka transaction")
			.register(meterRegistry);
		this.recordsPerTransaction = DistributionSummary.builder("timesheets.ingest.publish.group.entries")
			.description("Records (events, and a new Idempotency-Key's record) committed in one Kafka transaction")
			.register(meterRegistry);
		this.abortedTransactions = Counter.builder("timesheets.ingest.publish.aborted")
			.description("Kafka transactions that did not commit (a send or the commit failed)")
			.register(meterRegistry);
	}

	/** Starts the publisher threads. */
	void start() {
		this.running = true;
		for (int i = 0; i < this.threads; i++) {
			Thread worker = new Thread(this::work, "publish-" + i);
			worker.setDaemon(true);
			worker.start();
			this.workers.add(worker);
		}
	}

	/**
	 * Lets the threads publish what is queued, until the deadline, then stops them.
	 * @param deadline the {@link System#nanoTime()} after which threads are interrupted
	 */
	void stop(long deadline) {
		this.running = false;
		for (Thread worker : this.workers) {
			try {
				worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.workers.forEach(Thread::interrupt);
		this.workers.clear();
	}

	private void work() {
		while (this.running || !this.queue.isEmpty()) {
			List<PendingPublish> group = List.of();
			try {
				group = this.queue.takeGroup(100);
				if (!group.isEmpty()) {
					commit(group);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				group.forEach((pending) -> pending.fail(new BrokerUnavailableException("publisher stopped", ex)));
				return;
			}
			catch (RuntimeException | Error ex) {
				logger.error("Publisher thread failed", ex);
				group.forEach((pending) -> pending.fail(ex));
			}
		}
	}

	private void commit(List<PendingPublish> group) {
		int records = group.stream().mapToInt((pending) -> pending.records.size()).sum();
		long start = System.nanoTime();
		AtomicBoolean committing = new AtomicBoolean();
		try {
			sendInTransaction(group, records, committing);
			this.publishTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			this.requestsPerTransaction.record(group.size());
			this.recordsPerTransaction.record(records);
			group.forEach(PendingPublish::complete);
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

}
