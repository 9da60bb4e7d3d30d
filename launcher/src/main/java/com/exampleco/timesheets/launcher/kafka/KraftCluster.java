package com.exampleco.timesheets.launcher.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.exampleco.timesheets.launcher.FreePorts;
import com.exampleco.timesheets.launcher.process.JavaProcess;
import com.exampleco.timesheets.launcher.process.Polling;
import org.apache.kafka.common.Uuid;

/**
 * A replicated Kafka 4 cluster of {@code n} {@link ProcessKafkaBroker}s on 127.0.0.1,
 * each node a combined broker and controller (so the metadata quorum has {@code n} voters
 * and survives the loss of a minority), formatted once with a shared cluster id and
 * {@code --initial-controllers} (a dynamic quorum, KIP-853); internal and auto-created
 * topics replicated {@code n} times with the given {@code min.insync.replicas}.
 * <p>
 * As a {@link KafkaBroker} it starts and stops all nodes together; the fault methods act
 * on one node by id (1 … n): {@link #kill9(int)}, {@link #pause(int)} /
 * {@link #resume(int)}, {@link #stop(int)} and {@link #restart(int, Duration)}. Every
 * node keeps its ports and data across them. {@link ClusterState} reads leaders and
 * in-sync replicas. Not thread-safe.
 * <p>
 * Secured like the single broker when given an issuer: every node gets its own
 * {@link BrokerSecurity} (SASL/OAUTHBEARER client listener, ACLs) with its own loopback
 * {@code INTERNAL} port, over which the nodes replicate and {@link #state()} asks (as the
 * broker's own {@code ANONYMOUS} super user).
 */
public final class KraftCluster implements KafkaBroker, AutoCloseable {

	private final List<ProcessKafkaBroker> nodes;

	private KraftCluster(List<ProcessKafkaBroker> nodes) {
		this.nodes = List.copyOf(nodes);
	}

	/**
	 * Prepares the nodes on free ports under {@code directory/node-<id>} (configuration
	 * written, log folders formatted); {@link #launch()} starts them.
	 * @param directory the cluster's folder
	 * @param size the number of nodes (3 for a quorum that survives one loss)
	 * @param minInsyncReplicas {@code min.insync.replicas} (2 of 3: one node may be lost
	 * without refusing writes)
	 * @param classpath the brokers' class path (see {@link ProcessKafkaBroker})
	 * @param jvmOptions the brokers' JVM options
	 * @param partitions partitions of auto-created topics
	 * @param logDirectory where {@code kafka-<id>.log} go
	 * @return the cluster, not started
	 */
	public static KraftCluster create(Path directory, int size, int minInsyncReplicas, String classpath,
			List<String> jvmOptions, int partitions, Path logDirectory) {
		return create(directory, size, minInsyncReplicas, classpath, jvmOptions, partitions, logDirectory, null);
	}

	/**
	 * Prepares the nodes like {@link #create(Path, int, int, String, List, int, Path)},
	 * each secured ({@link BrokerSecurity#forIssuer(String, int)}, its own internal port)
	 * when {@code issuer} is given; the issuer must answer before {@link #launch()}.
	 * @param directory the cluster's folder
	 * @param size the number of nodes
	 * @param minInsyncReplicas {@code min.insync.replicas}
	 * @param classpath the brokers' class path
	 * @param jvmOptions the brokers' JVM options
	 * @param partitions partitions of auto-created topics
	 * @param logDirectory where {@code kafka-<id>.log} go
	 * @param issuer the OAuth issuer whose tokens the nodes accept; null for plain
	 * listeners
	 * @return the cluster, not started
	 */
	public static KraftCluster create(Path directory, int size, int minInsyncReplicas, String classpath,
			List<String> jvmOptions, int partitions, Path logDirectory, String issuer) {
		List<KraftQuorum.Voter> voters = new ArrayList<>();
		List<Integer> clientPorts = new ArrayList<>();
		for (int id = 1; id <= size; id++) {
			voters.add(KraftQuorum.Voter.of(id, FreePorts.next()));
			clientPorts.add(FreePorts.next());
		}
		String clusterId = Uuid.randomUuid().toString();
		List<ProcessKafkaBroker> nodes = new ArrayList<>();
		for (KraftQuorum.Voter voter : voters) {
			Path nodeDirectory = directory.resolve("node-" + voter.nodeId());
			KraftConfig config = new KraftConfig(nodeDirectory, nodeDirectory.resolve("data").toAbsolutePath(),
					clientPorts.get(voter.nodeId() - 1), voter.controllerPort(), partitions,
					KraftQuorum.of(voter.nodeId(), clusterId, voters, minInsyncReplicas),
					(issuer != null) ? BrokerSecurity.forIssuer(issuer, FreePorts.next()) : null);
			nodes
				.add(ProcessKafkaBroker.create(config, "kafka-" + voter.nodeId(), classpath, jvmOptions, logDirectory));
		}
		return new KraftCluster(nodes);
	}

