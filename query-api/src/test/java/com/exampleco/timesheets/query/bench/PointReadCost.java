package com.exampleco.timesheets.query.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.exampleco.timesheets.query.QueryApplication;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cost of one {@code GET /timesheets/{id}} against a raw JDBC point select, in one
 * run (issue 8). A throwaway PostgreSQL with N timesheets (default 100,000), the real
 * query API in this JVM as {@code timesheets_query}, and C client threads (default 4)
 * that speak HTTP/1.1 over plain keep-alive sockets, so that all the client's CPU is in
 * those threads and can be subtracted exactly ({@link ThreadMXBean}). After a warm-up
 * (default at least 20 s and 40,000 requests of HTTP, at most 5 min, then 5 s of JDBC) it
 * measures R rounds (default 2) of D seconds (default 20) each of: the API with random
 * ids, and a raw point select ({@code SELECT * FROM timesheets WHERE timesheet_id = ?},
 * prepared once, every column read) on C connections of their own. Prints per round:
 * rate, p50/p99 and the API's CPU per request = (process CPU - client threads' CPU) /
 * requests, which foreign load on a shared machine inflates far less than rates.
 * PostgreSQL's own CPU is not counted (another process) for either side.
 * <p>
 * Arguments: {@code rows clients seconds rounds warmupSeconds}.
 */
public final class PointReadCost {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private PointReadCost() {
	}

