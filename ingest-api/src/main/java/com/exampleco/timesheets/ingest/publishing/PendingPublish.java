package com.exampleco.timesheets.ingest.publishing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One request waiting in the {@link PublishQueue}: its records, its deadline, and the
 * answer its thread waits for. Its {@link State} decides, once, whether a publisher takes
 * it into a transaction or its caller gives up first.
 */
final class PendingPublish {

	/** Where a request is; it leaves {@link #QUEUED} once, by one compare-and-set. */
	enum State {

		/** Waiting for a publisher thread. */
		QUEUED,

		/** Taken into a transaction: its outcome is the transaction's. */
		IN_TRANSACTION,

		/** Never sent: its caller gave up, or too little time was left. */
		ABANDONED

	}

	/** What {@link #take} found. */
	enum Take {

		/** Taken into a transaction. */
		TAKEN,

		/** Too little time left: answer it unsent. */
		TOO_LATE,

		/** Its caller gave up already. */
		ABANDONED

	}

	final List<ProducerRecord<String, byte[]>> records;

	final long deadline;

	final CompletableFuture<Void> result = new CompletableFuture<>();

	private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);

	PendingPublish(List<ProducerRecord<String, byte[]>> records, long deadline) {
		this.records = records;
		this.deadline = deadline;
	}

	/**
	 * A publisher takes it into a transaction, unless its caller gave up or less than the
	 * given time is left.
	 * @param minTimeLeftNanos the least time that must be left
	 * @return what happened
	 */
	Take take(long minTimeLeftNanos) {
		if (this.deadline - System.nanoTime() < minTimeLeftNanos) {
			return this.state.compareAndSet(State.QUEUED, State.ABANDONED) ? Take.TOO_LATE : Take.ABANDONED;
		}
		return this.state.compareAndSet(State.QUEUED, State.IN_TRANSACTION) ? Take.TAKEN : Take.ABANDONED;
	}

	/**
	 * The caller gives up (timeout).
	 * @return true when the request was still queued and will never be sent; false when
	 * it is in a transaction whose outcome is not known yet
	 */
	boolean abandon() {
		return this.state.compareAndSet(State.QUEUED, State.ABANDONED) || this.state.get() == State.ABANDONED;
	}

	void complete() {
		this.result.complete(null);
	}

	void fail(Throwable cause) {
		this.result.completeExceptionally(cause);
	}

}
