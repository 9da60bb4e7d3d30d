package com.exampleco.timesheets.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase 3: 4 uploaders post JSON arrays of 100, then of 1,000 new entries back to back,
 * after an unmeasured JIT warm-up, beside the raw producer.
 */
final class IngestPhase {

	/** Thread groups of the ingest API shown per phase (the rest summed as other). */
	private static final int THREAD_GROUPS = 8;

	private IngestPhase() {
	}

	/**
	 * @return every entry the ingest API accepted, warm-up included
	 */
	static long run(BenchRun run, Measured rawProduce) throws Exception {
		Settings s = run.settings();
		String ingestUrl = run.stack().ingestUrl();
		// The services' JVMs are fresh: without this, the first measured phase (batches
		// of
		// 100) would mostly measure JIT compilation of the request path.
		run.step("ingest: JIT warm-up, " + s.ingestJitWarmupSeconds() + " s of batches of 100 and 1000 (not measured)");
		long ingested = 0;
		for (int batch : List.of(100, 1000)) {
			ingested += Drivers
				.ingest(ingestUrl, run.writeToken(), run.payloads(), "warmup" + batch, s.ingestClients(), batch, 0,
						Math.max(1, s.ingestJitWarmupSeconds() / 2))
				.total();
		}
		GroupSizes groupSizes = GroupSizes.of(run);
		for (int batch : List.of(100, 1000)) {
			run.step("ingest: " + s.ingestClients() + " clients, batches of " + batch);
			Optional<GroupSizes.Reading> groupsBefore = groupSizes.read();
			Cpu.Window window = Cpu.window(run.stack(), s.ingestWarmupSeconds(), s.ingestSeconds());
			Drivers.Phase ingest = Drivers.ingest(ingestUrl, run.writeToken(), run.payloads(), "ingest" + batch,
					s.ingestClients(), batch, s.ingestWarmupSeconds(), s.ingestSeconds());
			Map<String, Object> groups = GroupSizes.between(groupsBefore, groupSizes.read(), batch);
			ingested += ingest.total();
			double entries = ingest.perSecond() * s.ingestSeconds();
			Map<String, Object> details = new LinkedHashMap<>(ingest.details());
			Map<String, Object> cpu = Cpu.per1000(window.before(), window.after(), entries,
					List.of("kafka broker", "ingest-api", "auth-server"));
			details.put("cpuMsPer1000", cpu);
			details.put("cpuRatioRawOverPipeline", rawProduce.cpuRatioOver(cpu));
			details.put("ingestApiCpuMsPer1000ByThread",
					Cpu.byThread(window.before(), window.after(), "ingest-api", entries, THREAD_GROUPS));
			details.put("publishGroupSize", groups);
			run.report()
				.compare("ingest, batches of " + batch + ", " + s.ingestClients() + " clients", ingest.perSecond(),
						"entries/s", "raw KafkaProducer", rawProduce.perSecond(), 0.5, details);
			if (batch == 100) {
				// warm-up and measured window of the phase
				run.report()
					.add("ingest, batches of 100: requests per Kafka transaction (group commit)",
							GroupSizes.mean(groups), "req/tx", groups);
			}
		}
		return ingested;
	}

}
