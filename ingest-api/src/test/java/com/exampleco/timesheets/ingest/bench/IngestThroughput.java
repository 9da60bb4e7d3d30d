package com.exampleco.timesheets.ingest.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.TimesheetIds;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.ingest.IngestApplication;
import com.exampleco.timesheets.testsupport.kafka.KafkaForTests;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the ingest API's upload rate outside the test suite, beside a raw
 * {@link KafkaProducer} baseline, in one JVM: an in-JVM broker (test-support), a local
 * token issuer, the real ingest API on a random port, 4 HTTP clients posting JSON arrays
 * of 100 and of 1,000 entries with valid tokens for a fixed time after a warm-up; the
 * baseline sends the same submission records (same codec, CloudEvents headers, 6
 * partitions) with acks=all, idempotence, lz4 and linger 5 ms, no transactions. Prints
 * entries/s, the ratio to the baseline and the process CPU per 1,000 entries of each
 * phase (ingest API + broker + clients, all in this JVM). See the module README for the
 * command. Arguments: seconds per measured phase (default 20), warm-up seconds per phase
 * (default 10), then any {@code --property=value} for the ingest API.
 */
public final class IngestThroughput {

	private static final int CLIENTS = 4;

	private static final String CLIENT_ID = "bench-uploader";

	private static final String WORDS = "reviewed the quarterly invoices with the client, fixed the failing import job, "
			+ "paired on the schema migration, wrote the runbook for the night shift and answered support tickets; ";

	private static final LocalDate FIRST_DAY = LocalDate.now().minusDays(400);

