package com.exampleco.timesheets.launcher.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * The one configuration of the pipeline's single-node Kafka 4 cluster (KRaft, combined
 * broker and controller, node 1, on 127.0.0.1), whether it runs in process
 * ({@link InProcessKafkaBroker}) or as a child JVM ({@link ProcessKafkaBroker}): a
 * secured client listener ({@link BrokerSecurity}: SASL/OAUTHBEARER, ACLs) or, without
 * security, plain listeners; replication factor 1 for the internal topics, six partitions
 * for the group and transaction state topics, no initial rebalance delay.
 *
 * @param directory the broker's folder: {@code server.properties} is written there
 * @param logDirectory where the broker keeps its log ({@code log.dirs}); formatted on
 * first use, kept afterwards, so topics, transactions and group offsets survive a restart
 * @param port the client port
 * @param controllerPort the KRaft controller port
 * @param partitions {@code num.partitions}, the partitions of auto-created topics
 * @param security how clients are authenticated and authorized; null for a plain listener
 * that lets anybody do anything (the services' own tests, a measurement without security)
 * @param tls a TLS listener beside the others ({@link TlsListener}); null for none
 */
public record KraftConfig(Path directory, Path logDirectory, int port, int controllerPort, int partitions,
		BrokerSecurity security, TlsListener tls) {

	/**
	 * A broker without security (plain listener, no authorizer).
	 * @param directory the broker's folder
	 * @param logDirectory its log folder
	 * @param port the client port
	 * @param controllerPort the KRaft controller port
	 * @param partitions partitions of auto-created topics
	 */
	public KraftConfig(Path directory, Path logDirectory, int port, int controllerPort, int partitions) {
		this(directory, logDirectory, port, controllerPort, partitions, null, null);
	}

	/**
	 * A broker with the given security and no TLS listener.
	 * @param directory the broker's folder
	 * @param logDirectory its log folder
	 * @param port the client port
	 * @param controllerPort the KRaft controller port
	 * @param partitions partitions of auto-created topics
	 * @param security its security; null for none
	 */
	public KraftConfig(Path directory, Path logDirectory, int port, int controllerPort, int partitions,
			BrokerSecurity security) {
		this(directory, logDirectory, port, controllerPort, partitions, security, null);
	}

	/**
	 * This configuration with a TLS listener.
	 * @param listener the listener
	 * @return a new configuration
	 */
	public KraftConfig withTls(TlsListener listener) {
		return new KraftConfig(this.directory, this.logDirectory, this.port, this.controllerPort, this.partitions,
				this.security, listener);
	}

	/**
	 * The broker's address for clients.
	 * @return {@code 127.0.0.1:<port>}
	 */
	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/**
	 * The address of the listener on which the broker answers without credentials: the
	 * loopback internal listener when secured, else the client listener. Only for
	 * readiness checks on the same host.
	 * @return {@code 127.0.0.1:<port>}
	 */
	public String unauthenticatedBootstrapServers() {
		return "127.0.0.1:" + ((this.security != null) ? this.security.internalPort() : this.port);
	}

	/**
	 * The server properties.
	 * @return a new {@link Properties}, never null
	 */
	public Properties serverProperties() {
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + this.controllerPort);
		properties.put("controller.listener.names", "CONTROLLER");
		if (this.security == null) {
			properties.put("listeners",
					"PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + this.controllerPort);
			properties.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
			properties.put("inter.broker.listener.name", "PLAINTEXT");
			properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		}
		else {
			String client = BrokerSecurity.LISTENER + "://" + bootstrapServers();
			String internal = BrokerSecurity.INTERNAL_LISTENER + "://127.0.0.1:" + this.security.internalPort();
			properties.put("listeners", client + "," + internal + ",CONTROLLER://127.0.0.1:" + this.controllerPort);
			properties.put("advertised.listeners", client + "," + internal);
			properties.put("inter.broker.listener.name", BrokerSecurity.INTERNAL_LISTENER);
			properties.put("listener.security.protocol.map", BrokerSecurity.LISTENER + ":" + BrokerSecurity.LISTENER
					+ "," + BrokerSecurity.INTERNAL_LISTENER + ":PLAINTEXT,CONTROLLER:PLAINTEXT");
			this.security.addTo(properties);
		}
		properties.put("log.dirs", this.logDirectory.toAbsolutePath().toString());
		properties.put("num.partitions", Integer.toString(this.partitions));
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("offsets.topic.num.partitions", "6");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("transaction.state.log.num.partitions", "6");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		if (this.tls != null) {
			this.tls.addTo(properties); // last: it follows the other listeners' security
		}
		return properties;
	}

	/**
	 * Writes {@code server.properties} into {@link #directory()} (every time: ports may
	 * change between runs) and formats {@link #logDirectory()} unless it was formatted
	 * before ({@code StorageTool format --standalone}, a new cluster id).
	 * @param writer who writes it, for the file's comment
	 * @return the absolute path of {@code server.properties}
	 * @throws IOException when the folders cannot be written or formatting fails
	 */
	public Path prepare(String writer) throws IOException {
		Files.createDirectories(this.logDirectory);
		Path config = this.directory.resolve("server.properties").toAbsolutePath();
		try (OutputStream out = Files.newOutputStream(config)) {
			serverProperties().store(out, "written by " + writer);
		}
		if (!Files.exists(this.logDirectory.resolve("meta.properties"))) {
			format(config);
		}
		return config;
	}

	private void format(Path config) throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status = StorageTool.execute(new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(),
				"--config", config.toString(), "--standalone" }, new PrintStream(output, true, StandardCharsets.UTF_8));
		if (status != 0) {
			throw new IOException(
					"formatting " + this.logDirectory + " failed: " + output.toString(StandardCharsets.UTF_8));
		}
	}

}
