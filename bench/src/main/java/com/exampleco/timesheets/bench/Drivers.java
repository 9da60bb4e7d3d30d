package com.exampleco.timesheets.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The HTTP load drivers: ingest (closed loop), query (closed loop), end to end (open
 * loop).
 */
final class Drivers {

	private Drivers() {
	}

	/** The figures of one closed-loop phase. */
	record Phase(double perSecond, long total, long errors, Latencies latencies) {

		Map<String, Object> details() {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("requestP50Ms", this.latencies.millis(50));
			details.put("requestP99Ms", this.latencies.millis(99));
			details.put("requestMaxMs", this.latencies.maxMillis());
			details.put("requestsMeasured", this.latencies.count());
			details.put("errors", this.errors);
			return details;
		}

	}

	/**
	 * {@code clients} uploaders, each with its own connection and token, post batches of
	 * {@code batchSize} new entries back to back.
	 * @return accepted entries per second over the measured window
	 */
	static Phase ingest(String ingestBase, Supplier<String> token, Payloads payloads, String phase, int clients,
			int batchSize, int warmupSeconds, int seconds) throws Exception {
		AtomicLong nextSeq = new AtomicLong();
		AtomicLong measuredEntries = new AtomicLong();
		AtomicLong accepted = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		Latencies latencies = new Latencies();
		long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
		long end = measureFrom + seconds * 1_000_000_000L;
		runClients(clients, () -> {
			HttpClient client = Http.client();
			String bearer = token.get();
			while (System.nanoTime() < end) {
				long first = nextSeq.getAndAdd(batchSize);
				String body = payloads.batchJson(phase, first, batchSize);
				long sent = System.nanoTime();
				HttpResponse<String> response = Http.postBatch(client, ingestBase, bearer, body);
				long answered = System.nanoTime();
				if (response.statusCode() == 202) {
					accepted.addAndGet(batchSize);
					if (sent >= measureFrom && answered <= end) {
						measuredEntries.addAndGet(batchSize);
						latencies.record(answered - sent);
					}
				}
				else {
					errors.incrementAndGet();
				}
			}
		});
		return new Phase(measuredEntries.get() / (double) seconds, accepted.get(), errors.get(), latencies);
	}

	/**
	 * {@code clients} readers, each with its own connection, GET the URLs back to back.
	 */
	static Phase query(Supplier<String> token, Supplier<String> urls, int clients, int warmupSeconds, int seconds)
			throws Exception {
		AtomicLong measured = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		Latencies latencies = new Latencies();
		long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
		long end = measureFrom + seconds * 1_000_000_000L;
		runClients(clients, () -> {
			HttpClient client = Http.client();
			String bearer = token.get();
			long sent;
			while ((sent = System.nanoTime()) < end) {
				int status = Http.get(client, urls.get(), bearer);
				long answered = System.nanoTime();
				if (status != 200) {
					errors.incrementAndGet();
				}
				else if (sent >= measureFrom) {
					measured.incrementAndGet();
					latencies.record(answered - sent);
				}
			}
		});
		return new Phase(measured.get() / (double) seconds, measured.get(), errors.get(), latencies);
	}

	/** The figures of one end-to-end level. */
	record EndToEnd(double offered, double accepted, long probes, long missing, Latencies visible, Latencies ingest) {

		Map<String, Object> details() {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("offeredEntriesPerSecond", this.offered);
			details.put("acceptedEntriesPerSecond", Math.round(this.accepted));
			details.put("probes", this.probes);
			details.put("probesNotVisibleInTime", this.missing);
			details.put("percentilesAreLowerBounds", this.missing > 0);
			details.put("p50Ms", this.visible.millis(50));
			details.put("p99Ms", this.visible.millis(99));
			details.put("maxMs", this.visible.maxMillis());
			details.put("ingestRequestP99Ms", this.ingest.millis(99));
			return details;
		}

	}

