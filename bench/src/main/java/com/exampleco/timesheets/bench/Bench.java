package com.exampleco.timesheets.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.exampleco.timesheets.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The benchmark: starts the pipeline as real processes and measures it beside raw Kafka
 * and raw PostgreSQL baselines on the same broker and database, in one run. See
 * {@code bench/README.md}.
 *
 * <pre>
 * java -jar bench/target/bench.jar [--quick] [--out FILE] [--repo DIR] [--jfr]
 * </pre>
 */
public final class Bench {

	private static final String UPLOADER_SECRET = "uploader-secret";

	private static final String CONTRACTOR_SECRET = "contractor-secret";

	/**
	 * The processor's consumer group (its default {@code timesheets.processor.group-id}).
	 */
	private static final String PROCESSOR_GROUP = "timesheet-processor";

	private static final String RAW_TOPIC = "bench-raw-events";

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.full();
		Path out = null;
		Path repo = Path.of("").toAbsolutePath();
		boolean jfr = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> settings = Settings.quick();
				case "--full" -> settings = Settings.full();
				case "--out" -> out = Path.of(args[++i]);
				case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath();
				case "--jfr" -> jfr = true;
				case "--help", "-h" -> {
					System.out
						.println("java -jar bench/target/bench.jar [--quick|--full] [--out FILE] [--repo DIR] [--jfr]");
					return;
				}
				default -> {
					System.err.println("unknown option " + args[i] + " (try --help)");
					System.exit(2);
				}
			}
		}
		if (out == null) {
			out = repo.resolve("bench/target/bench-" + settings.mode() + ".json");
		}
		int exit = new Run(settings, repo, out, jfr).run();
		System.exit(exit);
	}

	private static final class Run {

		private final Settings settings;

		private final Path repo;

		private final Path out;

		private final boolean jfr;

		private final Report report;

		private final Payloads payloads = new Payloads(Long.toString(System.currentTimeMillis(), 36));

		private final long started = System.nanoTime();

		Run(Settings settings, Path repo, Path out, boolean jfr) {
			this.settings = settings;
			this.repo = repo;
			this.out = out;
			this.jfr = jfr;
			this.report = new Report(settings.mode());
		}

		private void step(String what) {
			System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - this.started) / 1e9, what);
		}

		int run() throws Exception {
			Settings s = this.settings;
			try (Machine machine = new Machine()) {
				step("starting the pipeline (broker, PostgreSQL, auth server, ingest API, query API; the processor for its phase)");
				try (Stack stack = PipelineStack.start(this.repo, s.partitions(), this.jfr)) {
					step("pipeline up: " + stack.pids());
					stack.stopProcessor();
					measure(stack);
					recordMemory(stack);
				}
				Map<String, Object> machineDescription = machine.describe();
				this.report.printTable(System.out, machineDescription);
				this.report.writeJson(this.out, machineDescription, s.asMap());
				step("wrote " + this.out);
			}
			return 0;
		}

		private void measure(Stack stack) throws Exception {
			Settings s = this.settings;
			String bootstrap = stack.bootstrapServers();
			RawBaselines.Db db = stack.database();
			this.report.note("entry as posted: " + this.payloads.entryBytes() + " bytes of JSON; as an event record: "
					+ this.payloads.eventBytes() + " bytes + CloudEvents headers");

			step("raw baseline: plain KafkaProducer, " + s.rawProduceRecords() + " records");
			RawBaselines.createTopic(bootstrap, RAW_TOPIC, s.partitions());
			RawBaselines.createTopic(bootstrap, Topics.TIMESHEET_EVENTS, s.partitions());
			Map<String, Long> cpu0 = cpu(stack);
			double rawProduce = RawBaselines.produce(bootstrap, RAW_TOPIC, this.payloads, s.rawProduceRecords());
			Map<String, Object> rawProduceCpu = cpuPer1000(cpu0, cpu(stack), s.rawProduceRecords(),
					List.of("kafka broker", "bench driver"));
			this.report.add("raw KafkaProducer (acks=all, idempotent, lz4)", rawProduce, "records/s",
					Map.of("cpuMsPer1000", rawProduceCpu));

			step("raw baseline: JDBC batched upsert, " + s.rawUpsertRows() + " rows");
			cpu0 = cpu(stack);
			double rawUpsert = RawBaselines.upsert(db, this.payloads, s.rawUpsertRows(), s.upsertBatch(),
					s.upsertThreads());
			Map<String, Object> rawUpsertCpu = cpuPer1000(cpu0, cpu(stack), s.rawUpsertRows(),
					List.of("postgres", "bench driver"));
			this.report.add("raw JDBC batched upsert (" + s.upsertBatch() + "/batch, " + s.upsertThreads() + " conns)",
					rawUpsert, "rows/s", Map.of("cpuMsPer1000", rawUpsertCpu));

			step("raw baseline: JDBC batched upsert + outcome row, " + s.rawUpsertRows() + " rows of each");
			cpu0 = cpu(stack);
			double rawTwoRows = RawBaselines.upsertWithOutcome(db, this.payloads, s.rawUpsertRows(), s.upsertBatch(),
					s.upsertThreads());
			Map<String, Object> rawTwoRowsCpu = cpuPer1000(cpu0, cpu(stack), s.rawUpsertRows(),
					List.of("postgres", "bench driver"));
			this.report.add("raw JDBC upsert + applied_events row (the processor's 2 writes)", rawTwoRows, "events/s",
					Map.of("cpuMsPer1000", rawTwoRowsCpu));

			// The services' JVMs are fresh: without this, the first measured phase
			// (batches
			// of 100) would mostly measure JIT compilation of the request path.
			step("ingest: JIT warm-up, " + s.ingestJitWarmupSeconds() + " s of batches of 100 and 1000 (not measured)");
			long ingested = 0;
			for (int batch : List.of(100, 1000)) {
				ingested += Drivers
					.ingest(stack.ingestUrl(), token(stack, "write"), this.payloads, "warmup" + batch,
							s.ingestClients(), batch, 0, Math.max(1, s.ingestJitWarmupSeconds() / 2))
					.total();
			}
			for (int batch : List.of(100, 1000)) {
				step("ingest: " + s.ingestClients() + " clients, batches of " + batch);
				CpuWindow window = cpuWindow(stack, s.ingestWarmupSeconds(), s.ingestSeconds());
				Drivers.Phase ingest = Drivers.ingest(stack.ingestUrl(), token(stack, "write"), this.payloads,
						"ingest" + batch, s.ingestClients(), batch, s.ingestWarmupSeconds(), s.ingestSeconds());
				ingested += ingest.total();
				Map<String, Object> details = new LinkedHashMap<>(ingest.details());
				Map<String, Object> ingestCpu = cpuPer1000(window.before(), window.after(),
						ingest.perSecond() * s.ingestSeconds(), List.of("kafka broker", "ingest-api", "auth-server"));
				details.put("cpuMsPer1000", ingestCpu);
				details.put("cpuRatioRawOverPipeline",
						Math.round(counted(rawProduceCpu) / counted(ingestCpu) * 1000) / 1000.0);
				this.report.compare("ingest, batches of " + batch + ", " + s.ingestClients() + " clients",
						ingest.perSecond(), "entries/s", "raw KafkaProducer", rawProduce, 0.5, details);
			}

			// The processor phase reads the pre-filled submissions only, as the issue
			// describes it: what the ingest phases accepted (millions of events at their
			// rates) would otherwise multiply its length, the quick mode's too.
			long skipped = RawBaselines.skipToEnd(bootstrap, Topics.TIMESHEET_EVENTS, PROCESSOR_GROUP);
			step("processor's group moved past " + skipped
					+ " offsets (the ingest phases' events and transaction markers; " + ingested
					+ " entries accepted)");
			step("pre-filling " + Topics.TIMESHEET_EVENTS + " with " + s.prefill() + " submissions");
			long prefillStart = System.nanoTime();
			AtomicReference<Exception> failure = new AtomicReference<>();
			UUID prefillBatch = UUID.randomUUID();
			try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(RawBaselines.producerConfig(bootstrap))) {
				for (int i = 0; i < s.prefill(); i++) {
					producer.send(this.payloads.submission(Topics.TIMESHEET_EVENTS, "prefill", i, prefillBatch),
							(metadata, ex) -> {
								if (ex != null) {
									failure.compareAndSet(null, ex);
								}
							});
				}
				producer.flush();
			}
			if (failure.get() != null) {
				throw failure.get();
			}
			step(String.format("pre-filled in %.1f s", (System.nanoTime() - prefillStart) / 1e9));

			long expected = s.prefill();
			long before = count(db, "SELECT COUNT(*) FROM applied_events");
			step("processor: starting on " + expected + " queued submissions");
			long processorStart = System.nanoTime();
			Map<String, Long> processorCpu0 = cpu(stack);
			stack.startProcessor();
			long firstAt = 0;
			long firstCount = 0;
			long done;
			long deadline = processorStart + s.processorTimeoutSeconds() * 1_000_000_000L;
			while ((done = count(db, "SELECT COUNT(*) FROM applied_events") - before) < expected) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("processor applied " + done + " of " + expected + " in "
							+ s.processorTimeoutSeconds() + " s");
				}
				if (firstAt == 0 && done > 0) {
					firstAt = System.nanoTime();
					firstCount = done;
				}
				Thread.sleep(500);
			}
			long doneAt = System.nanoTime();
			Map<String, Long> processorCpu1 = cpu(stack);
			// the processor's JVM is new: its CPU is all since its start (JIT and
			// start-up
			// included)
			processorCpu0.put("processor", 0L);
			double steady = (expected - firstCount) / ((doneAt - firstAt) / 1e9);
			Map<String, Object> processorDetails = new LinkedHashMap<>();
			processorDetails.put("events", expected);
			processorDetails.put("secondsFromProcessStart", Math.round((doneAt - processorStart) / 1e8) / 10.0);
			processorDetails.put("eventsPerSecondFromProcessStart",
					Math.round(expected / ((doneAt - processorStart) / 1e9)));
			Map<String, Object> processorCpu = cpuPer1000(processorCpu0, processorCpu1, expected,
					List.of("processor", "postgres", "kafka broker"));
			processorDetails.put("cpuMsPer1000", processorCpu);
			processorDetails.put("cpuRatioRawOverPipeline",
					Math.round(counted(rawUpsertCpu) / counted(processorCpu) * 1000) / 1000.0);
			this.report.compare("processor, from a pre-filled topic (first row → last)", steady, "entries/s",
					"raw JDBC batched upsert", rawUpsert, 0.7, processorDetails);
			Map<String, Object> likeForLike = new LinkedHashMap<>();
			likeForLike.put("cpuRatioRawOverPipeline",
					Math.round(counted(rawTwoRowsCpu) / counted(processorCpu) * 1000) / 1000.0);
			this.report.compare("processor, same figure beside the 2-write raw baseline", steady, "entries/s",
					"raw JDBC upsert + applied_events row", rawTwoRows, null, likeForLike);

			List<UUID> ids = new ArrayList<>();
			for (int i = 0; i < s.prefill(); i += Math.max(1, s.prefill() / 20_000)) {
				ids.add(this.payloads.timesheetId("prefill", i));
			}
			step("raw baseline: JDBC point select by id, " + s.queryClients() + " connections");
			CpuWindow window = cpuWindow(stack, s.queryWarmupSeconds(), s.querySeconds());
			RawBaselines.Throughput rawSelect = RawBaselines.pointSelect(db, ids, s.queryClients(),
					s.queryWarmupSeconds(), s.querySeconds());
			Map<String, Object> rawSelectDetails = new LinkedHashMap<>(rawSelect.details());
			Map<String, Object> rawSelectCpu = cpuPer1000(window.before(), window.after(),
					rawSelect.perSecond() * s.querySeconds(), List.of("postgres", "bench driver"));
			rawSelectDetails.put("cpuMsPer1000", rawSelectCpu);
			this.report.add("raw JDBC point select by id (" + s.queryClients() + " conns)", rawSelect.perSecond(),
					"queries/s", rawSelectDetails);

			// Like the ingest API, the query API's request path needs tens of thousands
			// of
			// requests before C2 has compiled it; a few seconds of warm-up measured
			// mostly
			// the JIT (query-api README, "Cost of a point read").
			step("query: JIT warm-up, " + s.queryJitWarmupSeconds()
					+ " s of GET by id and employee pages (not measured)");
			Drivers.query(token(stack, "read"), Drivers.byId(stack.queryUrl(), ids), s.queryClients(), 0,
					Math.max(1, s.queryJitWarmupSeconds() * 3 / 4));
			Drivers.query(token(stack, "read"), Drivers.byEmployee(stack.queryUrl()), s.queryClients(), 0,
					Math.max(1, s.queryJitWarmupSeconds() / 4));
			step("query: GET /timesheets/{id}, " + s.queryClients() + " clients");
			window = cpuWindow(stack, s.queryWarmupSeconds(), s.querySeconds());
			Drivers.Phase byId = Drivers.query(token(stack, "read"), Drivers.byId(stack.queryUrl(), ids),
					s.queryClients(), s.queryWarmupSeconds(), s.querySeconds());
			Map<String, Object> byIdDetails = new LinkedHashMap<>(byId.details());
			Map<String, Object> byIdCpu = cpuPer1000(window.before(), window.after(),
					byId.perSecond() * s.querySeconds(), List.of("query-api", "postgres"));
			byIdDetails.put("cpuMsPer1000", byIdCpu);
			byIdDetails.put("cpuRatioRawOverPipeline",
					Math.round(counted(rawSelectCpu) / counted(byIdCpu) * 1000) / 1000.0);
			this.report.compare("query GET /timesheets/{id}, " + s.queryClients() + " clients", byId.perSecond(),
					"req/s", "raw JDBC point select", rawSelect.perSecond(), 0.5, byIdDetails);
			step("query: GET /timesheets?employeeId=…&limit=50, " + s.queryClients() + " clients");
			Drivers.Phase list = Drivers.query(token(stack, "read"), Drivers.byEmployee(stack.queryUrl()),
					s.queryClients(), s.queryWarmupSeconds(), s.querySeconds());
			this.report.compare("query GET /timesheets?employeeId&limit=50, " + s.queryClients() + " clients",
					list.perSecond(), "req/s", "raw JDBC point select", rawSelect.perSecond(), null, list.details());

			String writeToken = token(stack, "write").get();
			String readToken = token(stack, "read").get();
			for (int rate : s.endToEndRates()) {
				step("end to end: " + rate + " entries/s offered for " + s.endToEndSeconds() + " s, batches of "
						+ s.endToEndBatch());
				Drivers.EndToEnd e2e = Drivers.endToEnd(stack.ingestUrl(), stack.queryUrl(), writeToken, readToken,
						this.payloads, "e2e" + rate, rate, s.endToEndBatch(), s.endToEndSeconds(), 5, 25,
						s.endToEndDrainSeconds());
				String figure = "end to end p99 (202 → visible), " + rate + " entries/s offered"
						+ ((e2e.missing() > 0) ? " (≥: " + e2e.missing() + " probes never seen)" : "");
				if (rate >= 10_000) {
					this.report.bounded(figure, e2e.visible().millis(99), "ms", 500.0, e2e.details());
				}
				else {
					this.report.add(figure, e2e.visible().millis(99), "ms", e2e.details());
				}
			}
		}

		/**
		 * CPU snapshots at the start and the end of a measured window that begins after a
		 * warm-up: filled by a background thread, read after the phase returned.
		 */
		private static CpuWindow cpuWindow(Stack stack, int warmupSeconds, int seconds) {
			List<Map<String, Long>> snapshots = new java.util.concurrent.CopyOnWriteArrayList<>();
			Thread thread = new Thread(() -> {
				try {
					Thread.sleep(warmupSeconds * 1000L);
					snapshots.add(cpu(stack));
					Thread.sleep(seconds * 1000L);
					snapshots.add(cpu(stack));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, "cpu-window");
			thread.setDaemon(true);
			thread.start();
			return new CpuWindow(thread, snapshots);
		}

		/** The two CPU snapshots of a measured window, available once it has passed. */
		private record CpuWindow(Thread thread, List<Map<String, Long>> snapshots) {

			Map<String, Long> before() {
				join();
				return this.snapshots.get(0);
			}

			Map<String, Long> after() {
				join();
				return this.snapshots.get(1);
			}

			private void join() {
				try {
					this.thread.join();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted", ex);
				}
			}

		}

		/** CPU milliseconds used so far by each process of the run. */
		private static Map<String, Long> cpu(Stack stack) {
			Map<String, Long> cpu = new LinkedHashMap<>();
			stack.pids().forEach((name, pid) -> cpu.put(name, Machine.cpuMillis(pid)));
			cpu.put("postgres", Machine.postgresCpuMillis(stack.postgresPort()));
			cpu.put("bench driver", Machine.cpuMillis(ProcessHandle.current().pid()));
			return cpu;
		}

		/**
		 * CPU milliseconds per 1,000 units of each process between two snapshots, and the
		 * sum over the named processes (the work being measured).
		 */
		private static Map<String, Object> cpuPer1000(Map<String, Long> before, Map<String, Long> after, double units,
				List<String> counted) {
			Map<String, Object> per = new LinkedHashMap<>();
			double sum = 0;
			for (Map.Entry<String, Long> entry : after.entrySet()) {
				Long start = before.get(entry.getKey());
				if (start == null || start < 0 || entry.getValue() < 0) {
					continue;
				}
				double ms = (entry.getValue() - start) * 1000.0 / units;
				per.put(entry.getKey(), Math.round(ms * 10) / 10.0);
				if (counted.contains(entry.getKey())) {
					sum += ms;
				}
			}
			per.put("counted", counted);
			per.put("countedSum", Math.round(sum * 10) / 10.0);
			return per;
		}

		private static double counted(Map<String, Object> cpu) {
			return ((Number) cpu.get("countedSum")).doubleValue();
		}

		private void recordMemory(Stack stack) {
			stack.pids().forEach((name, pid) -> this.report.peakRss(name, Machine.peakRssKb(pid) / 1024));
			Machine.postgresPeakRssKb(stack.postgresPort()).ifPresent((kb) -> {
				this.report.peakRss("postgres (postmaster)", kb[0] / 1024);
				this.report.peakRss("postgres (largest backend)", kb[1] / 1024);
			});
			this.report.peakRss("bench driver (this JVM)", Machine.peakRssKb(ProcessHandle.current().pid()) / 1024);
		}

		private static java.util.function.Supplier<String> token(Stack stack, String kind) {
			return () -> {
				try {
					return "write".equals(kind)
							? Http.token(Http.client(), stack.authUrl(), Payloads.CLIENT_ID, UPLOADER_SECRET,
									"create:timesheets")
							: Http.token(Http.client(), stack.authUrl(), "contractor-app", CONTRACTOR_SECRET,
									"read:timesheets");
				}
				catch (Exception ex) {
					throw new IllegalStateException("cannot get a " + kind + " token", ex);
				}
			};
		}

		private static long count(RawBaselines.Db db, String sql) throws Exception {
			try (Connection connection = db.connect();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(sql)) {
				rows.next();
				return rows.getLong(1);
			}
		}

	}

}
