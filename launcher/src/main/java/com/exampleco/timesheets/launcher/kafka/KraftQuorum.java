package com.exampleco.timesheets.launcher.kafka;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.kafka.common.Uuid;

/**
 * Where one {@link KraftConfig} node stands in its cluster: its node id, the controllers
 * it votes with, and the replication its internal topics get.
 * <p>
 * {@link #standalone()} is the pipeline's single node (node 1, its own controller,
 * replication factor 1, formatted {@code --standalone}).
 * {@link #of(int, String, List, int)} is one node of a cluster of combined broker +
 * controller nodes on 127.0.0.1, all formatted with the same cluster id and the same
 * {@code --initial-controllers} (a dynamic KRaft quorum, KIP-853), with internal topics
 * and the broker default {@code min.insync.replicas} as given.
 *
 * @param nodeId this node's {@code node.id}
 * @param clusterId the shared cluster id; null for a standalone node (a new one at
 * formatting)
 * @param voters the controllers of the quorum; empty for a standalone node
 * @param replicationFactor replication factor of the offsets, transaction and share state
 * topics (and of auto-created topics in a cluster)
 * @param minInsyncReplicas {@code min.insync.replicas} of the transaction state topic
 * (and the broker default in a cluster)
 */
public record KraftQuorum(int nodeId, String clusterId, List<Voter> voters, int replicationFactor,
		int minInsyncReplicas) {

	/**
	 * Compact constructor: copies the voters, checks the replication settings.
	 */
	public KraftQuorum {
		voters = List.copyOf(voters);
		if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
			throw new IllegalArgumentException("min.insync.replicas must be between 1 and the replication factor");
		}
		if (!voters.isEmpty() && (clusterId == null || replicationFactor > voters.size())) {
			throw new IllegalArgumentException("a cluster needs a cluster id and at least as many nodes as replicas");
		}
	}

	/**
	 * The single node of today's pipeline.
	 * @return node 1, no voters, replication factor 1
	 */
	public static KraftQuorum standalone() {
		return new KraftQuorum(1, null, List.of(), 1, 1);
	}

	/**
	 * One node of a cluster whose every node is a voter; replication factor = the number
	 * of voters.
	 * @param nodeId this node
	 * @param clusterId the shared cluster id ({@link Uuid#randomUuid()} as a string)
	 * @param voters every node of the cluster
	 * @param minInsyncReplicas {@code min.insync.replicas}
	 * @return the node's place
	 */
	public static KraftQuorum of(int nodeId, String clusterId, List<Voter> voters, int minInsyncReplicas) {
		return new KraftQuorum(nodeId, clusterId, voters, voters.size(), minInsyncReplicas);
	}

	/**
	 * Whether this is the single node of {@link #standalone()}.
	 * @return true when there are no voters
	 */
	public boolean isStandalone() {
		return this.voters.isEmpty();
	}

	/**
	 * {@code controller.quorum.bootstrap.servers} for a cluster.
	 * @return the voters' controller addresses, comma-separated
	 */
	String bootstrapServers() {
		return this.voters.stream()
			.map((voter) -> "127.0.0.1:" + voter.controllerPort())
			.collect(Collectors.joining(","));
	}

	/**
	 * {@code kafka-storage format --initial-controllers} for a cluster.
	 * @return {@code id@127.0.0.1:port:directoryId,…}
	 */
	String initialControllers() {
		return this.voters.stream()
			.map((voter) -> voter.nodeId() + "@127.0.0.1:" + voter.controllerPort() + ":" + voter.directoryId())
			.collect(Collectors.joining(","));
	}

	/**
	 * One controller of the quorum.
	 *
	 * @param nodeId its node id
	 * @param controllerPort its controller port on 127.0.0.1
	 * @param directoryId the id of its metadata log directory ({@link Uuid} as a string),
	 * fixed when the cluster is formatted
	 */
	public record Voter(int nodeId, int controllerPort, String directoryId) {

		/**
		 * A voter with a new directory id.
		 * @param nodeId its node id
		 * @param controllerPort its controller port
		 * @return the voter
		 */
		public static Voter of(int nodeId, int controllerPort) {
			return new Voter(nodeId, controllerPort, Uuid.randomUuid().toString());
		}

	}

}