	private IngestThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		int warmup = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
				"--logging.level.com.exampleco.timesheets.ingest.web=ERROR"));
		appArgs.addAll(Arrays.asList(args).subList(Math.min(2, args.length), args.length));

		String bootstrap = KafkaForTests.shared().bootstrapServers();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin
				.createTopics(List.of(new NewTopic(Topics.TIMESHEET_EVENTS, 6, (short) 1),
						new NewTopic("raw-baseline", 6, (short) 1)))
				.all()
				.get();
		}
		TestTokenIssuer issuer = TestTokenIssuer.start();
		appArgs.add("--spring.kafka.bootstrap-servers=" + bootstrap);
		appArgs.add("--timesheets.security.issuer-uri=" + issuer.issuer());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class)
			.run(appArgs.toArray(String[]::new))) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			String token = issuer.token()
				.scopes("create:timesheets")
				.authorizedParty(CLIENT_ID)
				.subject(CLIENT_ID + "@clients")
				.expiresIn(Duration.ofHours(2))
				.sign();
			System.out.printf("ingest args: %s%n", appArgs.subList(2, appArgs.size() - 2));
			io.micrometer.core.instrument.MeterRegistry meters = context
				.getBean(io.micrometer.core.instrument.MeterRegistry.class);
			// warm-up of both sizes first, so that no measured phase pays for the JIT
			ingest(port, token, 100, 0, warmup, meters);
			ingest(port, token, 1000, 0, warmup, meters);
			List<Result> results = new ArrayList<>();
			results.add(raw(bootstrap, seconds));
			results.add(ingest(port, token, 100, 5, seconds, meters));
			results.add(ingest(port, token, 1000, 5, seconds, meters));
			Result raw = results.get(0);
			System.out.println();
			System.out.println("phase        entries/s  ratio  CPU ms/1000  req p50 ms  req p99 ms  errors  load");
			for (Result result : results) {
				System.out.printf("%-11s %10.0f  %5.2f  %11.1f  %10s  %10s  %6d  %4.1f%n", result.name, result.rate(),
						result.rate() / raw.rate(), result.cpuPerThousand(), result.p50(), result.p99(), result.errors,
						result.load);
			}
		}
		issuer.close();
		System.exit(0);
	}

	private static Result raw(String bootstrap, int seconds) throws Exception {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		// records built before the clock starts: the baseline is the broker and the
		// client
		TimesheetEventCodec codec = new TimesheetEventCodec();
		UUID batchId = UUID.randomUUID();
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			TimesheetEntry entry = entry(i);
			TimesheetSubmitted event = new TimesheetSubmitted(UUID.randomUUID(),
					TimesheetIds.timesheetId(CLIENT_ID, entry.externalId()), batchId, Instant.now(),
					Actor.client(CLIENT_ID), 1, entry);
			ProducerRecord<String, byte[]> record = new ProducerRecord<>("raw-baseline", null,
					event.occurredAt().toEpochMilli(), event.timesheetId().toString(), codec.encode(event));
			CloudEventHeaders.of(event, "/timesheets/ingest-api")
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			records.add(record);
		}
		AtomicLong acked = new AtomicLong();
		AtomicReference<Exception> failure = new AtomicReference<>();
		// at most this many records in flight, like 4 clients each with a batch
		Semaphore inFlight = new Semaphore(20_000);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
			long warmEnd = System.nanoTime() + 5_000_000_000L;
			int i = 0;
			while (System.nanoTime() < warmEnd) {
				producer.send(records.get(i++ % records.size()));
			}
			producer.flush();
			Map<String, Long> threads0 = threadCpu();
			long cpu0 = processCpuNanos();
			long start = System.nanoTime();
			long end = start + seconds * 1_000_000_000L;
			while (System.nanoTime() < end) {
				inFlight.acquire();
				producer.send(records.get(i++ % records.size()), (metadata, ex) -> {
					inFlight.release();
					if (ex != null) {
						failure.compareAndSet(null, ex);
					}
					else {
						acked.incrementAndGet();
					}
				});
			}
			producer.flush();
			long elapsed = System.nanoTime() - start;
			if (failure.get() != null) {
				throw failure.get();
			}
			long cpu = processCpuNanos() - cpu0;
			printThreadCpu("raw", threads0, cpu, acked.get());
			return new Result("raw", acked.get(), elapsed, cpu, 0, new long[0], load());
		}
	}

	private static Result ingest(int port, String token, int size, int warmup, int seconds,
			io.micrometer.core.instrument.MeterRegistry meters) throws Exception {
		io.micrometer.core.instrument.DistributionSummary shared = meters.find("timesheets.ingest.publish.requests")
			.summary();
		long transactions0 = (shared != null) ? shared.count() : 0;
		double requests0 = (shared != null) ? shared.totalAmount() : 0;
		List<byte[]> bodies = new ArrayList<>();
		for (int b = 0; b < 40; b++) {
			bodies.add(batchJson((long) size * b + 1_000_000L * size, size).getBytes(StandardCharsets.UTF_8));
		}
		URI uri = URI.create("http://127.0.0.1:" + port + "/timesheet-batches");
		AtomicLong accepted = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
		long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
		long end = warmEnd + seconds * 1_000_000_000L;
		long[] window = new long[2];
		AtomicReference<Map<String, Long>> threads0 = new AtomicReference<>();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> futures = new ArrayList<>();
		Object windowLock = new Object();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			futures.add(pool.submit(() -> {
				HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				int n = client;
				long now;
				while ((now = System.nanoTime()) < end) {
					boolean measured = now >= warmEnd;
					if (measured) {
						synchronized (windowLock) {
							if (window[0] == 0) {
								window[0] = now;
								threads0.set(threadCpu());
								window[1] = processCpuNanos();
							}
						}
					}
					HttpRequest request = HttpRequest.newBuilder(uri)
						.POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(n++ % bodies.size())))
						.header("Content-Type", "application/json")
						.header("Authorization", "Bearer " + token)
						.build();
					HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
					long took = System.nanoTime() - now;
					if (measured) {
						if (response.statusCode() == 202) {
							accepted.addAndGet(size);
							latencies.add(took);
						}
						else {
							errors.incrementAndGet();
						}
					}
					else if (response.statusCode() != 202 && errors.getAndIncrement() == 0) {
						System.out.printf("warm-up answer %d: %s%n", response.statusCode(),
								new String(response.body(), StandardCharsets.UTF_8));
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		long stop = System.nanoTime();
		long cpu = processCpuNanos() - window[1];
		printThreadCpu("ingest" + size, threads0.get(), cpu, accepted.get());
		if (shared != null) {
			System.out.printf("ingest%d requests per transaction: %.2f%n", size,
					(shared.totalAmount() - requests0) / Math.max(1, shared.count() - transactions0));
		}
		pool.shutdown();
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		// requests in flight at the window's end are not counted; their time is
		return new Result("ingest" + size, accepted.get(), stop - window[0], cpu, errors.get(), sorted, load());
	}

	private static TimesheetEntry entry(long seq) {
		int h = (int) Math.floorMod(seq, 32) + 1;
		int noteLength = 120 + (int) Math.floorMod(seq, 61);
		int offset = (int) Math.floorMod(seq, 97);
		String note = (WORDS + WORDS).substring(offset, offset + noteLength);
		return new TimesheetEntry("bench-" + seq, String.format("E%04d", Math.floorMod(seq * 7919, 1000)),
				"PRJ-" + Math.floorMod(seq, 25), FIRST_DAY.plusDays(Math.floorMod(seq, 365)),
				BigDecimal.valueOf(h * 25L, 2), note);
	}

	private static String batchJson(long firstSeq, int size) {
		StringBuilder json = new StringBuilder(size * 320).append('[');
		for (int i = 0; i < size; i++) {
			TimesheetEntry entry = entry(firstSeq + i);
			json.append((i > 0) ? "," : "")
				.append("{\"externalId\":\"")
				.append(entry.externalId())
				.append("\",\"employeeId\":\"")
				.append(entry.employeeId())
				.append("\",\"projectCode\":\"")
				.append(entry.projectCode())
				.append("\",\"workDate\":\"")
				.append(entry.workDate())
				.append("\",\"hours\":")
				.append(entry.hours().toPlainString())
				.append(",\"note\":\"")
				.append(entry.note())
				.append("\"}");
		}
		return json.append(']').toString();
	}

	/** CPU time of every live Java thread, by name with numbers stripped. */
	private static Map<String, Long> threadCpu() {
		java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Long> cpu = new HashMap<>();
		for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null) {
				long nanos = threads.getThreadCpuTime(info.getThreadId());
				if (nanos > 0) {
					cpu.merge(
							info.getThreadName().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "").replaceAll("[0-9]+", "N"),
							nanos, Long::sum);
				}
			}
		}
		return cpu;
	}

	private static void printThreadCpu(String phase, Map<String, Long> before, long processCpu, long entries) {
		Map<String, Long> after = threadCpu();
		Map<String, Long> delta = new HashMap<>();
		after.forEach((name, nanos) -> delta.put(name, nanos - before.getOrDefault(name, 0L)));
		long javaThreads = delta.values().stream().mapToLong(Long::longValue).sum();
		StringBuilder line = new StringBuilder(phase + " CPU ms/1000 entries by thread:");
		delta.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(8)
			.forEach(
					(e) -> line.append(String.format(" %s=%.1f", e.getKey(), e.getValue() / 1e6 / (entries / 1000.0))));
		line.append(String.format(" [JIT+GC+other=%.1f]", (processCpu - javaThreads) / 1e6 / (entries / 1000.0)));
		System.out.println(line);
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private record Result(String name, long entries, long nanos, long cpuNanos, long errors, long[] latencies,
			double load) {

		double rate() {
			return this.entries / (this.nanos / 1e9);
		}

		double cpuPerThousand() {
			return (this.entries == 0) ? 0 : this.cpuNanos / 1e6 / (this.entries / 1000.0);
		}

		String p50() {
			return percentile(0.5);
		}

		String p99() {
			return percentile(0.99);
		}

		private String percentile(double p) {
			if (this.latencies.length == 0) {
				return "-";
			}
			return String.format("%.0f",
					this.latencies[Math.min(this.latencies.length - 1, (int) (p * this.latencies.length))] / 1e6);
		}

	}

}
