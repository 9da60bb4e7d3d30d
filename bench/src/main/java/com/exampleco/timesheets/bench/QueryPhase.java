package com.exampleco.timesheets.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Phases 5 and 6: the raw JDBC point select, then the query API by id, by employee and
 * unfiltered, after an unmeasured JIT warm-up; and what one read by id costs the API in
 * CPU beside what one raw select costs its client.
 */
final class QueryPhase {

	private static final List<String> API_AND_DATABASE = List.of("query-api", Cpu.POSTGRES);

	private QueryPhase() {
	}

	/**
	 * @return the measured windows of the reads by id and by employee, for the raw HTTP
	 * server's comparison
	 */
	static Figures run(BenchRun run) throws Exception {
		Settings s = run.settings();
		String queryUrl = run.stack().queryUrl();
		List<UUID> ids = prefilledIds(run);
		run.step("raw baseline: JDBC point select by id, " + s.queryClients() + " connections");
		Cpu.Window rawWindow = Cpu.window(run.stack(), s.queryWarmupSeconds(), s.querySeconds());
		RawBaselines.Throughput rawSelect = RawBaselines.pointSelect(run.stack().database(), ids, s.queryClients(),
				s.queryWarmupSeconds(), s.querySeconds());
		double queries = rawSelect.perSecond() * s.querySeconds();
		Map<String, Object> rawDetails = new LinkedHashMap<>(rawSelect.details());
		Map<String, Object> rawCpu = Cpu.per1000(rawWindow.before(), rawWindow.after(), queries,
				List.of(Cpu.POSTGRES, Cpu.DRIVER));
		rawDetails.put("cpuMsPer1000", rawCpu);
		run.report()
			.add("raw JDBC point select by id (" + s.queryClients() + " conns)", rawSelect.perSecond(), "queries/s",
					rawDetails);

		// Like the ingest API, the query API's request path needs tens of thousands of
		// requests before C2 has compiled it; a few seconds of warm-up measured mostly
		// the JIT.
		run.step("query: JIT warm-up, " + s.queryJitWarmupSeconds()
				+ " s of GET by id, employee pages and first pages (not measured)");
		int jitWarmup = s.queryJitWarmupSeconds();
		Drivers.query(run.readToken(), Drivers.byId(queryUrl, ids), s.queryClients(), 0,
				Math.max(1, jitWarmup * 5 / 8));
		Drivers.query(run.readToken(), Drivers.byEmployee(queryUrl), s.queryClients(), 0, Math.max(1, jitWarmup / 4));
		Drivers.query(run.readToken(), Drivers.firstPage(queryUrl), s.queryClients(), 0, Math.max(1, jitWarmup / 8));

		Measured raw = new Measured(rawSelect.perSecond(), rawCpu);
		Reads byId = reads(run, "GET /timesheets/{id}", Drivers.byId(queryUrl, ids), raw, 0.5);
		double requests = byId.phase().perSecond() * s.querySeconds();
		Map<String, Object> cost = new LinkedHashMap<>();
		cost.put("queryApiProcessMsPerRequest",
				round3(Cpu.perUnit(byId.before(), byId.after(), "query-api", requests)));
		cost.put("postgresMsPerRequest", round3(Cpu.perUnit(byId.before(), byId.after(), Cpu.POSTGRES, requests)));
		cost.put("benchDriverMsPerRequest", round3(Cpu.perUnit(byId.before(), byId.after(), Cpu.DRIVER, requests)));
		cost.put("rawSelectPostgresMsPerQuery",
				round3(Cpu.perUnit(rawWindow.before(), rawWindow.after(), Cpu.POSTGRES, queries)));
		run.report()
			.compare("query API CPU per GET /timesheets/{id}, JIT excluded",
					Cpu.perUnitWithoutJit(byId.before(), byId.after(), "query-api", requests), "ms/req",
					"raw select: driver CPU per query",
					Cpu.perUnit(rawWindow.before(), rawWindow.after(), Cpu.DRIVER, queries), null, cost);

		Reads byEmployee = reads(run, "GET /timesheets?employeeId&limit=50", Drivers.byEmployee(queryUrl), raw, null);
		reads(run, "GET /timesheets?limit=50 (unfiltered)", Drivers.firstPage(queryUrl), raw, null);
		return new Figures(byId, byEmployee);
	}

	/** The query API's reads by id and by employee, with their measured windows. */
	record Figures(Reads byId, Reads byEmployee) {
	}

	/**
	 * One closed-loop read phase of the query API, reported beside the raw select.
	 * @return the phase and the CPU snapshots of its measured window
	 */
	private static Reads reads(BenchRun run, String what, Supplier<String> urls, Measured raw, Double goal)
			throws Exception {
		Settings s = run.settings();
		run.step("query: " + what + ", " + s.queryClients() + " clients");
		Cpu.Window window = Cpu.window(run.stack(), s.queryWarmupSeconds(), s.querySeconds());
		Drivers.Phase phase = Drivers.query(run.readToken(), urls, s.queryClients(), s.queryWarmupSeconds(),
				s.querySeconds());
		Map<String, Object> details = new LinkedHashMap<>(phase.details());
		Map<String, Object> cpu = Cpu.per1000(window.before(), window.after(), phase.perSecond() * s.querySeconds(),
				API_AND_DATABASE);
		details.put("cpuMsPer1000", cpu);
		details.put("cpuRatioRawOverPipeline", raw.cpuRatioOver(cpu));
		run.report()
			.compare("query " + what + ", " + s.queryClients() + " clients", phase.perSecond(), "req/s",
					"raw JDBC point select", raw.perSecond(), goal, details);
		return new Reads(phase, window.before(), window.after());
	}

	/** Up to 20,000 ids of the processor's pre-filled timesheets, spread over them. */
	static List<UUID> prefilledIds(BenchRun run) {
		int prefill = run.settings().prefill();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < prefill; i += Math.max(1, prefill / 20_000)) {
			ids.add(run.payloads().timesheetId("prefill", i));
		}
		return ids;
	}

	/** One closed-loop read phase and the CPU snapshots of its measured window. */
	record Reads(Drivers.Phase phase, Cpu.Snapshot before, Cpu.Snapshot after) {

		/** CPU milliseconds of a process per request of the measured window. */
		double msPerRequest(String process, int seconds) {
			return Cpu.perUnit(this.before, this.after, process, this.phase.perSecond() * seconds);
		}

	}

	private static double round3(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
