package com.exampleco.timesheets.ingest.publishing;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queued request leaves {@code QUEUED} exactly once: taken into a transaction, or
 * abandoned (caller gave up, too little time left); whichever comes first wins.
 */
class PendingPublishTests {

	static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	@Test
	void requestTakenIntoATransactionCannotBeAbandonedUnsent() {
		PendingPublish pending = new PendingPublish(List.of(), System.nanoTime() + 10 * SECOND);

		assertThat(pending.take(SECOND)).isEqualTo(PendingPublish.Take.TAKEN);
		assertThat(pending.abandon()).as("in a transaction: outcome unknown, not unsent").isFalse();
	}

	@Test
	void requestAbandonedByItsCallerIsNeverTaken() {
		PendingPublish pending = new PendingPublish(List.of(), System.nanoTime() + 10 * SECOND);

		assertThat(pending.abandon()).isTrue();
		assertThat(pending.take(SECOND)).isEqualTo(PendingPublish.Take.ABANDONED);
		assertThat(pending.abandon()).as("still unsent").isTrue();
	}

	@Test
	void requestWithTooLittleTimeLeftIsShedOnceAndStaysUnsent() {
		PendingPublish pending = new PendingPublish(List.of(), System.nanoTime() + SECOND);

		assertThat(pending.take(5 * SECOND)).isEqualTo(PendingPublish.Take.TOO_LATE);
		assertThat(pending.take(0)).as("shed once: not taken later").isEqualTo(PendingPublish.Take.ABANDONED);
		assertThat(pending.abandon()).isTrue();
	}

	@Test
	void requestIsTakenOnlyOnce() {
		PendingPublish pending = new PendingPublish(List.of(), System.nanoTime() + 10 * SECOND);

		assertThat(pending.take(0)).isEqualTo(PendingPublish.Take.TAKEN);
		assertThat(pending.take(0)).isEqualTo(PendingPublish.Take.ABANDONED);
	}

}
