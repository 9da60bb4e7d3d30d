package com.exampleco.timesheets.uploader.upload;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import com.exampleco.timesheets.uploader.config.UploaderProperties;
import org.jspecify.annotations.Nullable;

/**
 * Retry delays: exponential with "equal jitter" (a random time between half and all of
 * the exponential delay, so that concurrent clients spread out), never shorter than the
 * server's {@code Retry-After}.
 */
public class Backoff {

	private final UploaderProperties.Backoff settings;

	private final DoubleSupplier random;

	public Backoff(UploaderProperties.Backoff settings) {
		this(settings, () -> ThreadLocalRandom.current().nextDouble());
	}

	Backoff(UploaderProperties.Backoff settings, DoubleSupplier random) {
		this.settings = settings;
		this.random = random;
	}

	/**
	 * The wait before a retry.
	 * @param retry one-based number of the retry
	 * @param retryAfter the server's {@code Retry-After}, or null
	 * @return the delay, never negative
	 */
	public Duration delay(int retry, @Nullable Duration retryAfter) {
		double exponential = this.settings.initialDelay().toMillis()
				* Math.pow(this.settings.multiplier(), Math.max(0, retry - 1));
		double capped = Math.min(this.settings.maxDelay().toMillis(), exponential);
		long jittered = (long) (capped / 2 + this.random.getAsDouble() * capped / 2);
		Duration delay = Duration.ofMillis(jittered);
		return (retryAfter != null && retryAfter.compareTo(delay) > 0) ? retryAfter : delay;
	}

}
