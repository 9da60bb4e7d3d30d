package com.exampleco.timesheets.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets or moves forward, in UTC; safe to read from other threads.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * A clock standing at the given instant.
	 * @param now the instant it shows until set or advanced
	 */
	public MutableClock(Instant now) {
		this.now = now;
	}

	/**
	 * Sets the instant the clock shows.
	 * @param now the new instant
	 */
	public void set(Instant now) {
		this.now = now;
	}

	/**
	 * Moves the clock.
	 * @param duration how far (negative moves it back)
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
