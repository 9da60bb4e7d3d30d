package com.exampleco.timesheets.bench;

/**
 * Phase 7: an open-loop offer of N entries/s, and for a few accepted batches a second the
 * time from the 202 until the last entry is readable on the query API.
 */
final class EndToEndPhase {

	private static final double GOAL_P99_MS = 500.0;

	private static final int GOAL_RATE = 10_000;

	private EndToEndPhase() {
	}

	static void run(BenchRun run) throws Exception {
		Settings s = run.settings();
		String writeToken = run.writeToken().get();
		String readToken = run.readToken().get();
		for (int rate : s.endToEndRates()) {
			run.step("end to end: " + rate + " entries/s offered for " + s.endToEndSeconds() + " s, batches of "
					+ s.endToEndBatch());
			Drivers.EndToEnd e2e = Drivers.endToEnd(run.stack().ingestUrl(), run.stack().queryUrl(), writeToken,
					readToken, run.payloads(), "e2e" + rate, rate, s.endToEndBatch(), s.endToEndSeconds(), 5, 25,
					s.endToEndDrainSeconds());
			String figure = "end to end p99 (202 → visible), " + rate + " entries/s offered"
					+ ((e2e.missing() > 0) ? " (≥: " + e2e.missing() + " probes never seen)" : "");
			if (rate >= GOAL_RATE) {
				run.report().bounded(figure, e2e.visible().millis(99), "ms", GOAL_P99_MS, e2e.details());
			}
			else {
				run.report().add(figure, e2e.visible().millis(99), "ms", e2e.details());
			}
		}
	}

}
