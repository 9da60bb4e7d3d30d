package com.exampleco.timesheets.launcher.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.exampleco.timesheets.launcher.process.Polling;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three broker processes formatted as one cluster: they form a quorum, replicate a topic
 * three times, and a killed, paused or restarted node leaves and rejoins the in-sync
 * replicas.
 */
class KraftClusterIntegrationTests {

	private static final String TOPIC = "cluster-test";

	@Test
	void threeNodesReplicateAndALostNodeLeavesAndRejoinsTheInSyncReplicas(@TempDir Path directory) throws Exception {
		try (KraftCluster cluster = KraftCluster.create(directory, 3, 2, System.getProperty("java.class.path"),
				List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), 3, directory.resolve("logs"))) {
			cluster.launch();
			cluster.awaitReady(Duration.ofMinutes(2));
			assertThat(cluster.state().liveNodes()).containsExactlyInAnyOrder(1, 2, 3);
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
				admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3))).all().get(30, TimeUnit.SECONDS);
			}
			await(() -> cluster.state().allInSync(3, List.of(TOPIC)));
			assertThat(cluster.state().partitions(List.of(TOPIC)).get(TOPIC).get(0).replicas()).hasSize(3);

			int leader = cluster.state().leaderOf(TOPIC, 0);
			cluster.kill9(leader);
			await(() -> !cluster.state().liveNodes().contains(leader) && cluster.state().allInSync(2, List.of(TOPIC))
					&& cluster.state().leaderOf(TOPIC, 0) != leader);
			assertThat(cluster.state().partitions(List.of(TOPIC)).get(TOPIC).get(0).inSync()).hasSize(2)
				.doesNotContain(leader);

			cluster.restart(leader, Duration.ofMinutes(2));
			await(() -> cluster.state().allInSync(3, List.of(TOPIC)));

			// the active controller frozen: the other two elect one and fence it
			int paused = cluster.state().activeController();
			cluster.pause(paused);
			await(() -> !cluster.state().liveNodes().contains(paused));
			// brokers may still forward DescribeQuorum to the frozen controller until
			// they
			// learn of the new one (the call then times out): asked again until answered
			await(() -> otherControllerActive(cluster, paused));
			cluster.resume(paused);
			await(() -> cluster.state().liveNodes().equals(Set.of(1, 2, 3))
					&& cluster.state().allInSync(3, List.of(TOPIC)));
		}
	}

	private static boolean otherControllerActive(KraftCluster cluster, int paused) {
		try {
			return cluster.state().activeController() != paused;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private static void await(java.util.function.BooleanSupplier condition) {
		new Polling(Duration.ofMinutes(1), Duration.ofMillis(500)).until(condition, () -> null,
				() -> "the cluster did not get there within a minute");
	}

}
