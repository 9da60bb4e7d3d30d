package com.exampleco.timesheets.launcher.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * What a Kafka cluster says about itself, asked through an {@link Admin} with short
 * timeouts: the live (registered, unfenced) nodes, the active controller, each
 * partition's leader and in-sync replicas. Every call asks afresh; a cluster that does
 * not answer in a few seconds is an {@link IllegalStateException}, except for
 * {@link #liveNodes()}, which is then empty.
 *
 * @param bootstrapServers whom to ask
 */
public record ClusterState(String bootstrapServers) {

	private static final int TIMEOUT_MS = 4000;

	/**
	 * The nodes the controller lists as live brokers.
	 * @return their ids; empty when the cluster does not answer
	 */
	public Set<Integer> liveNodes() {
		Admin admin = admin();
		try {
			return admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
				.nodes()
				.get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
				.stream()
				.map(Node::id)
				.collect(Collectors.toSet());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Set.of();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return Set.of();
		}
		finally {
			close(admin);
		}
	}

	/**
	 * The active controller of the metadata quorum.
	 * @return its node id
	 */
	public int activeController() {
		return ask((admin) -> admin.describeMetadataQuorum().quorumInfo().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
			.leaderId();
	}

	/**
	 * Each partition of the topics: leader, replicas and in-sync replicas.
	 * @param topics the topics
	 * @return by topic and partition number, in order
	 */
	public Map<String, Map<Integer, Replicas>> partitions(Collection<String> topics) {
		Map<String, TopicDescription> descriptions = ask(
				(admin) -> admin.describeTopics(topics).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
		Map<String, Map<Integer, Replicas>> result = new TreeMap<>();
		descriptions.forEach((topic, description) -> {
			Map<Integer, Replicas> partitions = new TreeMap<>();
			for (TopicPartitionInfo info : description.partitions()) {
				partitions.put(info.partition(),
						new Replicas((info.leader() != null && !info.leader().isEmpty()) ? info.leader().id() : -1,
								ids(info.replicas()), ids(info.isr())));
			}
			result.put(topic, partitions);
		});
		return result;
	}

	/**
	 * The leader of one partition.
	 * @param topic the topic
	 * @param partition the partition
	 * @return the leader's node id, -1 when it has none
	 */
	public int leaderOf(String topic, int partition) {
		return partitions(List.of(topic)).get(topic).get(partition).leader();
	}

	/**
	 * Whether every partition of the topics has a leader and at least {@code inSync}
	 * in-sync replicas.
	 * @param inSync the least in-sync replicas
	 * @param topics the topics
	 * @return false also when the cluster does not answer
	 */
	public boolean allInSync(int inSync, Collection<String> topics) {
		try {
			return partitions(topics).values()
				.stream()
				.flatMap((partitions) -> partitions.values().stream())
				.allMatch((replicas) -> replicas.leader() >= 0 && replicas.inSync().size() >= inSync);
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private static List<Integer> ids(List<Node> nodes) {
		return nodes.stream().map(Node::id).toList();
	}

	private <T> T ask(AdminCall<T> call) {
		Admin admin = admin();
		try {
			return call.ask(admin);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("the cluster at " + this.bootstrapServers + " did not answer: " + ex, ex);
		}
		finally {
			close(admin);
		}
	}

	/**
	 * Without waiting for calls still pending on a node that does not answer (frozen).
	 */
	private static void close(Admin admin) {
		admin.close(Duration.ZERO);
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
	}

	private interface AdminCall<T> {

		T ask(Admin admin) throws InterruptedException, ExecutionException, TimeoutException;

	}

	/**
	 * One partition's replicas.
	 *
	 * @param leader the leader's node id, -1 when it has none
	 * @param replicas every replica's node id
	 * @param inSync the in-sync replicas' node ids
	 */
	public record Replicas(int leader, List<Integer> replicas, List<Integer> inSync) {

	}

}