	public static void main(String[] args) throws Exception {
		try {
			measure(args);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	private static void measure(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int clients = (args.length > 1) ? Integer.parseInt(args[1]) : 4;
		int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : 20;
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 2;
		int warmup = (args.length > 4) ? Integer.parseInt(args[4]) : 20;
		QueryThroughput.Database database = QueryThroughput.Database.prepare(rows);
		String url = database.url();
		List<UUID> ids = database.ids();
		try (TestTokenIssuer issuer = TestTokenIssuer.start();
				ConfigurableApplicationContext api = new SpringApplicationBuilder(QueryApplication.class)
					.run(apiArguments(url, issuer.issuer().toString()))) {
			int port = Integer.parseInt(api.getEnvironment().getProperty("local.server.port"));
			String token = issuer.token().scopes("read:timesheets").expiresIn(Duration.ofHours(2)).sign();
			Scenario http = new Scenario() {
				@Override
				public Client open() throws IOException {
					return new HttpPointReads(port, token, ids);
				}
			};
			Scenario jdbc = new Scenario() {
				@Override
				public Client open() throws Exception {
					return new JdbcPointReads(url, ids);
				}
			};
			System.out.printf(Locale.ROOT, "%,d rows, %d clients, %d s per round, %d rounds, %d s warm-up, %s%n", rows,
					clients, seconds, rounds, warmup, loadAverage());
			awaitFirstAnswer(http);
			// warm up by time and by count: on a loaded machine 20 s
			// may be a few thousand requests, far from compiled code
			int warmed = 0;
			long warmupEnd = System.nanoTime() + Duration.ofSeconds(300).toNanos();
			for (int i = 0; i == 0 || (warmed < 40_000 && System.nanoTime() < warmupEnd); i++) {
				warmed += run(http, clients, (i == 0) ? warmup : 10).latencies().length;
			}
			System.out.printf(Locale.ROOT, "warm-up: %,d requests%n", warmed);
			run(jdbc, clients, 5);
			List<Result> apiResults = new ArrayList<>();
			List<Result> jdbcResults = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				Result a = run(http, clients, seconds);
				Result j = run(jdbc, clients, seconds);
				apiResults.add(a);
				jdbcResults.add(j);
				System.out.printf(Locale.ROOT, "round %d  %s%n", round, loadAverage());
				a.print("GET /timesheets/{id}", null);
				j.print("raw JDBC point select", null);
				System.out.printf(Locale.ROOT, "  ratio API/raw %.4f%n", a.rate() / j.rate());
			}
		}
	}

	/**
	 * Waits for the first 200: on a loaded machine the lazy discovery of the issuer can
	 * fail once (answered 503, retried on the next token), which is no part of the
	 * measurement.
	 */
	private static void awaitFirstAnswer(Scenario http) throws Exception {
		for (int attempt = 1;; attempt++) {
			try (Client client = http.open()) {
				client.once();
				return;
			}
			catch (IllegalStateException ex) {
				if (attempt == 30) {
					throw ex;
				}
				System.out.println("first request: " + ex.getMessage() + ", retrying");
				Thread.sleep(1000);
			}
		}
	}

	/**
	 * The API's arguments, plus those of the system property {@code bench.args}
	 * (space-separated), to compare settings without rebuilding, e.g.
	 * {@code -Dbench.args=--timesheets.security.token-cache.max-entries=0}.
	 */
	private static String[] apiArguments(String url, String issuer) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
				"--spring.datasource.username=timesheets_query", "--spring.datasource.password=bench",
				"--timesheets.security.issuer-uri=" + issuer, "--logging.level.root=WARN"));
		String extra = System.getProperty("bench.args", "").trim();
		if (!extra.isEmpty()) {
			arguments.addAll(List.of(extra.split("\\s+")));
			System.out.println("API arguments: " + extra);
		}
		return arguments.toArray(String[]::new);
	}

	private static String loadAverage() {
		try {
			String[] parts = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")),
					StandardCharsets.US_ASCII)
				.split(" ");
			return "load " + parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "load ?";
		}
	}

	private static Result run(Scenario scenario, int clients, int seconds) throws Exception {
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		List<Client> open = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			open.add(scenario.open());
		}
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long gcBefore = gcMillis();
		long jitBefore = compilerTicks();
		long processBefore = os.getProcessCpuTime();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		List<Future<long[]>> futures = new ArrayList<>();
		for (Client client : open) {
			futures.add(pool.submit(() -> {
				long cpuStart = THREADS.getCurrentThreadCpuTime();
				long[] own = new long[1 << 16];
				int n = 0;
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					client.once();
					if (n + 1 == own.length) {
						own = Arrays.copyOf(own, n * 2);
					}
					own[n++] = System.nanoTime() - t0;
				}
				// last slot: this thread's CPU
				long[] result = Arrays.copyOf(own, n + 1);
				result[n] = THREADS.getCurrentThreadCpuTime() - cpuStart;
				return result;
			}));
		}
		long clientCpu = 0;
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> future : futures) {
			long[] own = future.get();
			clientCpu += own[own.length - 1];
			all.add(Arrays.copyOf(own, own.length - 1));
		}
		long wall = System.nanoTime() - start;
		long processCpu = os.getProcessCpuTime() - processBefore;
		long gc = gcMillis() - gcBefore;
		long jit = (compilerTicks() - jitBefore) * 10_000_000L;
		pool.shutdown();
		for (Client client : open) {
			client.close();
		}
		long[] latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
		Arrays.sort(latencies);
		return new Result(latencies, wall, processCpu, clientCpu, jit, gc);
	}

	/**
	 * CPU of the JIT compiler threads so far, in clock ticks (1/100 s on Linux), from
	 * {@code /proc/self/task/<tid>/stat}: compilation is part of warming up, not of a
	 * request, and is reported apart.
	 */
	private static long compilerTicks() {
		long ticks = 0;
		java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
		if (tasks == null) {
			return 0;
		}
		for (java.io.File task : tasks) {
			try {
				String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"), StandardCharsets.US_ASCII);
				int open = stat.indexOf('(');
				int close = stat.lastIndexOf(')');
				if (!stat.substring(open + 1, close).contains("Compiler")) {
					continue;
				}
				String[] fields = stat.substring(close + 2).split(" ");
				// fields[0] is state (field 3); utime and stime are fields 14 and 15
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (IOException | RuntimeException ex) {
				// thread ended meanwhile
			}
		}
		return ticks;
	}

	private static long gcMillis() {
		long total = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, gc.getCollectionTime());
		}
		return total;
	}

	interface Scenario {

		Client open() throws Exception;

	}

	interface Client extends AutoCloseable {

		void once() throws Exception;

		@Override
		void close() throws IOException;

	}

	record Result(long[] latencies, long wallNanos, long processCpuNanos, long clientCpuNanos, long jitCpuNanos,
			long gcMillis) {

		double rate() {
			return this.latencies.length / (this.wallNanos / 1e9);
		}

		void print(String name, Object unused) {
			int n = this.latencies.length;
			System.out.printf(Locale.ROOT,
					"  %-24s %8.0f /s  p50 %6.2f ms  p99 %6.2f ms  server CPU %.3f ms/req (JIT excluded)  "
							+ "client %.3f  JIT %.3f  process %.3f ms/req  GC %d ms  (%d requests)%n",
					name, rate(), this.latencies[n / 2] / 1e6, this.latencies[(int) (n * 0.99)] / 1e6,
					(this.processCpuNanos - this.clientCpuNanos - this.jitCpuNanos) / 1e6 / n,
					this.clientCpuNanos / 1e6 / n, this.jitCpuNanos / 1e6 / n, this.processCpuNanos / 1e6 / n,
					this.gcMillis, n);
		}

	}

	/** Raw point selects on one connection of its own, every column read. */
	static final class JdbcPointReads implements Client {

		private final Connection connection;

		private final PreparedStatement select;

		private final List<UUID> ids;

		JdbcPointReads(String url, List<UUID> ids) throws Exception {
			this.connection = DriverManager.getConnection(url, "timesheets_query", "bench");
			this.select = this.connection.prepareStatement("SELECT * FROM timesheets WHERE timesheet_id = ?");
			this.ids = ids;
		}

		@Override
		public void once() throws Exception {
			this.select.setObject(1, this.ids.get(ThreadLocalRandom.current().nextInt(this.ids.size())));
			try (ResultSet rs = this.select.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("no row");
				}
				int columns = rs.getMetaData().getColumnCount();
				for (int i = 1; i <= columns; i++) {
					rs.getObject(i);
				}
			}
		}

		@Override
		public void close() throws IOException {
			try {
				this.connection.close();
			}
			catch (Exception ex) {
				throw new IOException(ex);
			}
		}

	}

	/**
	 * {@code GET /timesheets/{id}} over one keep-alive socket: a minimal HTTP/1.1 client,
	 * so its CPU is all on the calling thread.
	 */
	static final class HttpPointReads implements Client {

		private final int port;

		private Socket socket;

		private OutputStream out;

		private InputStream in;

		private final String head;

		private final String tail;

		private final List<UUID> ids;

		private final byte[] body = new byte[64 * 1024];

		HttpPointReads(int port, String token, List<UUID> ids) throws IOException {
			this.port = port;
			connect();
			this.head = "GET /timesheets/";
			this.tail = " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nAuthorization: Bearer " + token
					+ "\r\n\r\n";
			this.ids = ids;
		}

		private void connect() throws IOException {
			this.socket = new Socket("127.0.0.1", this.port);
			this.socket.setTcpNoDelay(true);
			this.out = this.socket.getOutputStream();
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
		}

		@Override
		public void once() throws IOException {
			UUID id = this.ids.get(ThreadLocalRandom.current().nextInt(this.ids.size()));
			this.out.write((this.head + id + this.tail).getBytes(StandardCharsets.ISO_8859_1));
			this.out.flush();
			String status = line();
			if (!status.startsWith("HTTP/1.1 200")) {
				throw new IllegalStateException(status);
			}
			int length = -1;
			boolean chunked = false;
			boolean close = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				String name = header.substring(0, colon).trim();
				if (name.equalsIgnoreCase("Content-Length")) {
					length = Integer.parseInt(header.substring(colon + 1).trim());
				}
				else if (name.equalsIgnoreCase("Transfer-Encoding")) {
					chunked = header.toLowerCase(Locale.ROOT).contains("chunked");
				}
				else if (name.equalsIgnoreCase("Connection")) {
					close = header.toLowerCase(Locale.ROOT).contains("close");
				}
			}
			if (chunked) {
				for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(),
						16)) {
					readFully(size);
					line();
				}
				line();
			}
			else if (length >= 0) {
				readFully(length);
			}
			else {
				throw new IllegalStateException("no length");
			}
			if (close) {
				// Tomcat closes a keep-alive connection after max-keep-alive-requests
				this.socket.close();
				connect();
			}
		}

		private void readFully(int length) throws IOException {
			int done = 0;
			while (done < length) {
				int n = this.in.read(this.body, 0, Math.min(this.body.length, length - done));
				if (n < 0) {
					throw new EOFException();
				}
				done += n;
			}
		}

		private String line() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream(64);
			for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
				if (b < 0) {
					throw new EOFException();
				}
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.ISO_8859_1);
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
