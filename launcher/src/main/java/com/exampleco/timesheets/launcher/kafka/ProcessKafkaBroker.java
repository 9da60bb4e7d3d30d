package com.exampleco.timesheets.launcher.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.exampleco.timesheets.launcher.FreePorts;
import com.exampleco.timesheets.launcher.process.JavaProcess;

/**
 * The {@link KraftConfig} broker as a separate OS process (the broker of system-tests
 * where Docker is not available, and of the bench):
 * {@code java -cp <class path> kafka.Kafka server.properties}, its log folder formatted
 * once and kept across {@link #stop()} / {@link #start()}, so topics, transactions and
 * group offsets survive an outage like a real broker restart. Ports are fixed at
 * creation, so clients reconnect to the same address.
 */
public final class ProcessKafkaBroker implements KafkaBroker {

	private static final String LOGBACK = """
			<configuration>
			  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
			    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
			  </appender>
			  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
			  <logger name="kafka.server.BrokerServer" level="INFO"/>
			  <!-- refusals of the authorizer ("Principal = User:… is Denied …") -->
			  <logger name="kafka.authorizer.logger" level="INFO"/>
			  <!-- a cluster's fencing and elections, for the fault scenarios' logs -->
			  <logger name="org.apache.kafka.controller.ReplicationControlManager" level="INFO"/>
			  <logger name="org.apache.kafka.raft.QuorumState" level="INFO"/>
			  <root level="WARN"><appender-ref ref="OUT"/></root>
			</configuration>
			""";

	private final KraftConfig config;

	private final JavaProcess process;

	private ProcessKafkaBroker(KraftConfig config, JavaProcess process) {
		this.config = config;
		this.process = process;
	}

	/**
	 * Prepares a broker on two free ports (configuration written, log folder formatted);
	 * {@link #launch()} starts it.
	 * @param directory the broker's folder (configuration, {@code data/})
	 * @param classpath the broker JVM's class path: must hold
	 * {@code org.apache.kafka:kafka_2.13}, {@code kafka-server} and Logback
	 * @param jvmOptions the broker JVM's options ({@link #defaultJvmOptions()})
	 * @param partitions partitions of auto-created topics
	 * @param logDirectory where {@code kafka.log} goes
	 * @return the broker, not started
	 * @throws UncheckedIOException when the folder cannot be prepared
	 */
	public static ProcessKafkaBroker create(Path directory, String classpath, List<String> jvmOptions, int partitions,
			Path logDirectory) {
		return create(directory, classpath, jvmOptions, partitions, logDirectory, null);
	}

	/**
	 * Prepares a broker like {@link #create(Path, String, List, int, Path)}, secured
	 * (SASL/OAUTHBEARER and ACLs) when {@code security} is given; its JVM is then allowed
	 * to fetch the issuer's JWKS. The issuer must answer before {@link #launch()}.
	 * @param directory the broker's folder
	 * @param classpath the broker JVM's class path
	 * @param jvmOptions the broker JVM's options
	 * @param partitions partitions of auto-created topics
	 * @param logDirectory where {@code kafka.log} goes
	 * @param security the broker's security, or null for a plain listener
	 * @return the broker, not started
	 */
	public static ProcessKafkaBroker create(Path directory, String classpath, List<String> jvmOptions, int partitions,
			Path logDirectory, BrokerSecurity security) {
		KraftConfig config = new KraftConfig(directory, directory.resolve("data").toAbsolutePath(), FreePorts.next(),
				FreePorts.next(), partitions, security);
		return create(config, "kafka", classpath, jvmOptions, logDirectory);
	}

	/**
	 * Prepares a broker on the given configuration (written, log folder formatted);
	 * {@link #launch()} starts it. When the configuration is secured its JVM is allowed
	 * to fetch the issuer's JWKS; the issuer must answer before {@link #launch()}.
	 * @param config the node's configuration (a node of a {@link KraftCluster}, or the
	 * single node)
	 * @param name the process's name: its output goes to
	 * {@code <logDirectory>/<name>.log}
	 * @param classpath the broker JVM's class path (as above)
	 * @param jvmOptions the broker JVM's options
	 * @param logDirectory where the log goes
	 * @return the broker, not started
	 * @throws UncheckedIOException when the folder cannot be prepared
	 */
	public static ProcessKafkaBroker create(KraftConfig config, String name, String classpath, List<String> jvmOptions,
			Path logDirectory) {
		Path directory = config.directory();
		BrokerSecurity security = config.security();
		try {
			Files.createDirectories(directory);
			Path properties = config.prepare("the launcher (a broker process)");
			Path logback = directory.resolve("logback.xml").toAbsolutePath();
			Files.writeString(logback, LOGBACK, StandardCharsets.UTF_8);
			List<String> command = JavaProcess.javaCommand(jvmOptions);
			if (security != null) {
				command.add(security.allowedUrlsOption());
			}
			command.addAll(List.of("-Dlogback.configurationFile=" + logback, "-cp", classpath, "kafka.Kafka",
					properties.toString()));
			JavaProcess process = new JavaProcess(name, command, Map.of(), logDirectory.resolve(name + ".log"), null);
			return new ProcessKafkaBroker(config, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare the broker under " + directory, ex);
		}
	}

	/**
	 * This broker's configuration.
	 * @return the configuration, never null
	 */
	public KraftConfig config() {
		return this.config;
	}

	/**
	 * The broker JVM's default options: a 512 MB heap, the serial collector.
	 * @return the options, never null
	 */
	public static List<String> defaultJvmOptions() {
		return List.of("-Xmx512m", "-XX:+UseSerialGC");
	}

	@Override
	public String bootstrapServers() {
		return this.config.bootstrapServers();
	}

	@Override
	public String unauthenticatedBootstrapServers() {
		return this.config.unauthenticatedBootstrapServers();
	}

	@Override
	public Optional<JavaProcess> process() {
		return Optional.of(this.process);
	}

	@Override
	public boolean isRunning() {
		return this.process.isAlive();
	}

	@Override
	public void launch() {
		this.process.start();
	}

	@Override
	public void start() {
		this.process.start();
		awaitReady(Duration.ofMinutes(2));
	}

	/**
	 * Stops the broker gracefully (SIGTERM, controlled shutdown) and waits until the
	 * process is gone: clients see connections refused until {@link #start()}.
	 */
	@Override
	public void stop() {
		this.process.stop();
	}

	@Override
	public void close() {
		try {
			this.process.stop();
		}
		catch (RuntimeException ex) {
			this.process.kill9();
		}
	}

	@Override
	public void awaitReady(Duration timeout) {
		// the listener that needs no credentials (the loopback internal one when secured)
		this.process.awaitCondition(timeout, () -> KafkaBroker.answers(unauthenticatedBootstrapServers()), "ready");
	}

	@Override
	public String toString() {
		return "kafka " + bootstrapServers() + " (controller " + this.config.controllerPort() + ", "
				+ this.config.directory() + ")";
	}

}
