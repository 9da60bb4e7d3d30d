package com.exampleco.timesheets.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.exampleco.timesheets.events.Topics;

/**
 * Phase 7: an open-loop offer of N entries/s, and for a few accepted batches a second the
 * time from the 202 until the last entry is readable on the query API — at the fixed
 * levels of {@link Settings#endToEndRates()} (each a figure; the goal at 10,000/s), and
 * on a ladder of rates in steps of {@link SideSettings#ladderStep()}, climbed in
 * ascending order with the fixed levels until a level breaks the bound (p99 over 500 ms,
 * probes never seen, or under 95 % of the offer accepted), the ladder's time budget is
 * spent or its top is reached. The highest level that kept the bound is a figure, with
 * the CPU split per process at that level. After a broken level, the next fixed level
 * waits until the processor has caught up.
 */
final class EndToEndPhase {

	static final double GOAL_P99_MS = 500.0;

	private static final int GOAL_RATE = 10_000;

	private static final String PROCESSOR_GROUP = "timesheet-processor";

	private static final List<String> PIPELINE = List.of("kafka broker", "auth-server", "ingest-api", "processor",
			"query-api", Cpu.POSTGRES);

	private EndToEndPhase() {
	}

	/**
	 * One level offered.
	 *
	 * @param rate entries/s offered
	 * @param result what the driver saw
	 * @param cpu CPU per 1,000 accepted entries by process over the offer
	 * @param cpuPercent CPU by process over the offer, in % of one core
	 */
	record Level(int rate, Drivers.EndToEnd result, Map<String, Object> cpu, Map<String, Object> cpuPercent) {

		/**
		 * Whether the level kept the bound: p99 ≤ 500 ms, every probe seen, 95 %
		 * accepted.
		 */
		boolean kept() {
			return keeps(this.result.visible().millis(99), this.result.missing(), this.result.accepted(), this.rate);
		}

		Map<String, Object> summary() {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("offered", this.rate);
			summary.put("accepted", Math.round(this.result.accepted()));
			summary.put("p99Ms", Math.round(this.result.visible().millis(99)));
			summary.put("probesNotVisibleInTime", this.result.missing());
			summary.put("kept", kept());
			return summary;
		}

	}

	static boolean keeps(double p99Ms, long missing, double accepted, int offered) {
		return p99Ms <= GOAL_P99_MS && missing == 0 && accepted >= 0.95 * offered;
	}

	/**
	 * The levels to offer, ascending: the fixed ones and the ladder's steps up to its
	 * top.
	 */
	static List<Integer> plan(List<Integer> fixed, int step, int max) {
		TreeSet<Integer> rates = new TreeSet<>(fixed);
		for (int rate = step; rate <= max; rate += step) {
			rates.add(rate);
		}
		return new ArrayList<>(rates);
	}

	static void run(BenchRun run) throws Exception {
		Settings s = run.settings();
		SideSettings side = run.side();
		long ladderEnds = System.nanoTime() + side.ladderBudgetSeconds() * 1_000_000_000L;
		List<Level> levels = new ArrayList<>();
		boolean broken = false;
		String ended = "top of the ladder (" + side.ladderMaxRate() + "/s) reached";
		for (int rate : plan(s.endToEndRates(), side.ladderStep(), side.ladderMaxRate())) {
			boolean fixed = s.endToEndRates().contains(rate);
			if (!fixed && broken) {
				continue;
			}
			if (!fixed && System.nanoTime() > ladderEnds) {
				ended = "time budget (" + side.ladderBudgetSeconds() + " s) spent";
				continue;
			}
			if (broken) {
				awaitProcessorCaughtUp(run);
			}
			Level level = offer(run, rate, fixed ? s.endToEndSeconds() : side.ladderSeconds());
			levels.add(level);
			if (fixed) {
				report(run, level);
			}
			if (!level.kept() && !broken) {
				broken = true;
				ended = "broke at " + rate + "/s";
			}
		}
		reportHighest(run, levels, broken, ended);
	}

