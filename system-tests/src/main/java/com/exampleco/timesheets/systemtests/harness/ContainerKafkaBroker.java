package com.exampleco.timesheets.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import com.exampleco.timesheets.launcher.FreePorts;
import com.exampleco.timesheets.launcher.kafka.KafkaBroker;
import com.exampleco.timesheets.launcher.process.JavaProcess;
import com.exampleco.timesheets.launcher.process.Polling;
import com.exampleco.timesheets.launcher.process.ProcessLogs;
import com.exampleco.timesheets.testsupport.kafka.KafkaForTests;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Testcontainers' Kafka ({@value KafkaForTests#IMAGE}, the image docker-compose runs) as
 * the pipeline's broker, where a Docker engine answers. Its client port is bound to a
 * fixed free host port, so that {@link #stop()} and {@link #start()} (a
 * {@code docker stop} / {@code docker start} of the same container, which keeps its log
 * directory) bring it back on the same address with the same topics, transactions and
 * group offsets. The container's output goes to {@code <logs>/kafka.log}. The harness's
 * own broker kind (Docker only); the process broker is the launcher's
 * {@code ProcessKafkaBroker}.
 */
final class ContainerKafkaBroker implements KafkaBroker {

	private static final int KAFKA_PORT = 9092;

	private final KafkaContainer container;

	private final int hostPort;

	private final Path logFile;

	private boolean running;

	private ContainerKafkaBroker(KafkaContainer container, int hostPort, Path logFile) {
		this.container = container;
		this.hostPort = hostPort;
		this.logFile = logFile;
	}

	static ContainerKafkaBroker create(int partitions, Path logDirectory) {
		int hostPort = FreePorts.next();
		KafkaContainer container = new KafkaContainer(KafkaForTests.IMAGE)
			.withEnv("KAFKA_NUM_PARTITIONS", Integer.toString(partitions))
			.withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "6")
			.withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "6")
			.withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
			.withEnv("KAFKA_HEAP_OPTS", "-Xmx512m")
			.withCreateContainerCmdModifier((command) -> command.getHostConfig()
				.withPortBindings(new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(KAFKA_PORT))));
		return new ContainerKafkaBroker(container, hostPort, logDirectory.resolve("kafka.log"));
	}

	@Override
	public String bootstrapServers() {
		return this.container.getHost() + ":" + this.hostPort;
	}

	@Override
	public synchronized void launch() {
		this.container.start();
		this.container.followOutput(logWriter());
		this.running = true;
	}

	@Override
	public void awaitReady(Duration timeout) {
		new Polling(timeout, Duration.ofMillis(500)).until(() -> KafkaBroker.answers(bootstrapServers()),
				() -> this.container.isRunning() ? null
						: "the Kafka container stopped before it was ready:\n"
								+ ProcessLogs.tail("kafka", this.logFile, 60),
				() -> "the Kafka container was not ready within " + timeout + ":\n"
						+ ProcessLogs.tail("kafka", this.logFile, 60));
	}

	@Override
	public synchronized void start() {
		docker().startContainerCmd(this.container.getContainerId()).exec();
		this.container.followOutput(logWriter());
		this.running = true;
		awaitReady(Duration.ofMinutes(2));
	}

	@Override
	public synchronized void stop() {
		// SIGTERM and up to 60 s for the controlled shutdown, then SIGKILL
		docker().stopContainerCmd(this.container.getContainerId()).withTimeout(60).exec();
		this.running = false;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running && this.container.isRunning();
	}

	@Override
	public synchronized void close() {
		this.running = false;
		this.container.stop();
	}

	@Override
	public Optional<JavaProcess> process() {
		return Optional.empty();
	}

	private DockerClient docker() {
		return this.container.getDockerClient();
	}

	private Consumer<OutputFrame> logWriter() {
		return (frame) -> {
			String text = frame.getUtf8String();
			if (text == null || text.isEmpty()) {
				return;
			}
			try {
				Files.writeString(this.logFile, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	@Override
	public String toString() {
		return "kafka container " + KafkaForTests.IMAGE + " at " + bootstrapServers();
	}

}
