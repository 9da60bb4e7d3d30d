package com.exampleco.timesheets.uploader.run;

import java.time.Duration;
import java.util.Locale;

/**
 * The job's voice: progress lines and the summary on standard output, problems on
 * standard error. Lines name files, batches, counts and ids, never entry contents or
 * secrets. Thread-safe: one line at a time.
 */
public class Console {

	/**
	 * Prints a progress line.
	 * @param line the line
	 */
	public synchronized void info(String line) {
		System.out.println(line);
		System.out.flush();
	}

	/**
	 * Prints a problem line.
	 * @param line the line
	 */
	public synchronized void error(String line) {
		System.err.println(line);
		System.err.flush();
	}

	static String rate(long entries, Duration elapsed) {
		double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
		return String.format(Locale.ROOT, "%.0f entries/s", entries / seconds);
	}

	/**
	 * A duration as seconds with one decimal, e.g. {@code 1.5s}.
	 * @param duration the duration
	 * @return the text
	 */
	public static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
	}

}