	private static Level offer(BenchRun run, int rate, int seconds) throws Exception {
		Settings s = run.settings();
		run.step("end to end: " + rate + " entries/s offered for " + seconds + " s, batches of " + s.endToEndBatch());
		Cpu.Snapshot before = Cpu.take(run.stack());
		long start = System.nanoTime();
		Drivers.EndToEnd e2e = Drivers.endToEnd(run.stack().ingestUrl(), run.stack().queryUrl(), run.writeToken().get(),
				run.readToken().get(), run.payloads(), "e2e" + rate, rate, s.endToEndBatch(), seconds, 5, 25,
				s.endToEndDrainSeconds());
		// the drain of the last probes is in this window too; its CPU is the
		// backlog's
		Cpu.Snapshot after = Cpu.take(run.stack());
		double windowSeconds = (System.nanoTime() - start) / 1e9;
		Map<String, Object> cpu = Cpu.per1000(before, after, Math.max(1, e2e.accepted() * seconds), PIPELINE);
		Map<String, Object> percent = new LinkedHashMap<>();
		Map<String, Long> at = after.processes();
		at.forEach((process, ms) -> {
			Long from = before.processes().get(process);
			if (from != null && from >= 0 && ms >= 0) {
				percent.put(process, Math.round((ms - from) / windowSeconds / 10.0 * 10) / 10.0);
			}
		});
		percent.put("windowSeconds", Math.round(windowSeconds * 10) / 10.0);
		Level level = new Level(rate, e2e, cpu, percent);
		run.step(String.format("end to end: %d/s → p99 %.0f ms", rate, e2e.visible().millis(99))
				+ (level.kept() ? "" : " (bound broken)"));
		return level;
	}

	private static void report(BenchRun run, Level level) {
		Drivers.EndToEnd e2e = level.result();
		Map<String, Object> details = new LinkedHashMap<>(e2e.details());
		details.put("cpuMsPer1000", level.cpu());
		details.put("cpuPercentOfOneCore", level.cpuPercent());
		String figure = "end to end p99 (202 → visible), " + level.rate() + " entries/s offered"
				+ ((e2e.missing() > 0) ? " (≥: " + e2e.missing() + " probes never seen)" : "");
		if (level.rate() >= GOAL_RATE) {
			run.report().bounded(figure, e2e.visible().millis(99), "ms", GOAL_P99_MS, details);
		}
		else {
			run.report().add(figure, e2e.visible().millis(99), "ms", details);
		}
	}

	private static void reportHighest(BenchRun run, List<Level> levels, boolean broken, String ended) {
		Level highest = null;
		for (Level level : levels) {
			if (level.kept() && (highest == null || level.rate() > highest.rate())) {
				highest = level;
			}
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("step", run.side().ladderStep());
		details.put("ended", ended);
		details.put("levels", levels.stream().map(Level::summary).toList());
		if (highest != null) {
			details.put("p99Ms", highest.result().visible().millis(99));
			details.put("cpuMsPer1000", highest.cpu());
			details.put("cpuPercentOfOneCore", highest.cpuPercent());
		}
		run.report()
			.atLeast("end to end: highest offered rate with p99 ≤ 500 ms" + (broken ? "" : " (≥: never broke)"),
					(highest != null) ? highest.rate() : 0, "entries/s", GOAL_RATE, details);
	}

	/**
	 * Waits (up to two minutes) until the processor's group is within 1,000 records of
	 * the end of its topic, so that a level is not measured on the previous one's
	 * backlog.
	 */
	private static void awaitProcessorCaughtUp(BenchRun run) throws Exception {
		long deadline = System.nanoTime() + 120_000_000_000L;
		long lag;
		while ((lag = KafkaBaseline.lag(run.stack().bootstrapServers(), Topics.TIMESHEET_EVENTS,
				PROCESSOR_GROUP)) > 1000 && System.nanoTime() < deadline) {
			Thread.sleep(1000);
		}
		run.step("end to end: processor's lag before the next level " + lag + " records");
	}

}
