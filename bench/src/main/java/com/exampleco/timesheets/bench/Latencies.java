package com.exampleco.timesheets.bench;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, thread-safe, with nearest-rank percentiles. Keeps every
 * sample (a run records at most a few million), so percentiles are exact.
 */
public final class Latencies {

	private long[] samples = new long[1024];

	private int size;

	/**
	 * Records one sample.
	 * @param nanos the latency in nanoseconds, not negative
	 */
	public synchronized void record(long nanos) {
		if (nanos < 0) {
			throw new IllegalArgumentException("negative latency: " + nanos);
		}
		if (this.size == this.samples.length) {
			this.samples = Arrays.copyOf(this.samples, this.size * 2);
		}
		this.samples[this.size++] = nanos;
	}

	/**
	 * How many samples were recorded.
	 * @return the count
	 */
	public synchronized int count() {
		return this.size;
	}

	/**
	 * The nearest-rank percentile: the smallest sample such that at least {@code p}
	 * percent of the samples are less than or equal to it.
	 * @param p the percentile, 0 &lt; p ≤ 100
	 * @return the sample in nanoseconds, or -1 when there is none
	 */
	public synchronized long percentile(double p) {
		if (!(p > 0 && p <= 100)) {
			throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
		}
		if (this.size == 0) {
			return -1;
		}
		long[] sorted = Arrays.copyOf(this.samples, this.size);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * this.size);
		return sorted[Math.max(rank, 1) - 1];
	}

	/**
	 * The largest sample.
	 * @return nanoseconds, or -1 when there is none
	 */
	public synchronized long max() {
		long max = -1;
		for (int i = 0; i < this.size; i++) {
			max = Math.max(max, this.samples[i]);
		}
		return max;
	}

	/**
	 * Milliseconds of a percentile, for reports.
	 * @param p the percentile
	 * @return milliseconds, or NaN when there is no sample
	 */
	public double millis(double p) {
		long nanos = percentile(p);
		return (nanos < 0) ? Double.NaN : nanos / 1e6;
	}

	/**
	 * Milliseconds of the largest sample.
	 * @return milliseconds, or NaN when there is no sample
	 */
	public double maxMillis() {
		long nanos = max();
		return (nanos < 0) ? Double.NaN : nanos / 1e6;
	}

}
