package com.exampleco.timesheets.processor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.processor.ProcessorApplication;
import com.exampleco.timesheets.testsupport.kafka.KafkaForTests;
import com.exampleco.timesheets.testsupport.postgres.PostgresForTests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures the processor's rate outside the test suite: N submissions (default 100,000,
 * first argument) are produced to an in-JVM broker (lz4, as ingest-api does) first; then
 * the raw baseline of issue 8 runs (a plain JDBC batched
 * {@code INSERT … ON CONFLICT (timesheet_id) DO UPDATE} of the same rows into the same
 * Flyway schema, in a database of its own, 1,000 rows per batch and transaction, on as
 * many connections as the processor has consumers, {@code reWriteBatchedInserts=true});
 * then the real processor starts against a throwaway PostgreSQL (or
 * {@code TIMESHEETS_TEST_JDBC_URL}) and the time until every event is recorded is
 * reported; then the raw baseline runs a second time (the machine's load drifts). Rates
 * and CPU per 1,000 events (this JVM and PostgreSQL's processes, read from {@code /proc})
 * are printed for both. Further arguments are passed to the processor
 * ({@code --name=value}). See the module README for the command.
 */
public final class ProcessorThroughput {

	static final String UPSERT = """
			INSERT INTO timesheets (timesheet_id, external_id, employee_id, project_code, work_date, hours, note,
			    status, version, last_event_id, last_batch_id, submitted_at, submitted_by, submitted_client, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', 1, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (timesheet_id) DO UPDATE SET external_id = EXCLUDED.external_id,
			    employee_id = EXCLUDED.employee_id, project_code = EXCLUDED.project_code,
			    work_date = EXCLUDED.work_date, hours = EXCLUDED.hours, note = EXCLUDED.note,
			    version = timesheets.version + 1, last_event_id = EXCLUDED.last_event_id,
			    last_batch_id = EXCLUDED.last_batch_id, updated_at = EXCLUDED.updated_at""";

	private static final int RAW_BATCH = 1000;

	private ProcessorThroughput() {
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	public static void main(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		String concurrency = (args.length > 1) ? args[1] : "3";
		int threads = Integer.parseInt(concurrency);
		List<String> extra = (args.length > 2) ? List.of(args).subList(2, args.length) : List.of();
		String bootstrap = KafkaForTests.shared().bootstrapServers();
		PostgresForTests postgres = PostgresForTests.shared();
		String url = postgres.createDatabase("processor_bench");
		String rawUrl = postgres.createDatabase("raw_upsert_bench");
		Flyway.configure().dataSource(rawUrl, postgres.username(), postgres.password()).load().migrate();
		long postmaster = postmasterPid(url, postgres);

		try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(java.util.List.of(new NewTopic(Topics.TIMESHEET_EVENTS, 6, (short) 1))).all().get();
		}
		TimesheetEventCodec codec = new TimesheetEventCodec();
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		long produceStart = System.nanoTime();
		UUID batch = UUID.randomUUID();
		Actor actor = Actor.client("bench");
		List<TimesheetSubmitted> events = new ArrayList<>(count);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < count; i++) {
				TimesheetSubmitted event = new TimesheetSubmitted(UUID.randomUUID(), UUID.randomUUID(), batch,
						Instant.now(), actor, 1, new TimesheetEntry("bench-" + i, "emp-" + (i % 500), "PRJ-" + (i % 20),
								LocalDate.of(2025, 1, 1).plusDays(i % 365), new BigDecimal("7.5"), null));
				events.add(event);
				ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TIMESHEET_EVENTS,
						event.timesheetId().toString(), codec.encode(event));
				CloudEventHeaders.of(event, "/bench")
					.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
				producer.send(record);
			}
			producer.flush();
		}
		System.out.printf("produced %d submissions in %.1f s%n", count, (System.nanoTime() - produceStart) / 1e9);

		Measurement raw1 = rawUpsert(rawUrl, postgres, postmaster, events, threads, "raw-a");

		long start = System.nanoTime();
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap,
						"--spring.datasource.url=" + url, "--spring.datasource.username=" + postgres.username(),
						"--spring.datasource.password=" + postgres.password(),
						"--timesheets.processor.concurrency=" + concurrency, "--logging.level.root=WARN"));
		arguments.addAll(extra);
		Measurement processor;
		Map<String, Long> threadCpu;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ProcessorApplication.class)
			.run(arguments.toArray(String[]::new))) {
			long started = System.nanoTime();
			Map<String, Long> threads0 = cpuByThreadGroup();
			long cpuStarted = processCpuNanos();
			long[] pgStarted = postgresCpuNanos(postmaster, "processor_bench");
			double load0 = loadAverage();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			// the processor's own counter, incremented after each commit:
			// polling it costs PostgreSQL nothing (a COUNT(*) every 200
			// ms would be counted as its CPU)
			double done = 0;
			while (done < count) {
				Thread.sleep(50);
				done = meters.find("timesheets.processor.events").counters().stream().mapToDouble(Counter::count).sum();
			}
			long end = System.nanoTime();
			long cpu = processCpuNanos() - cpuStarted;
			long[] pg = postgresCpuNanos(postmaster, "processor_bench");
			threadCpu = delta(threads0, cpuByThreadGroup());
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			long recorded = jdbc.queryForObject("SELECT COUNT(*) FROM applied_events", Long.class);
			if (recorded != count) {
				throw new IllegalStateException("recorded " + recorded + " of " + count);
			}
			processor = new Measurement(count, end - started, cpu, pg[0] - pgStarted[0], pg[1] - pgStarted[1],
					(load0 + loadAverage()) / 2);
			System.out.printf("processor context started in %.1f s%n", (started - start) / 1e9);
		}
		Measurement raw2 = rawUpsert(rawUrl, postgres, postmaster, events, threads, "raw-b");

		double rawRate = (raw1.rate() + raw2.rate()) / 2;
		System.out.println();
		System.out.printf("%-34s %9s %8s %11s %11s %11s %6s%n", "phase", "events/s", "ratio", "JVM ms/1k", "PG ms/1k",
				"sum ms/1k", "load");
		print("raw upsert (before processor)", raw1, rawRate);
		print("processor", processor, rawRate);
		print("raw upsert (after processor)", raw2, rawRate);
		System.out.printf(
				"processor/raw rate ratio %.2f (vs mean of the raw runs %.0f/s); CPU ratio raw/processor %.2f%n",
				processor.rate() / rawRate, rawRate,
				(raw1.cpuPer1000() + raw2.cpuPer1000()) / 2 / processor.cpuPer1000());
		StringBuilder threadLine = new StringBuilder("processor window, JVM thread CPU ms/1k:");
		threadCpu
			.forEach((group, nanos) -> threadLine.append(String.format(" %s=%.1f", group, nanos / 1e6 / count * 1000)));
		System.out.println(threadLine);
		System.exit(0);
	}

	private static void print(String phase, Measurement m, double rawRate) {
		System.out.printf("%-34s %9.0f %7.2fx %11.1f %11.1f %11.1f %13.1f %6.1f%n", phase, m.rate(), m.rate() / rawRate,
				m.jvmPer1000(), m.pgPer1000(), m.cpuPer1000(), m.pgOtherPer1000(), m.load());
	}

	/**
	 * The raw baseline: the same rows, upserted with plain batched JDBC
	 * ({@value #RAW_BATCH} rows per batch and transaction) on {@code threads}
	 * connections. The JVM CPU counted is the worker threads' (the JDBC driver), not the
	 * idle broker's.
	 */
	private static Measurement rawUpsert(String url, PostgresForTests postgres, long postmaster,
			List<TimesheetSubmitted> events, int threads, String prefix) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("TRUNCATE timesheets");
			}
			connection.commit();
			// warm-up rows (the JIT of the driver), as the bench module's baseline does
			for (int i = 0; i < threads; i++) {
				upsertRange(connection, events, i * RAW_BATCH, (i + 1) * RAW_BATCH, prefix + "-warm");
			}
		}
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		AtomicLong next = new AtomicLong();
		AtomicLong driverCpu = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		// connections open before and closed after the window: their backends' CPU is
		// read while they are alive
		List<Connection> connections = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
			connection.setAutoCommit(false);
			connections.add(connection);
		}
		long[] pg0 = postgresCpuNanos(postmaster, database(url));
		double load0 = loadAverage();
		long start = System.nanoTime();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (Connection connection : connections) {
				futures.add(pool.submit(() -> {
					long cpu0 = mx.getCurrentThreadCpuTime();
					int from;
					while ((from = (int) next.getAndAdd(RAW_BATCH)) < events.size()) {
						upsertRange(connection, events, from, Math.min(from + RAW_BATCH, events.size()), prefix);
					}
					driverCpu.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
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
		long elapsed = System.nanoTime() - start;
		long[] pg1 = postgresCpuNanos(postmaster, database(url));
		for (Connection connection : connections) {
			connection.close();
		}
		return new Measurement(events.size(), elapsed, driverCpu.get(), pg1[0] - pg0[0], pg1[1] - pg0[1],
				(load0 + loadAverage()) / 2);
	}

	private static String database(String url) {
		String path = url.substring(url.lastIndexOf('/') + 1);
		int query = path.indexOf('?');
		return (query >= 0) ? path.substring(0, query) : path;
	}

	private static void upsertRange(Connection connection, List<TimesheetSubmitted> events, int from, int to,
			String prefix) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
			Timestamp now = Timestamp.from(Instant.now());
			UUID batch = UUID.randomUUID();
			for (int i = from; i < to; i++) {
				TimesheetSubmitted event = events.get(i);
				TimesheetEntry entry = event.entry();
				statement.setObject(1, prefix.endsWith("-warm")
						? UUID.nameUUIDFromBytes((prefix + i).getBytes(StandardCharsets.UTF_8)) : event.timesheetId());
				statement.setString(2, entry.externalId());
				statement.setString(3, entry.employeeId());
				statement.setString(4, entry.projectCode());
				statement.setObject(5, entry.workDate());
				statement.setBigDecimal(6, entry.hours());
				statement.setString(7, entry.note());
				statement.setObject(8, UUID.randomUUID());
				statement.setObject(9, batch);
				statement.setTimestamp(10, now);
				statement.setString(11, "bench");
				statement.setString(12, "bench");
				statement.setTimestamp(13, now);
				statement.addBatch();
			}
			statement.executeBatch();
		}
		connection.commit();
	}

	/** The postmaster is the parent of any backend. */
	private static long postmasterPid(String url, PostgresForTests postgres) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			long[] stat = stat(rs.getLong(1));
			if (stat == null) {
				System.out.println("PostgreSQL is not a local process: its CPU is not counted");
				return -1;
			}
			return stat[0];
		}
	}

	/**
	 * CPU of the PostgreSQL cluster so far: [0] the live backends connected to
	 * {@code database} (the work the client asked for), [1] everything else: the
	 * postmaster's own, its exited children's (cutime, cstime) and its other live
	 * children's (autovacuum, checkpointer, WAL writer, other databases' backends).
	 */
	private static long[] postgresCpuNanos(long postmaster, String database) throws IOException {
		if (postmaster < 0) {
			return new long[2];
		}
		long[] ticks = new long[2];
		long[] own = stat(postmaster);
		ticks[1] += own[1] + own[2] + own[3] + own[4];
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				String name = process.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				long[] stat = stat(Long.parseLong(name));
				if (stat != null && stat[0] == postmaster) {
					String command;
					try {
						command = Files.readString(process.resolve("cmdline"));
					}
					catch (IOException ex) {
						command = "";
					}
					ticks[command.startsWith("postgres: postgres " + database + " ") ? 0 : 1] += stat[1] + stat[2];
				}
			}
		}
		return new long[] { ticks[0] * 10_000_000L, ticks[1] * 10_000_000L }; // USER_HZ =
																				// 100
	}

	/** ppid, utime, stime, cutime, cstime of a process, null if it is gone. */
	private static long[] stat(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields[0] is field 3 (state)
			return new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
					Long.parseLong(fields[13]), Long.parseLong(fields[14]) };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static Map<String, Long> cpuByThreadGroup() {
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		Map<String, Long> groups = new LinkedHashMap<>();
		for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
			if (info == null) {
				continue;
			}
			long cpu = mx.getThreadCpuTime(info.getThreadId());
			if (cpu > 0) {
				groups.merge(threadGroup(info.getThreadName()), cpu, Long::sum);
			}
		}
		return groups;
	}

	private static String threadGroup(String name) {
		if (name.startsWith("timesheet-events-processor")) {
			return "consumers";
		}
		if (name.startsWith("kafka-producer-network-thread")) {
			return "producer-network";
		}
		if (name.startsWith("HikariPool") || name.startsWith("kafka-coordinator-heartbeat")) {
			return "processor-other";
		}
		return "other(broker,...)";
	}

	private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> delta = new LinkedHashMap<>();
		after.forEach((group, cpu) -> delta.put(group, cpu - before.getOrDefault(group, 0L)));
		return delta;
	}

	record Measurement(int events, long nanos, long jvmCpuNanos, long pgCpuNanos, long pgOtherCpuNanos, double load) {

		double rate() {
			return this.events / (this.nanos / 1e9);
		}

		double jvmPer1000() {
			return this.jvmCpuNanos / 1e6 / this.events * 1000;
		}

		double pgPer1000() {
			return this.pgCpuNanos / 1e6 / this.events * 1000;
		}

		double pgOtherPer1000() {
			return this.pgOtherCpuNanos / 1e6 / this.events * 1000;
		}

		double cpuPer1000() {
			return jvmPer1000() + pgPer1000();
		}

	}

}
