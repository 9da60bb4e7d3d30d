package com.exampleco.timesheets.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.exampleco.timesheets.events.Topics;

/**
 * Phases 1, 2 and 2b: the raw Kafka producer and the raw JDBC upserts, on the pipeline's
 * own broker and database, before any service is loaded.
 */
final class BaselinePhases {

	private static final String RAW_TOPIC = "bench-raw-events";

	private BaselinePhases() {
	}

	/**
	 * The raw baselines the later phases compare with.
	 *
	 * @param produce records/s of a plain KafkaProducer
	 * @param upsert rows/s of the batched JDBC upsert
	 * @param upsertWithOutcome events/s of the upsert plus its applied_events row
	 */
	record Baselines(Measured produce, Measured upsert, Measured upsertWithOutcome) {
	}

	static Baselines run(BenchRun run) throws Exception {
		Settings s = run.settings();
		String bootstrap = run.stack().bootstrapServers();
		RawBaselines.Db db = run.stack().database();
		run.step("raw baseline: plain KafkaProducer, " + s.rawProduceRecords() + " records");
		KafkaBaseline.createTopic(bootstrap, RAW_TOPIC, s.partitions());
		KafkaBaseline.createTopic(bootstrap, Topics.TIMESHEET_EVENTS, s.partitions());
		Measured produce = measure(run, "raw KafkaProducer (acks=all, idempotent, lz4)", "records/s",
				s.rawProduceRecords(), List.of("kafka broker", Cpu.DRIVER),
				() -> KafkaBaseline.produce(bootstrap, RAW_TOPIC, run.payloads(), s.rawProduceRecords()));

		run.step("raw baseline: JDBC batched upsert, " + s.rawUpsertRows() + " rows");
		Measured upsert = measure(run,
				"raw JDBC batched upsert (" + s.upsertBatch() + "/batch, " + s.upsertThreads() + " conns)", "rows/s",
				s.rawUpsertRows(), List.of(Cpu.POSTGRES, Cpu.DRIVER),
				() -> RawBaselines.upsert(db, run.payloads(), s.rawUpsertRows(), s.upsertBatch(), s.upsertThreads()));

		run.step("raw baseline: JDBC batched upsert + outcome row, " + s.rawUpsertRows() + " rows of each");
		Measured upsertWithOutcome = measure(run, "raw JDBC upsert + applied_events row (the processor's 2 writes)",
				"events/s", s.rawUpsertRows(), List.of(Cpu.POSTGRES, Cpu.DRIVER), () -> RawBaselines
					.upsertWithOutcome(db, run.payloads(), s.rawUpsertRows(), s.upsertBatch(), s.upsertThreads()));
		long removed = RawBaselines.removeRows(db, run.payloads());
		run.step("removed the upsert baselines' " + removed
				+ " rows (the processor starts on an empty table, as the peer)");
		return new Baselines(produce, upsert, upsertWithOutcome);
	}

	/** Runs a baseline between two CPU snapshots and reports its rate. */
	private static Measured measure(BenchRun run, String figure, String unit, int units, List<String> counted,
			Callable<Double> baseline) throws Exception {
		Cpu.Snapshot before = Cpu.take(run.stack());
		double rate = baseline.call();
		Map<String, Object> cpu = Cpu.per1000(before, Cpu.take(run.stack()), units, counted);
		run.report().add(figure, rate, unit, Map.of("cpuMsPer1000", cpu));
		return new Measured(rate, cpu);
	}

}
