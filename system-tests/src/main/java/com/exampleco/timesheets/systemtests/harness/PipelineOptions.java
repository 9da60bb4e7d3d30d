package com.exampleco.timesheets.systemtests.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.exampleco.timesheets.launcher.kafka.ProcessKafkaBroker;

/**
 * How {@link Pipeline#start(PipelineOptions)} starts the pipeline. Start from
 * {@link #defaults()} and change what you need with the {@code with…} methods (each
 * returns a copy).
 *
 * @param workDirectory where the broker's data, the auth server's key, the uploader
 * inboxes and the logs ({@code logs/<service>.log}) go; emptied by the first start in a
 * JVM
 * @param appsDirectory the executable jars {@code auth-server.jar},
 * {@code ingest-api.jar}, {@code processor.jar}, {@code query-api.jar},
 * {@code uploader-job.jar}
 * @param kafkaClasspath the class path of the broker process (must hold
 * {@code org.apache.kafka:kafka_2.13}, {@code kafka-server} and an SLF4J binding)
 * @param processors how many processor instances (one consumer group)
 * @param partitions partitions of {@code timesheet-events}
 * @param serviceJvmOptions JVM options of every service and uploader run
 * @param kafkaJvmOptions JVM options of the broker
 * @param extraArguments additional {@code --name=value} arguments by service name
 * ({@code auth-server}, {@code ingest-api}, {@code processor}, {@code query-api},
 * {@code uploader-job}); they come last, so they win
 * @param startupTimeout how long each service may take to become healthy
 * @param broker which broker: Testcontainers' Kafka where Docker answers or a standalone
 * process ({@link BrokerKind#AUTO}, the default; system property {@value #KAFKA_PROPERTY}
 * = {@code auto}, {@code process} or {@code container})
 * @param startProcessors whether {@link Pipeline#start} starts the processors; when false
 * they are created but not started, so the schema does not exist until one is started (or
 * the caller migrates it)
 * @param webApp whether the people's web app ({@code web-app}, with its contractor
 * portal) runs too (default false); the auth server then knows its redirect URIs on
 * {@code localhost} (not 127.0.0.1, the auth server's host, so that the two session
 * cookies do not collide in a browser)
 * @param kafkaSecurity whether the broker authenticates clients (SASL/OAUTHBEARER against
 * the auth server) and authorizes them with ACLs, and every client (services, tests) logs
 * in (default true; system property {@value #KAFKA_SECURITY_PROPERTY} = {@code on} or
 * {@code off}). Only the broker process can be secured: with the container broker
 * ({@link BrokerKind#CONTAINER}) the pipeline runs without Kafka security.
 */
