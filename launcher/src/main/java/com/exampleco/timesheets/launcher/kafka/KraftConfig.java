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
 * The one configuration of a node of the pipeline's Kafka 4 cluster (KRaft, combined
 * broker and controller, on 127.0.0.1), whether it runs in process
 * ({@link InProcessKafkaBroker}) or as a child JVM ({@link ProcessKafkaBroker}): a
 * secured client listener ({@link BrokerSecurity}: SASL/OAUTHBEARER, ACLs, a loopback
 * {@code INTERNAL} listener between the nodes) or, without security, plain listeners; six
 * partitions for the group and transaction state topics, no initial rebalance delay. By
 * default the single node of today's pipeline (node 1, replication factor 1 for the
 * internal topics, {@link KraftQuorum#standalone()}); with a {@link KraftQuorum} of
 * several voters one node of a replicated cluster ({@link KraftCluster}): internal
 * topics, auto-created topics and the broker default {@code min.insync.replicas} as the
 * quorum says, and failure detection tightened so a dead or paused node is fenced and
 * dropped from the in-sync replicas within seconds.
 *
 * @param directory the broker's folder: {@code server.properties} is written there
 * @param logDirectory where the broker keeps its log ({@code log.dirs}); formatted on
 * first use, kept afterwards, so topics, transactions and group offsets survive a restart
 * @param port the client port
 * @param controllerPort the KRaft controller port
 * @param partitions {@code num.partitions}, the partitions of auto-created topics
 * @param quorum this node's id, its voters and the internal topics' replication
 * @param security how clients are authenticated and authorized; null for a plain listener
 * that lets anybody do anything (the services' own tests, a measurement without security)
 * @param tls a TLS listener beside the others ({@link TlsListener}); null for none
 */
public record KraftConfig(Path directory, Path logDirectory, int port, int controllerPort, int partitions,
		KraftQuorum quorum, BrokerSecurity security, TlsListener tls) {

	/** How long a silent node stays registered before the controller fences it. */
	static final String CLUSTER_SESSION_TIMEOUT_MS = "6000";

	/** How long a follower may lag before it leaves the in-sync replicas. */
	static final String CLUSTER_REPLICA_LAG_MS = "8000";

	/**
	 * The single node ({@link KraftQuorum#standalone()}) without security (plain
	 * listener, no authorizer).
	 * @param directory the broker's folder
	 * @param logDirectory its log folder
	 * @param port the client port
	 * @param controllerPort the KRaft controller port
	 * @param partitions partitions of auto-created topics
	 */
	public KraftConfig(Path directory, Path logDirectory, int port, int controllerPort, int partitions) {
		this(directory, logDirectory, port, controllerPort, partitions, KraftQuorum.standalone(), null, null);
	}

	/**
	 * The single node with the given security and no TLS listener.
	 * @param directory the broker's folder
	 * @param logDirectory its log folder
	 * @param port the client port
	 * @param controllerPort the KRaft controller port
	 * @param partitions partitions of auto-created topics
	 * @param security its security; null for none
	 */
	public KraftConfig(Path directory, Path logDirectory, int port, int controllerPort, int partitions,
			BrokerSecurity security) {
		this(directory, logDirectory, port, controllerPort, partitions, KraftQuorum.standalone(), security, null);
	}

	/**
	 * A node of the given quorum without security.
	 * @param directory the broker's folder
	 * @param logDirectory its log folder
	 * @param port the client port
	 * @param controllerPort the controller port
	 * @param partitions partitions of auto-created topics
	 * @param quorum the node's place in its cluster
	 */
	public KraftConfig(Path directory, Path logDirectory, int port, int controllerPort, int partitions,
			KraftQuorum quorum) {
		this(directory, logDirectory, port, controllerPort, partitions, quorum, null, null);
	}

	/**
	 * A node of the given quorum with the given security (its own
	 * {@link BrokerSecurity#internalPort()}) and no TLS listener.
	 * @param directory the broker's folder
	 * @param logDirectory its log folder
	 * @param port the client port
	 * @param controllerPort the controller port
	 * @param partitions partitions of auto-created topics
	 * @param quorum the node's place in its cluster
	 * @param security its security; null for none
	 */
	public KraftConfig(Path directory, Path logDirectory, int port, int controllerPort, int partitions,
			KraftQuorum quorum, BrokerSecurity security) {
		this(directory, logDirectory, port, controllerPort, partitions, quorum, security, null);
	}

	/**
	 * This configuration with a TLS listener.
	 * @param listener the listener
	 * @return a new configuration
	 */
	public KraftConfig withTls(TlsListener listener) {
		return new KraftConfig(this.directory, this.logDirectory, this.port, this.controllerPort, this.partitions,
				this.quorum, this.security, listener);
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
		properties.put("node.id", Integer.toString(this.quorum.nodeId()));
		properties.put("controller.quorum.bootstrap.servers",
				this.quorum.isStandalone() ? "127.0.0.1:" + this.controllerPort : this.quorum.bootstrapServers());
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
		String replicas = Integer.toString(this.quorum.replicationFactor());
		String minInsync = Integer.toString(this.quorum.minInsyncReplicas());
		properties.put("offsets.topic.replication.factor", replicas);
		properties.put("offsets.topic.num.partitions", "6");
		properties.put("transaction.state.log.replication.factor", replicas);
		properties.put("transaction.state.log.min.isr", minInsync);
		properties.put("transaction.state.log.num.partitions", "6");
		properties.put("share.coordinator.state.topic.replication.factor", replicas);
		properties.put("share.coordinator.state.topic.min.isr", minInsync);
		properties.put("group.initial.rebalance.delay.ms", "0");
		if (!this.quorum.isStandalone()) {
			properties.put("default.replication.factor", replicas);
			properties.put("min.insync.replicas", minInsync);
			properties.put("unclean.leader.election.enable", "false");
			// a killed or paused node is fenced (its partitions led elsewhere) after 6 s
			// and leaves the in-sync replicas after 8 s instead of 9 s and 30 s: inside
			// the ingest API's 9 s delivery timeout, so its producers ride over it
			properties.put("broker.heartbeat.interval.ms", "1000");
			properties.put("broker.session.timeout.ms", CLUSTER_SESSION_TIMEOUT_MS);
			properties.put("replica.lag.time.max.ms", CLUSTER_REPLICA_LAG_MS);
		}
		if (this.tls != null) {
			this.tls.addTo(properties); // last: it follows the other listeners' security
		}
		return properties;
	}

	/**
	 * Writes {@code server.properties} into {@link #directory()} (every time: ports may
	 * change between runs) and formats {@link #logDirectory()} unless it was formatted
	 * before: {@code StorageTool format --standalone} with a new cluster id for the
	 * single node, {@code --initial-controllers} with the quorum's cluster id for a node
	 * of a cluster.
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
		String[] arguments = this.quorum.isStandalone()
				? new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(),
						"--standalone" }
				: new String[] { "format", "--cluster-id", this.quorum.clusterId(), "--config", config.toString(),
						"--initial-controllers", this.quorum.initialControllers() };
		int status = StorageTool.execute(arguments, new PrintStream(output, true, StandardCharsets.UTF_8));
		if (status != 0) {
			throw new IOException(
					"formatting " + this.logDirectory + " failed: " + output.toString(StandardCharsets.UTF_8));
		}
	}

}
