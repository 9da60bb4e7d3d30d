package com.exampleco.timesheets.launcher.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for something a child process or container does: poll a condition until it
 * holds, giving up at once when the thing waited on is gone, or when the time runs out.
 *
 * @param timeout how long to wait
 * @param interval the pause between attempts
 */
public record Polling(Duration timeout, Duration interval) {

	/**
	 * Polls until the condition holds.
	 * @param condition what to wait for
	 * @param gone before each attempt: a message when waiting is pointless (the process
	 * exited), else null
	 * @param timedOut the message when the time runs out
	 * @throws IllegalStateException with {@code gone}'s or {@code timedOut}'s message, or
	 * when interrupted
	 */
	public void until(BooleanSupplier condition, Supplier<String> gone, Supplier<String> timedOut) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (true) {
			String why = gone.get();
			if (why != null) {
				throw new IllegalStateException(why);
			}
			if (condition.getAsBoolean()) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(timedOut.get());
			}
			try {
				Thread.sleep(this.interval.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}
	}

}