	/**
	 * Offers {@code rate} entries/s in batches of {@code batchSize} at fixed intervals
	 * for {@code seconds} (open loop: a slow answer does not slow the offer, up to
	 * {@code maxInFlight} requests). For about {@code probesPerSecond} of the accepted
	 * batches, the last entry is polled on the query API every {@code pollMillis} from
	 * the 202 until it is returned: that time is the end-to-end latency.
	 */
	static EndToEnd endToEnd(String ingestBase, String queryBase, String writeToken, String readToken,
			Payloads payloads, String phase, double rate, int batchSize, int seconds, int probesPerSecond,
			int pollMillis, int drainSeconds) throws Exception {
		double batchesPerSecond = rate / batchSize;
		long intervalNanos = (long) (1e9 / batchesPerSecond);
		int probeEvery = Math.max(1, (int) Math.round(batchesPerSecond / probesPerSecond));
		int maxInFlight = 32;
		ExecutorService senders = Executors.newFixedThreadPool(maxInFlight);
		ScheduledExecutorService pollers = Executors.newScheduledThreadPool(4);
		HttpClient writer = Http.client();
		HttpClient reader = Http.client();
		Latencies visible = new Latencies();
		Latencies ingest = new Latencies();
		AtomicLong accepted = new AtomicLong();
		AtomicLong probes = new AtomicLong();
		AtomicLong pending = new AtomicLong();
		AtomicLong missing = new AtomicLong();
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		long batches = Math.round(batchesPerSecond * seconds);
		try {
			for (long b = 0; b < batches; b++) {
				long due = start + b * intervalNanos;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				long first = b * batchSize;
				boolean probe = b % probeEvery == 0;
				senders.submit(() -> {
					String body = payloads.batchJson(phase, first, batchSize);
					long sent = System.nanoTime();
					HttpResponse<String> response = Http.postBatch(writer, ingestBase, writeToken, body);
					long answered = System.nanoTime();
					if (response.statusCode() != 202) {
						return null;
					}
					ingest.record(answered - sent);
					if (answered <= end + 1_000_000_000L) {
						accepted.addAndGet(batchSize);
					}
					if (probe) {
						List<UUID> ids = Http.timesheetIds(response.body());
						UUID last = ids.isEmpty() ? payloads.timesheetId(phase, first + batchSize - 1)
								: ids.get(ids.size() - 1);
						probes.incrementAndGet();
						pending.incrementAndGet();
						poll(pollers, reader, queryBase + "/timesheets/" + last, readToken, answered, visible, missing,
								pending, pollMillis, end + drainSeconds * 1_000_000_000L);
					}
					return null;
				});
			}
			senders.shutdown();
			senders.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
			long deadline = end + drainSeconds * 1_000_000_000L;
			while (pending.get() > 0 && System.nanoTime() < deadline + 5_000_000_000L) {
				Thread.sleep(100);
			}
			missing.addAndGet(pending.get());
		}
		finally {
			senders.shutdownNow();
			pollers.shutdownNow();
		}
		double acceptedRate = accepted.get() / (double) seconds;
		return new EndToEnd(rate, acceptedRate, probes.get(), missing.get(), visible, ingest);
	}

	private static void poll(ScheduledExecutorService pollers, HttpClient reader, String url, String token,
			long acceptedAt, Latencies visible, AtomicLong missing, AtomicLong pending, int pollMillis, long deadline) {
		pollers.execute(() -> {
			try {
				int status = Http.get(reader, url, token);
				long now = System.nanoTime();
				if (status == 200) {
					visible.record(now - acceptedAt);
					pending.decrementAndGet();
				}
				else if (now < deadline) {
					pollers.schedule(() -> poll(pollers, reader, url, token, acceptedAt, visible, missing, pending,
							pollMillis, deadline), pollMillis, TimeUnit.MILLISECONDS);
				}
				else {
					// never seen within the drain time: counted at the
					// time waited, a lower bound, so that the
					// percentiles are not flattered by leaving it out
					visible.record(now - acceptedAt);
					missing.incrementAndGet();
					pending.decrementAndGet();
				}
			}
			catch (Exception ex) {
				pending.decrementAndGet();
			}
		});
	}

	/** Random ids of a list, for GET /timesheets/{id}. */
	static Supplier<String> byId(String queryBase, List<UUID> ids) {
		return () -> queryBase + "/timesheets/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
	}

	/** A random employee's first page, for the filtered list. */
	static Supplier<String> byEmployee(String queryBase) {
		return () -> queryBase + "/timesheets?employeeId="
				+ Payloads.employee(ThreadLocalRandom.current().nextInt(Payloads.EMPLOYEES)) + "&limit=50";
	}

	interface ClientLoop {

		void run() throws Exception;

	}

	private static void runClients(int clients, ClientLoop loop) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				futures.add(pool.submit(() -> {
					loop.run();
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
