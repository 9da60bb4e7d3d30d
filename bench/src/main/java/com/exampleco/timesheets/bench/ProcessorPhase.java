package com.exampleco.timesheets.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.exampleco.timesheets.events.Topics;

/**
 * Phase 4: the processor, started on a topic pre-filled with submissions, until every
 * event is recorded; beside the raw upsert and the 2-write raw baseline.
 */
final class ProcessorPhase {

	/**
	 * The processor's consumer group (its default {@code timesheets.processor.group-id}).
	 */
	private static final String PROCESSOR_GROUP = "timesheet-processor";

	private static final int THREAD_GROUPS = 8;

	private ProcessorPhase() {
	}

	/**
	 * @return the processor's rate (first row → last) and CPU, for the peer's comparison
	 */
	static Measured run(BenchRun run, BaselinePhases.Baselines baselines, long ingested) throws Exception {
		Settings s = run.settings();
		String bootstrap = run.stack().bootstrapServers();
		RawBaselines.Db db = run.stack().database();
		// The processor phase reads the pre-filled submissions only, as the issue
		// describes it: what the ingest phases accepted (millions of events at their
		// rates) would otherwise multiply its length, the quick mode's too.
		long skipped = KafkaBaseline.skipToEnd(bootstrap, Topics.TIMESHEET_EVENTS, PROCESSOR_GROUP);
		run.step("processor's group moved past " + skipped
				+ " offsets (the ingest phases' events and transaction markers; " + ingested + " entries accepted)");
		run.step("pre-filling " + Topics.TIMESHEET_EVENTS + " with " + s.prefill() + " submissions");
		long prefillStart = System.nanoTime();
		KafkaBaseline.prefill(bootstrap, Topics.TIMESHEET_EVENTS, run.payloads(), s.prefill());
		run.step(String.format("pre-filled in %.1f s", (System.nanoTime() - prefillStart) / 1e9));

		long expected = s.prefill();
		long before = appliedEvents(db);
		run.step("processor: starting on " + expected + " queued submissions");
		long processorStart = System.nanoTime();
		// the processor's JVM is new: its CPU is all since its start (JIT and start-up
		// included)
		Cpu.Snapshot cpu0 = Cpu.take(run.stack()).startingAtZero("processor");
		run.stack().startProcessor();
		long firstAt = 0;
		long firstCount = 0;
		long done;
		long deadline = processorStart + s.processorTimeoutSeconds() * 1_000_000_000L;
		while ((done = appliedEvents(db) - before) < expected) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"processor applied " + done + " of " + expected + " in " + s.processorTimeoutSeconds() + " s");
			}
			if (firstAt == 0 && done > 0) {
				firstAt = System.nanoTime();
				firstCount = done;
			}
			Thread.sleep(500);
		}
		long doneAt = System.nanoTime();
		Cpu.Snapshot cpu1 = Cpu.take(run.stack());
		double steady = (expected - firstCount) / ((doneAt - firstAt) / 1e9);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("events", expected);
		details.put("secondsFromProcessStart", Math.round((doneAt - processorStart) / 1e8) / 10.0);
		details.put("eventsPerSecondFromProcessStart", Math.round(expected / ((doneAt - processorStart) / 1e9)));
		Map<String, Object> cpu = Cpu.per1000(cpu0, cpu1, expected, List.of("processor", Cpu.POSTGRES, "kafka broker"));
		details.put("cpuMsPer1000", cpu);
		details.put("cpuRatioRawOverPipeline", baselines.upsert().cpuRatioOver(cpu));
		details.put("processorCpuMsPer1000ByThread", Cpu.byThread(cpu0, cpu1, "processor", expected, THREAD_GROUPS));
		run.report()
			.compare("processor, from a pre-filled topic (first row → last)", steady, "entries/s",
					"raw JDBC batched upsert", baselines.upsert().perSecond(), 0.7, details);
		run.report()
			.compare("processor, same figure beside the 2-write raw baseline", steady, "entries/s",
					"raw JDBC upsert + applied_events row", baselines.upsertWithOutcome().perSecond(), null,
					Map.of("cpuRatioRawOverPipeline", baselines.upsertWithOutcome().cpuRatioOver(cpu)));
		return new Measured(steady, cpu);
	}

	private static long appliedEvents(RawBaselines.Db db) throws Exception {
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				// the processor's V5: APPLIED events in runs (their count per row), other
				// outcomes a row each; the applied_events view would expand every run
				ResultSet rows = statement.executeQuery("SELECT (SELECT COUNT(*) FROM event_outcome_rows)"
						+ " + (SELECT COALESCE(SUM(events), 0) FROM applied_runs)")) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
