package com.exampleco.timesheets.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Keeps an injected fault in place for a while (holding a fault, not waiting for a
 * result).
 */
final class Outage {

	static final Duration LENGTH = Duration.ofSeconds(Long.getLong("systemtests.outage-seconds", 20));

	private Outage() {
	}

	static void holdUntil(Instant since, Duration length) {
		long remaining = Duration.between(Instant.now(), since.plus(length)).toMillis();
		if (remaining > 0) {
			try {
				TimeUnit.MILLISECONDS.sleep(remaining);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
