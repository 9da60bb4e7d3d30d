package com.exampleco.timesheets.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark: starts the pipeline as real processes and measures it beside raw Kafka
 * and raw PostgreSQL baselines on the same broker and database, in one run. See
 * {@code bench/README.md}.
 *
 * <pre>
 * java -jar bench/target/bench.jar [--quick] [--out FILE] [--repo DIR] [--jfr] [--kafka-security=on|off]
 * </pre>
 */
public final class Bench {

	private Bench() {
	}

	/** The command line's choices. */
	private record Options(Settings settings, Path repo, Path out, boolean jfr, boolean kafkaSecurity) {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.full();
		Path out = null;
		Path repo = Path.of("").toAbsolutePath();
		boolean jfr = false;
		boolean kafkaSecurity = true;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> settings = Settings.quick();
				case "--full" -> settings = Settings.full();
				case "--out" -> out = Path.of(args[++i]);
				case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath();
				case "--jfr" -> jfr = true;
				case "--kafka-security=on" -> kafkaSecurity = true;
				case "--kafka-security=off" -> kafkaSecurity = false;
				case "--help", "-h" -> {
					System.out
						.println("java -jar bench/target/bench.jar [--quick|--full] [--out FILE] [--repo DIR] [--jfr]"
								+ " [--kafka-security=on|off]");
					return;
				}
				default -> {
					System.err.println("unknown option " + args[i] + " (try --help)");
					System.exit(2);
				}
			}
		}
		if (out == null) {
			out = repo.resolve("bench/target/bench-" + settings.mode() + ".json");
		}
		run(new Options(settings, repo, out, jfr, kafkaSecurity));
		System.exit(0);
	}

	private static void run(Options options) throws Exception {
		Settings settings = options.settings();
		Report report = new Report(settings.mode());
		Payloads payloads = new Payloads(Long.toString(System.currentTimeMillis(), 36));
		long started = System.nanoTime();
		try (Machine machine = new Machine()) {
			BenchRun.step(started,
					"starting the pipeline (broker, PostgreSQL, auth server, ingest API, query API; the processor for its phase)");
			try (BenchStack stack = new BenchStack(PipelineStack.start(options.repo(), settings.partitions(),
					options.jfr(), options.kafkaSecurity()))) {
				BenchRun run = new BenchRun(settings, stack, payloads, report, started);
				report.note("Kafka security: " + (options.kafkaSecurity()
						? "on (services log in with SASL/OAUTHBEARER, ACLs)" : "off (plain listener)"));
				run.step("pipeline up: " + stack.pids());
				stack.stopProcessor();
				measure(run);
				recordMemory(stack, report);
			}
			Map<String, Object> machineDescription = machine.describe();
			report.printTable(System.out, machineDescription);
			Map<String, Object> settingsMap = new LinkedHashMap<>(settings.asMap());
			settingsMap.putAll(SideSettings.of(settings).asMap());
			report.writeJson(options.out(), machineDescription, settingsMap);
			BenchRun.step(started, "wrote " + options.out());
		}
	}

	/** The phases, in the order of the README's table. */
	private static void measure(BenchRun run) throws Exception {
		run.report()
			.note("entry as posted: " + run.payloads().entryBytes() + " bytes of JSON; as an event record: "
					+ run.payloads().eventBytes() + " bytes + CloudEvents headers");
		BaselinePhases.Baselines baselines = BaselinePhases.run(run);
		long ingested = IngestPhase.run(run, baselines.produce());
		Measured processor = ProcessorPhase.run(run, baselines, ingested);
		PeerPhase.run(run, processor);
		RawHttpPhase.run(run, QueryPhase.run(run));
		EndToEndPhase.run(run);
	}

	private static void recordMemory(BenchStack stack, Report report) {
		stack.pids().forEach((name, pid) -> report.peakRss(name, Machine.peakRssKb(pid) / 1024));
		stack.stoppedPeakRssMb().forEach(report::peakRss);
		Machine.postgresPeakRssKb(stack.postgresPort()).ifPresent((kb) -> {
			report.peakRss("postgres (postmaster)", kb[0] / 1024);
			report.peakRss("postgres (largest backend)", kb[1] / 1024);
		});
		report.peakRss("bench driver (this JVM)", Machine.peakRssKb(ProcessHandle.current().pid()) / 1024);
	}

}
