package com.exampleco.timesheets.launcher.process;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PollingTests {

	private final Polling polling = new Polling(Duration.ofMillis(300), Duration.ofMillis(10));

	@Test
	void returnsOnceTheConditionHolds() {
		AtomicInteger attempts = new AtomicInteger();

		this.polling.until(() -> attempts.incrementAndGet() == 3, () -> null, () -> "timed out");

		assertThat(attempts).hasValue(3);
	}

	@Test
	void givesUpAtOnceWhenWhatItWaitsOnIsGone() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatIllegalStateException()
			.isThrownBy(() -> this.polling.until(() -> attempts.incrementAndGet() > 100, () -> "exited with code 1",
					() -> "timed out"))
			.withMessage("exited with code 1");
		assertThat(attempts).hasValue(0);
	}

	@Test
	void givesUpWhenTheTimeRunsOut() {
		long started = System.nanoTime();

		assertThatIllegalStateException()
			.isThrownBy(() -> this.polling.until(() -> false, () -> null, () -> "timed out"))
			.withMessage("timed out");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

}
