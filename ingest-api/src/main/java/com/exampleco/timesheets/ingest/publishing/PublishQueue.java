package com.exampleco.timesheets.ingest.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The group-commit queue: requests wait here, bounded, for a publisher thread, which
 * takes whatever is waiting as one group. A group is at least one request and, in queue
 * order, more while their records fit under {@code group-max-records}. While other
 * requests are still being read and validated on their request threads
 * ({@link #expecting()}), the taking thread waits up to {@code group-linger} for them, so
 * that concurrent requests share one transaction instead of arriving just after it began;
 * a lone request never waits. A request is taken only while at least
 * {@code publish-min-time-left} of its publish timeout is left; otherwise it is answered
 * unsent (counted in {@code timesheets.ingest.publish.shed}).
 */
final class PublishQueue {

	private final BlockingQueue<PendingPublish> queue;

	private final Object takeLock = new Object();

	private final int groupMaxRecords;

	private final Duration minTimeLeft;

	private final long lingerNanos;

	private final AtomicInteger expected = new AtomicInteger();

	private final Counter shed;

	/**
	 * Taken from the queue while lingering but too large for that group: the next group's
	 * first.
	 */
	private volatile PendingPublish carried;

	PublishQueue(int capacity, int groupMaxRecords, Duration minTimeLeft, Duration linger,
			MeterRegistry meterRegistry) {
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.groupMaxRecords = groupMaxRecords;
		this.minTimeLeft = minTimeLeft;
		this.lingerNanos = linger.toNanos();
		this.shed = Counter.builder("timesheets.ingest.publish.shed")
			.description("Requests answered 503 unsent: too little of their publish timeout was left")
			.register(meterRegistry);
		Gauge.builder("timesheets.ingest.publish.queue", this.queue, BlockingQueue::size)
			.description("Requests waiting for a publisher thread")
			.register(meterRegistry);
	}

	/**
	 * Queues a request unless the queue is full.
	 * @param pending the request
	 * @return false when the queue is full (the request is not queued)
	 */
	boolean offer(PendingPublish pending) {
		return this.queue.offer(pending);
	}

	/**
	 * A request is being read and validated and will probably be queued soon: a publisher
	 * thread taking a group waits up to the linger for it. Each call is matched by one
	 * {@link #expectationEnded()}, before the request is offered or when it is refused.
	 */
	void expecting() {
		this.expected.incrementAndGet();
	}

	/** See {@link #expecting()}. */
	void expectationEnded() {
		this.expected.decrementAndGet();
	}

	/**
	 * Takes what is waiting, in queue order. Requests whose callers gave up, or with too
	 * little time left, are answered unsent and left out.
	 * @param wait how long to wait for a first request, in milliseconds
	 * @return the group, empty when nothing came in time
	 * @throws InterruptedException when interrupted while waiting
	 */
	List<PendingPublish> takeGroup(long wait) throws InterruptedException {
		List<PendingPublish> group = new ArrayList<>();
		synchronized (this.takeLock) {
			PendingPublish first = this.carried;
			this.carried = null;
			if (first == null) {
				first = this.queue.poll(wait, TimeUnit.MILLISECONDS);
			}
			if (first == null || !take(first)) {
				return group;
			}
			group.add(first);
			int records = first.records.size();
			PendingPublish next;
			while ((next = this.queue.peek()) != null && records + next.records.size() <= this.groupMaxRecords) {
				this.queue.poll();
				if (take(next)) {
					group.add(next);
					records += next.records.size();
				}
			}
			if (next == null) {
				linger(group, records);
			}
		}
		return group;
	}

	/**
	 * Waits, at most the linger, for requests still being prepared on their threads and
	 * adds them to the group while they fit; one that does not fit starts the next group.
	 */
	private void linger(List<PendingPublish> group, int records) throws InterruptedException {
		long until = System.nanoTime() + this.lingerNanos;
		long left;
		while (records < this.groupMaxRecords && this.expected.get() > 0 && (left = until - System.nanoTime()) > 0) {
			PendingPublish next = this.queue.poll(left, TimeUnit.NANOSECONDS);
			if (next == null) {
				return;
			}
			if (records + next.records.size() > this.groupMaxRecords) {
				this.carried = next;
				return;
			}
			if (take(next)) {
				group.add(next);
				records += next.records.size();
			}
		}
	}

	private boolean take(PendingPublish pending) {
		switch (pending.take(this.minTimeLeft.toNanos())) {
			case TAKEN:
				return true;
			case TOO_LATE:
				this.shed.increment();
				pending.fail(new BrokerUnavailableException("less than " + this.minTimeLeft
						+ " of the publish timeout was left when a publisher took the request; nothing of it was sent",
						null));
				return false;
			default:
				pending.fail(new BrokerUnavailableException("the caller gave up; nothing was sent", null));
				return false;
		}
	}

	/**
	 * Answers every waiting request 503 and empties the queue.
	 * @param why the reason, for the log
	 */
	void failAll(String why) {
		synchronized (this.takeLock) {
			if (this.carried != null) {
				this.carried.fail(new BrokerUnavailableException(why, null));
				this.carried = null;
			}
		}
		PendingPublish left;
		while ((left = this.queue.poll()) != null) {
			left.fail(new BrokerUnavailableException(why, null));
		}
	}

	boolean isEmpty() {
		return this.queue.isEmpty() && this.carried == null;
	}

	int size() {
		return this.queue.size() + ((this.carried != null) ? 1 : 0);
	}

}