	/**
	 * Every node's client address.
	 * @return {@code 127.0.0.1:<port>,…}
	 */
	@Override
	public String bootstrapServers() {
		return this.nodes.stream().map(ProcessKafkaBroker::bootstrapServers).collect(Collectors.joining(","));
	}

	/**
	 * The number of nodes.
	 * @return n
	 */
	public int size() {
		return this.nodes.size();
	}

	/**
	 * One node.
	 * @param nodeId 1 … n
	 * @return the node's broker
	 */
	public ProcessKafkaBroker node(int nodeId) {
		if (nodeId < 1 || nodeId > this.nodes.size()) {
			throw new IllegalArgumentException("no node " + nodeId + " in a cluster of " + this.nodes.size());
		}
		return this.nodes.get(nodeId - 1);
	}

	/**
	 * Reads the cluster's state (leaders, in-sync replicas, live nodes) through the nodes
	 * that run.
	 * @return a reader, never null
	 */
	public ClusterState state() {
		return new ClusterState(this.nodes.stream()
			.map((node) -> node.config().unauthenticatedBootstrapServers())
			.collect(Collectors.joining(",")));
	}

	@Override
	public void launch() {
		this.nodes.forEach(ProcessKafkaBroker::launch);
	}

	/**
	 * Waits until every node is registered with the controller and unfenced.
	 * @param timeout how long to wait
	 */
	@Override
	public void awaitReady(Duration timeout) {
		new Polling(timeout, Duration.ofMillis(500)).until(() -> state().liveNodes().size() == this.nodes.size(),
				this::exited,
				() -> "the cluster did not register its " + this.nodes.size() + " nodes within " + timeout);
	}

	private String exited() {
		return this.nodes.stream()
			.filter((node) -> !node.isRunning())
			.findFirst()
			.map((node) -> node + " exited:\n" + node.process().orElseThrow().tail(60))
			.orElse(null);
	}

	/** Starts every node that does not run and waits until all are registered. */
	@Override
	public void start() {
		this.nodes.stream().filter((node) -> !node.isRunning()).forEach(ProcessKafkaBroker::launch);
		awaitReady(Duration.ofMinutes(2));
	}

	/** Stops every node gracefully, one after the other, the first node last. */
	@Override
	public void stop() {
		for (int i = this.nodes.size() - 1; i >= 0; i--) {
			this.nodes.get(i).stop();
		}
	}

	/**
	 * Whether every node runs.
	 * @return true when all run
	 */
	@Override
	public boolean isRunning() {
		return this.nodes.stream().allMatch(ProcessKafkaBroker::isRunning);
	}

	/**
	 * Resumes paused nodes, then stops every node, all at once (one after the other, the
	 * last ones would wait for a quorum that is gone); idempotent.
	 */
	@Override
	public void close() {
		for (ProcessKafkaBroker node : this.nodes) {
			if (node.isRunning()) {
				try {
					process(node).resume();
				}
				catch (IllegalStateException ex) {
					// gone meanwhile
				}
			}
		}
		List<Thread> closers = this.nodes.stream().map((node) -> new Thread(node::close, "close " + node)).toList();
		closers.forEach(Thread::start);
		for (Thread closer : closers) {
			try {
				closer.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * The first node's process.
	 * @return the process of node 1 ({@link #node(int)} gives the others)
	 */
	@Override
	public Optional<JavaProcess> process() {
		return this.nodes.get(0).process();
	}

	/**
	 * Kills one node with SIGKILL (no controlled shutdown).
	 * @param nodeId the node
	 */
	public void kill9(int nodeId) {
		process(node(nodeId)).kill9();
	}

	/**
	 * Freezes one node (SIGSTOP) until {@link #resume(int)}.
	 * @param nodeId the node
	 */
	public void pause(int nodeId) {
		process(node(nodeId)).pause();
	}

	/**
	 * Lets a frozen node go on (SIGCONT).
	 * @param nodeId the node
	 */
	public void resume(int nodeId) {
		process(node(nodeId)).resume();
	}

	/**
	 * Stops one node gracefully (controlled shutdown: its leaderships move first).
	 * @param nodeId the node
	 */
	public void stop(int nodeId) {
		node(nodeId).stop();
	}

	/**
	 * Starts a stopped or killed node again (same ports, same data) and waits until the
	 * controller lists it as live again.
	 * @param nodeId the node
	 * @param timeout how long to wait
	 */
	public void restart(int nodeId, Duration timeout) {
		ProcessKafkaBroker node = node(nodeId);
		node.launch();
		new Polling(timeout, Duration.ofMillis(500)).until(() -> state().liveNodes().contains(nodeId),
				() -> node.isRunning() ? null : node + " exited:\n" + process(node).tail(60),
				() -> "node " + nodeId + " did not rejoin within " + timeout);
	}

	private static JavaProcess process(ProcessKafkaBroker node) {
		return node.process().orElseThrow();
	}

	@Override
	public String toString() {
		return "kafka cluster " + bootstrapServers();
	}

}
