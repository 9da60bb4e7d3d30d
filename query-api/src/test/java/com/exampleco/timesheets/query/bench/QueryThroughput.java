package com.exampleco.timesheets.query.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import com.exampleco.timesheets.query.QueryApplication;
import com.exampleco.timesheets.testsupport.postgres.PostgresForTests;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import org.flywaydb.core.Flyway;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Measures the query API's request rates outside the test suite: a throwaway PostgreSQL
 * (or {@code TIMESHEETS_TEST_JDBC_URL}) migrated with the processor's migration and
 * filled with N timesheets (default 100,000; 1,000 employees, 25 projects, one year of
 * work dates), the real query API on a random port connected as the SELECT-only role,
 * then T client threads (default 8) send, each for D seconds (default 20) after a 5 s
 * warm-up of each: {@code GET /timesheets/{id}} of random ids, and
 * {@code GET /timesheets} pages of 50 for a random employee and unfiltered first pages.
 * Prints requests/s and latency percentiles. See the module README for the command and
 * figures.
 */
public final class QueryThroughput {

	private QueryThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 8;
		int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : 20;
		Database database = Database.prepare(rows);
		String url = database.url();
		List<UUID> ids = database.ids();
		try (TestTokenIssuer issuer = TestTokenIssuer.start();
				ConfigurableApplicationContext api = new SpringApplicationBuilder(QueryApplication.class).run(
						"--server.port=0", "--spring.datasource.url=" + url,
						"--spring.datasource.username=timesheets_query", "--spring.datasource.password=bench",
						"--timesheets.security.issuer-uri=" + issuer.issuer(), "--logging.level.root=WARN")) {
			String base = "http://127.0.0.1:" + api.getEnvironment().getProperty("local.server.port");
			String token = issuer.token().scopes("read:timesheets").expiresIn(Duration.ofHours(1)).sign();
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			System.out.printf("%,d rows, %d client threads, %d s per scenario%n", rows, threads, seconds);
			Map<String, IntFunction<String>> scenarios = new LinkedHashMap<>();
			scenarios.put("GET /timesheets?employeeId (first page, 50)",
					(i) -> base + "/timesheets?limit=50&employeeId=E" + ThreadLocalRandom.current().nextInt(1000));
			scenarios.put("GET /timesheets (unfiltered, first page, 50)", (i) -> base + "/timesheets?limit=50");
			scenarios.put("GET /timesheets/{id}",
					(i) -> base + "/timesheets/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
			// warm every path up first, so JIT compilation does not favour the later ones
			for (IntFunction<String> uris : scenarios.values()) {
				measure(http, threads, 5, uris, token);
			}
			for (Map.Entry<String, IntFunction<String>> scenario : scenarios.entrySet()) {
				run(scenario.getKey(), http, threads, seconds, scenario.getValue(), token);
			}
		}
		System.exit(0);
	}

	/**
	 * A fresh database with the processor's schema, {@code rows} timesheets and the query
	 * API's read-only role ({@code timesheets_query} / {@code bench}), analysed; shared
	 * by this driver and {@link PointReadCost}.
	 *
	 * @param url its JDBC URL
	 * @param ids the ids of the rows
	 */
	record Database(String url, List<UUID> ids) {

		static Database prepare(int rows) throws Exception {
			PostgresForTests postgres = PostgresForTests.shared();
			String url = postgres.createDatabase("timesheets");
			DriverManagerDataSource owner = new DriverManagerDataSource(url, postgres.username(), postgres.password());
			Flyway.configure().dataSource(owner).locations("classpath:db/migration").load().migrate();
			List<UUID> ids = fill(new JdbcTemplate(owner), rows);
			try (InputStream in = Database.class.getResourceAsStream("/db/roles/query-api-readonly.sql");
					Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
					Statement statement = connection.createStatement()) {
				statement.execute("DROP ROLE IF EXISTS timesheets_query");
				statement
					.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(":password", "'bench'"));
				statement.execute("ANALYZE");
			}
			return new Database(url, ids);
		}

	}

	static List<UUID> fill(JdbcTemplate jdbc, int rows) {
		List<UUID> ids = new ArrayList<>(rows);
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> batch = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			batch.add(new Object[] { id, "bench-" + i, "E" + (i % 1000), "P" + (i % 25),
					LocalDate.of(2026, 1, 1).plusDays(i % 365), new BigDecimal("7.5"), "SUBMITTED", UUID.randomUUID(),
					UUID.randomUUID(), now, "bench", "bench", now });
			if (batch.size() == 5000 || i == rows - 1) {
				jdbc.batchUpdate("""
						INSERT INTO timesheets (timesheet_id, external_id, employee_id, project_code, work_date, hours,
						  status, version, last_event_id, last_batch_id, submitted_at, submitted_by, submitted_client,
						  updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)""", batch);
				batch.clear();
			}
		}
		return ids;
	}

	private static void run(String name, HttpClient http, int threads, int seconds, IntFunction<String> uris,
			String token) throws Exception {
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long cpuBefore = os.getProcessCpuTime();
		long[] latencies = measure(http, threads, seconds, uris, token);
		long cpu = os.getProcessCpuTime() - cpuBefore;
		Arrays.sort(latencies);
		// CPU of this JVM (API and client together) per request: a figure that other
		// load on the machine does not inflate the way it inflates wall-clock rates
		System.out.printf("%-48s %8.0f req/s  p50 %5.1f ms  p99 %5.1f ms  JVM CPU %.2f ms/req  (%d requests)%n", name,
				latencies.length / (double) seconds, latencies[latencies.length / 2] / 1e6,
				latencies[(int) (latencies.length * 0.99)] / 1e6, cpu / 1e6 / latencies.length, latencies.length);
	}

	private static long[] measure(HttpClient http, int threads, int seconds, IntFunction<String> uris, String token)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		List<Future<long[]>> results = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			results.add(pool.submit(() -> {
				long[] own = new long[1 << 16];
				int n = 0;
				while (System.nanoTime() < end) {
					long start = System.nanoTime();
					HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(uris.apply(n)))
						.header("Authorization", "Bearer " + token)
						.build(), HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() != 200) {
						throw new IllegalStateException("status " + response.statusCode());
					}
					if (n == own.length) {
						own = Arrays.copyOf(own, n * 2);
					}
					own[n++] = System.nanoTime() - start;
				}
				return Arrays.copyOf(own, n);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> result : results) {
			all.add(result.get());
		}
		pool.shutdown();
		return all.stream().flatMapToLong(Arrays::stream).toArray();
	}

}
