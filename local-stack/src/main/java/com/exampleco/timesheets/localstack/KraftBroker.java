package com.exampleco.timesheets.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka (KRaft, combined broker and controller) running in this JVM, its
 * log under a folder of its own so that topics and consumer offsets survive a restart.
 * The folder is formatted on first use.
 */
final class KraftBroker implements AutoCloseable {

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private KraftBroker(KafkaRaftServer server, String bootstrapServers) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Formats the folder if needed and starts the broker.
	 * @param directory the broker's folder
	 * @param port the client port
	 * @param controllerPort the KRaft controller port
	 * @return the running broker
	 * @throws IOException when the folder cannot be written or formatting fails
	 */
	static KraftBroker start(Path directory, int port, int controllerPort) throws IOException {
		Path logs = directory.resolve("logs").toAbsolutePath();
		Files.createDirectories(logs);
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
		properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("log.dirs", logs.toString());
		properties.put("num.partitions", "6");
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		Path config = directory.resolve("server.properties");
		try (OutputStream out = Files.newOutputStream(config)) {
			properties.store(out, "written by local-stack at every start");
		}
		if (!Files.exists(logs.resolve("meta.properties"))) {
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			int status = StorageTool
				.execute(
						new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(), "--config",
								config.toString(), "--standalone" },
						new PrintStream(output, true, StandardCharsets.UTF_8));
			if (status != 0) {
				throw new IOException("formatting " + logs + " failed: " + output.toString(StandardCharsets.UTF_8));
			}
		}
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		server.startup();
		return new KraftBroker(server, "127.0.0.1:" + port);
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
