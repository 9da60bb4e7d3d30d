package com.exampleco.timesheets.systemtests.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka 4 cluster (KRaft, combined broker and controller) as a separate OS
 * process, the harness's broker where Docker is not available:
 * {@code java -cp <class path> kafka.Kafka server.properties}, its log folder formatted
 * once ({@code StorageTool format --standalone}) and kept across {@link #stop()} /
 * {@link #start()}, so topics, transactions and group offsets survive an outage like a
 * real broker restart. Ports are fixed at creation, so clients reconnect to the same
 * address.
 */
final class ProcessKafkaBroker implements KafkaBroker {

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private final JavaProcess process;

	private ProcessKafkaBroker(Path directory, int port, int controllerPort, JavaProcess process) {
		this.directory = directory;
		this.port = port;
		this.controllerPort = controllerPort;
		this.process = process;
	}

	static ProcessKafkaBroker create(Path directory, String classpath, List<String> jvmOptions, int partitions,
			Path logDirectory) {
		int port = FreePorts.next();
		int controllerPort = FreePorts.next();
		Path data = directory.resolve("data").toAbsolutePath();
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
		properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("log.dirs", data.toString());
		properties.put("num.partitions", Integer.toString(partitions));
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("offsets.topic.num.partitions", "6");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("transaction.state.log.num.partitions", "6");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		try {
			Files.createDirectories(data);
			Path config = directory.resolve("server.properties").toAbsolutePath();
			try (OutputStream out = Files.newOutputStream(config)) {
				properties.store(out, "written by the system-tests harness");
			}
			Path logback = directory.resolve("logback.xml").toAbsolutePath();
			Files.writeString(logback, """
					<configuration>
					  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
					    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
					  </appender>
					  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
					  <logger name="kafka.server.BrokerServer" level="INFO"/>
					  <root level="WARN"><appender-ref ref="OUT"/></root>
					</configuration>
					""", StandardCharsets.UTF_8);
			format(config);
			List<String> command = JavaProcess.javaCommand(jvmOptions);
			command.addAll(List.of("-Dlogback.configurationFile=" + logback, "-cp", classpath, "kafka.Kafka",
					config.toString()));
			JavaProcess process = new JavaProcess("kafka", command, Map.of(), logDirectory.resolve("kafka.log"), null);
			return new ProcessKafkaBroker(directory, port, controllerPort, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare the broker under " + directory, ex);
		}
	}

	private static void format(Path config) throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status = StorageTool.execute(new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(),
				"--config", config.toString(), "--standalone" }, new PrintStream(output, true, StandardCharsets.UTF_8));
		if (status != 0) {
			throw new IOException("formatting failed: " + output.toString(StandardCharsets.UTF_8));
		}
	}

	@Override
	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
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
		this.process.awaitCondition(timeout, () -> KafkaBroker.answers(bootstrapServers()), "ready");
	}

	@Override
	public String toString() {
		return "kafka " + bootstrapServers() + " (controller " + this.controllerPort + ", " + this.directory + ")";
	}

	static List<String> defaultJvmOptions() {
		return new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
	}

}
