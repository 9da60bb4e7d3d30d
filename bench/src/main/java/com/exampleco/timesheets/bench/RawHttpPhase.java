package com.exampleco.timesheets.bench;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.exampleco.timesheets.launcher.process.JavaProcess;

/**
 * Phase 6c: the raw HTTP baseline of the query API ({@link RawQueryServer}, a process of
 * its own) under the same drivers as phase 6 — reads by id, then employee pages — after a
 * short JIT warm-up; the query API's figures of phase 6 beside it, requests per second
 * and CPU milliseconds per request of each process. A failure is reported as a note.
 */
final class RawHttpPhase {

	static final String PROCESS = "raw-http-server";

	private static final double GOAL_QUERY_API_MS_PER_READ = 0.35;

	private static final String BASELINE = "raw HTTP server (JDK HttpServer)";

	private RawHttpPhase() {
	}

	static void run(BenchRun run, QueryPhase.Figures api) {
		SideSettings side = run.side();
		Settings s = run.settings();
		JavaProcess server = null;
		try {
			int port = ConnectPeer.freePort();
			server = process(run, port);
			run.step("raw HTTP server: starting (JDK HttpServer, " + side.rawHttpThreads() + " threads, HikariCP "
					+ side.rawHttpPoolSize() + ")");
			run.stack().startSide(server);
			server.awaitHealthy(Duration.ofSeconds(60));
			String base = "http://127.0.0.1:" + port;
			List<UUID> ids = QueryPhase.prefilledIds(run);
			run.step("raw HTTP server: JIT warm-up, " + side.rawHttpJitWarmupSeconds() + " s (not measured)");
			Drivers.query(run.readToken(), Drivers.byId(base, ids), s.queryClients(), 0,
					Math.max(1, side.rawHttpJitWarmupSeconds() * 5 / 8));
			Drivers.query(run.readToken(), Drivers.byEmployee(base), s.queryClients(), 0,
					Math.max(1, side.rawHttpJitWarmupSeconds() * 3 / 8));

			QueryPhase.Reads rawById = reads(run, "GET /timesheets/{id}", Drivers.byId(base, ids));
			QueryPhase.Reads rawByEmployee = reads(run, "GET /timesheets?employeeId&limit=50",
					Drivers.byEmployee(base));
			compare(run, "GET /timesheets/{id}", api.byId(), rawById, 0.5, GOAL_QUERY_API_MS_PER_READ);
			compare(run, "GET /timesheets?employeeId&limit=50", api.byEmployee(), rawByEmployee, null, null);
		}
		catch (Exception ex) {
			run.report()
				.note("the raw HTTP baseline failed: " + ex + ((server != null) ? " (log: " + server.log() + ")" : ""));
		}
		finally {
			if (server != null) {
				run.stack().stopSide(server);
			}
		}
	}

	private static JavaProcess process(BenchRun run, int port) {
		SideSettings side = run.side();
		RawBaselines.Db db = run.stack().database();
		// TCP_NODELAY as Tomcat has it by default: without it the JDK server's separate
		// header and body writes meet delayed ACKs (~40 ms a request; 86 req/s seen)
		List<String> command = JavaProcess.javaCommand(List.of("-Xmx512m", "-Dsun.net.httpserver.nodelay=true"));
		command.addAll(List.of("-cp", PipelineStack.brokerClasspath(), RawQueryServer.class.getName(), "--port",
				Integer.toString(port), "--jdbc-url", db.url(), "--user", db.user(), "--password", db.password(),
				"--issuer", run.stack().authUrl(), "--audience", "https://api.timesheets.exampleco.com", "--threads",
				Integer.toString(side.rawHttpThreads()), "--pool", Integer.toString(side.rawHttpPoolSize())));
		return new JavaProcess(PROCESS, command, Map.of(),
				ConnectPeer.connectDirectory().getParent().resolve("pipeline/logs/" + PROCESS + ".log"),
				URI.create("http://127.0.0.1:" + port + "/health"));
	}

	/** One measured read phase of the raw server, reported with its CPU per request. */
	private static QueryPhase.Reads reads(BenchRun run, String what, Supplier<String> urls) throws Exception {
		Settings s = run.settings();
		SideSettings side = run.side();
		run.step("raw HTTP server: " + what + ", " + s.queryClients() + " clients");
		Cpu.Window window = Cpu.window(run.stack(), side.rawHttpWarmupSeconds(), side.rawHttpSeconds());
		Drivers.Phase phase = Drivers.query(run.readToken(), urls, s.queryClients(), side.rawHttpWarmupSeconds(),
				side.rawHttpSeconds());
		QueryPhase.Reads reads = new QueryPhase.Reads(phase, window.before(), window.after());
		Map<String, Object> details = new LinkedHashMap<>(phase.details());
		details.put("cpuMsPerRequest", msPerRequest(reads, side.rawHttpSeconds(), PROCESS));
		details.put("cpuMsPer1000", Cpu.per1000(window.before(), window.after(),
				phase.perSecond() * side.rawHttpSeconds(), List.of(PROCESS, Cpu.POSTGRES)));
		run.report()
			.add(BASELINE + " " + what + ", " + s.queryClients() + " clients", phase.perSecond(), "req/s", details);
		return reads;
	}

	/**
	 * The query API's read beside the raw server's: requests per second (goal: a minimum
	 * ratio), and the query API process's CPU per request beside the raw server process's
	 * (goal: a maximum).
	 */
	private static void compare(BenchRun run, String what, QueryPhase.Reads api, QueryPhase.Reads raw, Double minRatio,
			Double maxApiMs) {
		int apiSeconds = run.settings().querySeconds();
		int rawSeconds = run.side().rawHttpSeconds();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("queryApiCpuMsPerRequest", msPerRequest(api, apiSeconds, "query-api"));
		details.put("rawServerCpuMsPerRequest", msPerRequest(raw, rawSeconds, PROCESS));
		run.report()
			.compare("query " + what + " beside the raw HTTP server", api.phase().perSecond(), "req/s", BASELINE,
					raw.phase().perSecond(), minRatio, details);
		double apiMs = api.msPerRequest("query-api", apiSeconds);
		double rawMs = raw.msPerRequest(PROCESS, rawSeconds);
		String figure = "query API process CPU per " + what;
		Map<String, Object> cpu = Map.of("jitExcludedMs", round3(
				Cpu.perUnitWithoutJit(api.before(), api.after(), "query-api", api.phase().perSecond() * apiSeconds)));
		if (maxApiMs != null) {
			run.report().compareAtMost(figure, apiMs, "ms/req", "raw HTTP server process CPU", rawMs, maxApiMs, cpu);
		}
		else {
			run.report().compare(figure, apiMs, "ms/req", "raw HTTP server process CPU", rawMs, null, cpu);
		}
	}

	/** CPU ms per request of the serving process, PostgreSQL and the bench driver. */
	private static Map<String, Object> msPerRequest(QueryPhase.Reads reads, int seconds, String server) {
		Map<String, Object> ms = new LinkedHashMap<>();
		for (String process : List.of(server, Cpu.POSTGRES, Cpu.DRIVER)) {
			ms.put(process, round3(reads.msPerRequest(process, seconds)));
		}
		return ms;
	}

	private static double round3(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