public record PipelineOptions(Path workDirectory, Path appsDirectory, String kafkaClasspath, int processors,
		int partitions, List<String> serviceJvmOptions, List<String> kafkaJvmOptions,
		Map<String, List<String>> extraArguments, Duration startupTimeout, BrokerKind broker, boolean startProcessors,
		boolean webApp, boolean kafkaSecurity) {

	/** System property naming the apps directory (default {@code target/apps}). */
	public static final String APPS_PROPERTY = "systemtests.apps";

	/** System property naming the work directory (default {@code target/pipeline}). */
	public static final String WORK_PROPERTY = "systemtests.work";

	/**
	 * System property choosing the broker kind: {@code auto}, {@code process},
	 * {@code container}.
	 */
	public static final String KAFKA_PROPERTY = "systemtests.kafka";

	/** System property switching Kafka security: {@code on} (default) or {@code off}. */
	public static final String KAFKA_SECURITY_PROPERTY = "systemtests.kafka-security";

	/**
	 * Compact constructor: copies the collections.
	 */
	public PipelineOptions {
		serviceJvmOptions = List.copyOf(serviceJvmOptions);
		kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
		extraArguments = Map.copyOf(extraArguments);
		if (broker == null) {
			throw new IllegalArgumentException("broker kind is required");
		}
		if (processors < 1) {
			throw new IllegalArgumentException("processors must be at least 1");
		}
	}

	/**
	 * The defaults: work directory from {@value #WORK_PROPERTY} or
	 * {@code target/pipeline}, apps from {@value #APPS_PROPERTY} or {@code target/apps},
	 * the broker kind from {@value #KAFKA_PROPERTY} (default {@code auto}), the broker
	 * process's class path from this JVM's, two processors, six partitions, services with
	 * {@code -Xmx384m}, serial GC and C1 only (start-up dominates on small machines),
	 * three minutes to start each.
	 * @return the defaults
	 */
	public static PipelineOptions defaults() {
		return new PipelineOptions(Path.of(System.getProperty(WORK_PROPERTY, "target/pipeline")).toAbsolutePath(),
				Path.of(System.getProperty(APPS_PROPERTY, "target/apps")).toAbsolutePath(),
				System.getProperty("java.class.path"), 2, 6,
				List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
				ProcessKafkaBroker.defaultJvmOptions(), Map.of(), Duration.ofMinutes(3),
				BrokerKind.valueOf(System.getProperty(KAFKA_PROPERTY, "auto").trim().toUpperCase(Locale.ROOT)), true,
				false, !"off".equalsIgnoreCase(System.getProperty(KAFKA_SECURITY_PROPERTY, "on").trim()));
	}

	public PipelineOptions withWorkDirectory(Path directory) {
		return new PipelineOptions(directory, this.appsDirectory, this.kafkaClasspath, this.processors, this.partitions,
				this.serviceJvmOptions, this.kafkaJvmOptions, this.extraArguments, this.startupTimeout, this.broker,
				this.startProcessors, this.webApp, this.kafkaSecurity);
	}

	public PipelineOptions withAppsDirectory(Path directory) {
		return new PipelineOptions(this.workDirectory, directory, this.kafkaClasspath, this.processors, this.partitions,
				this.serviceJvmOptions, this.kafkaJvmOptions, this.extraArguments, this.startupTimeout, this.broker,
				this.startProcessors, this.webApp, this.kafkaSecurity);
	}

	public PipelineOptions withKafkaClasspath(String classpath) {
		return new PipelineOptions(this.workDirectory, this.appsDirectory, classpath, this.processors, this.partitions,
				this.serviceJvmOptions, this.kafkaJvmOptions, this.extraArguments, this.startupTimeout, this.broker,
				this.startProcessors, this.webApp, this.kafkaSecurity);
	}

	public PipelineOptions withProcessors(int count) {
		return new PipelineOptions(this.workDirectory, this.appsDirectory, this.kafkaClasspath, count, this.partitions,
				this.serviceJvmOptions, this.kafkaJvmOptions, this.extraArguments, this.startupTimeout, this.broker,
				this.startProcessors, this.webApp, this.kafkaSecurity);
	}

	public PipelineOptions withPartitions(int count) {
		return new PipelineOptions(this.workDirectory, this.appsDirectory, this.kafkaClasspath, this.processors, count,
				this.serviceJvmOptions, this.kafkaJvmOptions, this.extraArguments, this.startupTimeout, this.broker,
				this.startProcessors, this.webApp, this.kafkaSecurity);
	}

	public PipelineOptions withServiceJvmOptions(List<String> options) {
		return new PipelineOptions(this.workDirectory, this.appsDirectory, this.kafkaClasspath, this.processors,
				this.partitions, options, this.kafkaJvmOptions, this.extraArguments, this.startupTimeout, this.broker,
				this.startProcessors, this.webApp, this.kafkaSecurity);
	}

	public PipelineOptions withKafkaJvmOptions(List<String> options) {
		return new PipelineOptions(this.workDirectory, this.appsDirectory, this.kafkaClasspath, this.processors,
				this.partitions, this.serviceJvmOptions, options, this.extraArguments, this.startupTimeout, this.broker,
				this.startProcessors, this.webApp, this.kafkaSecurity);
	}

	/**
	 * Adds arguments for one service (kept in order, after the harness's own).
	 * @param service {@code auth-server}, {@code ingest-api}, {@code processor},
	 * {@code query-api} or {@code uploader-job}
	 * @param arguments {@code --name=value} arguments
	 * @return a copy with the arguments
	 */
	public PipelineOptions withArguments(String service, String... arguments) {
		Map<String, List<String>> extra = new java.util.HashMap<>(this.extraArguments);
		List<String> list = new java.util.ArrayList<>(extra.getOrDefault(service, List.of()));
		list.addAll(List.of(arguments));
		extra.put(service, list);
		return new PipelineOptions(this.workDirectory, this.appsDirectory, this.kafkaClasspath, this.processors,
				this.partitions, this.serviceJvmOptions, this.kafkaJvmOptions, extra, this.startupTimeout, this.broker,
				this.startProcessors, this.webApp, this.kafkaSecurity);
	}

	public PipelineOptions withStartupTimeout(Duration timeout) {
		return new PipelineOptions(this.workDirectory, this.appsDirectory, this.kafkaClasspath, this.processors,
				this.partitions, this.serviceJvmOptions, this.kafkaJvmOptions, this.extraArguments, timeout,
				this.broker, this.startProcessors, this.webApp, this.kafkaSecurity);
	}

	public PipelineOptions withBroker(BrokerKind kind) {
		return new PipelineOptions(this.workDirectory, this.appsDirectory, this.kafkaClasspath, this.processors,
				this.partitions, this.serviceJvmOptions, this.kafkaJvmOptions, this.extraArguments, this.startupTimeout,
				kind, this.startProcessors, this.webApp, this.kafkaSecurity);
	}

	/**
	 * Whether {@link Pipeline#start} starts the processors (default true).
	 * @param start false to create them without starting them
	 * @return a copy
	 */
	public PipelineOptions withProcessorsStarted(boolean start) {
		return new PipelineOptions(this.workDirectory, this.appsDirectory, this.kafkaClasspath, this.processors,
				this.partitions, this.serviceJvmOptions, this.kafkaJvmOptions, this.extraArguments, this.startupTimeout,
				this.broker, start, this.webApp, this.kafkaSecurity);
	}

	/**
	 * Whether the people's web app runs too (default false).
	 * @param run true to start it after the APIs
	 * @return a copy
	 */
	public PipelineOptions withWebApp(boolean run) {
		return new PipelineOptions(this.workDirectory, this.appsDirectory, this.kafkaClasspath, this.processors,
				this.partitions, this.serviceJvmOptions, this.kafkaJvmOptions, this.extraArguments, this.startupTimeout,
				this.broker, this.startProcessors, run, this.kafkaSecurity);
	}

	/**
	 * Whether Kafka is secured (default true).
	 * @param on false for a broker that lets any client do anything (a measurement
	 * without security)
	 * @return a copy
	 */
	public PipelineOptions withKafkaSecurity(boolean on) {
		return new PipelineOptions(this.workDirectory, this.appsDirectory, this.kafkaClasspath, this.processors,
				this.partitions, this.serviceJvmOptions, this.kafkaJvmOptions, this.extraArguments, this.startupTimeout,
				this.broker, this.startProcessors, this.webApp, on);
	}

	List<String> argumentsOf(String service) {
		return this.extraArguments.getOrDefault(service, List.of());
	}

}
