package com.exampleco.timesheets.ingest.publishing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
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

	/**
	 * The caller waits for the answer, at most until the deadline.
	 * @param publishTimeout the publish timeout, for the messages
	 * @param unknownOutcomes counts answers given while the transaction may still commit
	 * @throws BrokerUnavailableException when the request was not committed in time:
	 * never sent, aborted, or in a transaction still going on (outcome unknown)
	 */
	void await(Duration publishTimeout, Counter unknownOutcomes) {
		try {
			this.result.get(Math.max(0, this.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			if (abandon()) {
				BrokerUnavailableException unsent = new BrokerUnavailableException(
						"the broker did not take the request within " + publishTimeout + "; nothing of it was sent",
						ex);
				fail(unsent);
				throw unsent;
			}
			if (this.result.isDone() && !this.result.isCompletedExceptionally()) {
				return;
			}
			// in a transaction that has not committed yet: it goes on and may commit
			unknownOutcomes.increment();
			throw new BrokerUnavailableException(
					"the transaction holding the request did not commit within " + publishTimeout, ex, true);
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
			boolean unsent = abandon();
			BrokerUnavailableException interrupted = new BrokerUnavailableException("interrupted while publishing", ex,
					!unsent);
			if (unsent) {
				fail(interrupted);
			}
			throw interrupted;
		}
	}

	void complete() {
		this.result.complete(null);
	}

	void fail(Throwable cause) {
		this.result.completeExceptionally(cause);
	}

}
