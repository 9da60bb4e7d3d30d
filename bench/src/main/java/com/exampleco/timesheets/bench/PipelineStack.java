package com.exampleco.timesheets.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.exampleco.timesheets.launcher.process.JavaProcess;
import com.exampleco.timesheets.systemtests.harness.BrokerKind;
import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.systemtests.harness.PipelineOptions;

/**
 * The pipeline started by the system-tests harness ({@link Pipeline}, which launches the
 * processes with the launcher module) with benchmark settings: one processor instance
 * (its default concurrency 3, polls of 1,000 records), services on the JVM's normal
 * ergonomics (full JIT, G1) with a 512 MB heap instead of the harness's start-up-friendly
 * C1-only defaults, the broker with a 1 GB heap. Kafka security (SASL/OAUTHBEARER and
 * ACLs, the harness's default) on or off, so that a run with and one without report its
 * cost; either way the bench's own Kafka clients (raw baselines, prefill, the processor
 * group's offsets) use the broker's unauthenticated loopback listener, as an operator on
 * the broker's host would, so the baselines stay the same.
 */
final class PipelineStack implements Stack {

	private static final Pattern PORT = Pattern.compile("//[^:/]+:(\\d+)/");

	private final Pipeline pipeline;

	private PipelineStack(Pipeline pipeline) {
		this.pipeline = pipeline;
	}

	static Stack start(Path repo, int partitions, boolean jfr, boolean kafkaSecurity) throws Exception {
		Path target = repo.resolve("bench/target");
		List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
		if (jfr) {
			Path recordings = target.resolve("jfr").toAbsolutePath();
			Files.createDirectories(recordings);
			jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recordings + "/");
		}
		PipelineOptions options = PipelineOptions.defaults()
			.withAppsDirectory(target.resolve("apps").toAbsolutePath())
			.withWorkDirectory(target.resolve("pipeline").toAbsolutePath())
			.withKafkaClasspath(brokerClasspath())
			.withKafkaJvmOptions(List.of("-Xmx1g"))
			// a process, also where Docker exists: its CPU and memory are read from /proc
			.withBroker(BrokerKind.PROCESS)
			.withKafkaSecurity(kafkaSecurity)
			.withProcessors(1)
			// migrated below from the processor jar's scripts; the processor runs in
			// its phase only
			.withProcessorsStarted(false)
			.withPartitions(partitions)
			.withServiceJvmOptions(jvm)
			.withStartupTimeout(Duration.ofMinutes(4))
			.withArguments("processor", "--timesheets.processor.max-poll-records=1000",
					"--timesheets.processor.concurrency=3")
			// a client with read:metrics, for the ingest API's group-commit figures
			.withArguments("auth-server", GroupSizes.AUTH_SERVER_ARGUMENTS.toArray(String[]::new));
		Pipeline pipeline = Pipeline.start(options);
		try {
			PipelineStack stack = new PipelineStack(pipeline);
			Schema.migrate(options.appsDirectory().resolve("processor.jar"), stack.database(), options.workDirectory());
			return stack;
		}
		catch (IOException | RuntimeException ex) {
			pipeline.close();
			throw ex;
		}
	}

	/**
	 * The broker runs on this JVM's class path: with {@code java -jar bench.jar} that is
	 * the jar whose manifest lists {@code lib/*}, made absolute so the broker process
	 * finds it from any working directory.
	 */
	static String brokerClasspath() {
		String classpath = System.getProperty("java.class.path");
		List<String> absolute = new ArrayList<>();
		for (String entry : classpath.split(File.pathSeparator)) {
			absolute.add(Path.of(entry).toAbsolutePath().toString());
		}
		return String.join(File.pathSeparator, absolute);
	}

	@Override
	public String bootstrapServers() {
		return this.pipeline.kafka().unauthenticatedBootstrapServers();
	}

	@Override
	public RawBaselines.Db database() {
		return new RawBaselines.Db(this.pipeline.jdbcUrl(), this.pipeline.postgres().username(),
				this.pipeline.postgres().password());
	}

	@Override
	public int postgresPort() {
		Matcher matcher = PORT.matcher(this.pipeline.jdbcUrl());
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

	@Override
	public String authUrl() {
		return this.pipeline.issuer();
	}

	@Override
	public String ingestUrl() {
		return this.pipeline.ingestUrl();
	}

	@Override
	public String queryUrl() {
		return this.pipeline.queryUrl();
	}

	@Override
	public void stopProcessor() {
		this.pipeline.processors().forEach(JavaProcess::stop);
	}

	@Override
	public void startProcessor() {
		this.pipeline.processors().forEach(JavaProcess::start);
	}

	@Override
	public Map<String, Long> pids() {
		Map<String, Long> pids = new LinkedHashMap<>();
		pids.put("kafka broker", this.pipeline.kafka().process().orElseThrow().pid());
		pids.put("auth-server", this.pipeline.auth().pid());
		pids.put("ingest-api", this.pipeline.ingest().pid());
		List<JavaProcess> processors = this.pipeline.processors();
		for (int i = 0; i < processors.size(); i++) {
			if (processors.get(i).isAlive()) {
				pids.put((processors.size() == 1) ? "processor" : "processor-" + (i + 1), processors.get(i).pid());
			}
		}
		pids.put("query-api", this.pipeline.query().pid());
		return pids;
	}

	@Override
	public void close() {
		this.pipeline.close();
	}

}
