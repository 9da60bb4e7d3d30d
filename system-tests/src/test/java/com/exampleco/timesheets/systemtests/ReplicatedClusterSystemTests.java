package com.exampleco.timesheets.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.launcher.kafka.ClusterState;
import com.exampleco.timesheets.launcher.kafka.KraftCluster;
import com.exampleco.timesheets.systemtests.harness.BrokerKind;
import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.systemtests.harness.PipelineOptions;
import com.exampleco.timesheets.systemtests.harness.UploaderRun;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pipeline of its own on a three-broker KRaft cluster ({@link BrokerKind#CLUSTER}:
 * replication factor 3, {@code min.insync.replicas} 2), under a steady upload
 * ({@link ClusterLoad}: the uploader job in rounds and direct API calls): the partition
 * leader killed with SIGKILL, a broker frozen (SIGSTOP) for 20 s, and a rolling restart
 * of all three brokers. At the end nothing acknowledged is lost or doubled, on the topic
 * (read_committed) and in the database, and every 503 fell inside a fault.
 * <p>
 * The cluster is secured like the single broker (with Kafka security on, the default):
 * SASL/OAUTHBEARER and ACLs on each node, the nodes replicating over their own loopback
 * INTERNAL listeners; the test reads the topics as {@code kafka-admin}.
 * <p>
 * Runs first, before the shared pipeline starts, and stops its own at the end.
 */
@Order(0)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicatedClusterSystemTests {

	/** The least entries the load sends ({@code -Dsystemtests.cluster.entries}). */
	static final int ENTRIES = Integer.getInteger("systemtests.cluster.entries", 20_000);

	/**
	 * How often each fault is injected ({@code -Dsystemtests.cluster.rounds}; the soak
	 * profile: 5).
	 */
	static final int ROUNDS = Integer.getInteger("systemtests.cluster.rounds", 1);

	/**
	 * After a fault ends, a request sent before it may still be answered 503 this late.
	 */
	static final Duration GRACE = Duration.ofSeconds(15);

	/**
	 * External ids of the direct requests sent while two brokers are gone (outside the
	 * load's {@code rc-}).
	 */
	static final String PROBE_PREFIX = "rcx";

	/**
	 * The topics the services create (with replicas and min.insync.replicas of their own
	 * configuration).
	 */
	static final List<String> SERVICE_TOPICS = List.of(Topic.EVENTS, Topic.DLT, Topics.TIMESHEET_STATE,
			"timesheet-idempotency-keys");

	/** Every topic the pipeline writes: the services' and the broker's internal ones. */
	static final List<String> TOPICS = List.of(Topic.EVENTS, Topic.DLT, Topics.TIMESHEET_STATE,
			"timesheet-idempotency-keys", "__consumer_offsets", "__transaction_state");

	private Pipeline pipeline;

	private ClusterLoad load;

	private final List<Window> faults = new ArrayList<>();

	/** Prefixes of the direct requests refused with "nothing was accepted". */
	private final List<String> refusedPrefixes = new ArrayList<>();

	@RegisterExtension
	final TestWatcher tails = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (ReplicatedClusterSystemTests.this.pipeline != null) {
				System.out
					.println("==== " + context.getDisplayName() + " failed: tails of the cluster pipeline's logs");
				System.out.println(ReplicatedClusterSystemTests.this.pipeline.tailLogs(40));
			}
		}
	};

	@BeforeAll
	void startClusterPipelineAndLoad() {
		PipelineOptions defaults = PipelineOptions.defaults();
		this.pipeline = Pipeline.start(defaults.withBroker(BrokerKind.CLUSTER)
			.withWorkDirectory(defaults.workDirectory().resolveSibling("pipeline-cluster")));
		this.load = new ClusterLoad(this.pipeline, this.pipeline.logDirectory().resolveSibling("inbox-cluster"), 2000);
		this.load.start();
	}

	@AfterAll
	void stopPipeline() throws InterruptedException {
		if (this.load != null) {
			this.load.stop();
		}
		if (this.pipeline != null) {
			this.pipeline.close();
		}
	}

	@Test
	@Order(1)
	void everyTopicHasThreeReplicasAndTheEventsTopicNeedsTwoInSync() throws Exception {
		await().atMost(Duration.ofMinutes(2)).until(() -> this.load.acknowledged().size() > 100);
		Map<String, Map<Integer, ClusterState.Replicas>> partitions = cluster().state().partitions(TOPICS);
		assertThat(partitions).containsOnlyKeys(TOPICS);
		partitions.forEach((topic, byPartition) -> assertThat(byPartition.values()).as(topic)
			.allSatisfy((replicas) -> assertThat(replicas.replicas()).hasSize(3)));
		for (String topic : SERVICE_TOPICS) {
			// set on the topic by the service that created it, not only the broker's
			// default
			ConfigEntry minInsync = Topic.config(this.pipeline.kafkaOperator(), topic, "min.insync.replicas");
			assertThat(minInsync.value()).as(topic).isEqualTo("2");
			assertThat(minInsync.source()).as(topic).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
		}
		assertThat(Topic.config(this.pipeline.kafkaOperator(), "__transaction_state", "min.insync.replicas").value())
			.isEqualTo("2");
	}

	@Test
	@Order(2)
	void killedPartitionLeaderLosesNothingAndTwoBrokersGoneIsAnswered503UntilOneReturns() {
		for (int round = 0; round < ROUNDS; round++) {
			killLeader(round);
		}
	}

	private void killLeader(int round) {
		KraftCluster cluster = cluster();
		awaitProgress();
		int leader = cluster.state().leaderOf(Topic.EVENTS, 0);
		Instant from = Instant.now();
		cluster.kill9(leader);
		Figures.brokersKilled.incrementAndGet();
		Figures.faultsInjected.incrementAndGet();
		// the survivors fence it, lead its partitions and keep two replicas in sync
		await().atMost(Duration.ofMinutes(1))
			.until(() -> !cluster.state().liveNodes().contains(leader) && cluster.state().allInSync(2, TOPICS));
		assertThat(cluster.state().leaderOf(Topic.EVENTS, 0)).isNotEqualTo(leader);
		Instant recovered = Instant.now();
		await().atMost(Duration.ofMinutes(1)).until(() -> this.load.acknowledgedSince(recovered));

		// a second broker frozen as well: one replica left, fewer than two in sync
		int second = (leader % 3) + 1;
		cluster.pause(second);
		Figures.brokersPaused.incrementAndGet();
		Http.Answer refused;
		try {
			refused = Http.post(this.pipeline.ingestUrl() + "/timesheet-batches",
					this.pipeline.accessToken(Pipeline.UPLOADER), "application/json",
					Entries.jsonArray(PROBE_PREFIX + round + "-", 0, 5),
					Map.of("Idempotency-Key", PROBE_PREFIX + round));
		}
		finally {
			cluster.resume(second);
		}
		assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
		assertThat(refused.retryAfter()).isNotBlank();
		assertThat(refused.isProblem()).isTrue();
		if (refused.body().contains("nothing was accepted")) {
			// (an "outcome unknown" 503 may still commit, by design: a retry with its key
			// is safe)
			this.refusedPrefixes.add(PROBE_PREFIX + round + "-");
		}
		Instant resumed = Instant.now();
		await().atMost(Duration.ofMinutes(1)).until(() -> this.load.acknowledgedSince(resumed));

		cluster.restart(leader, Duration.ofMinutes(2));
		Figures.brokersRestarted.incrementAndGet();
		await().atMost(Duration.ofMinutes(2)).until(() -> cluster.state().allInSync(3, TOPICS));
		this.faults.add(new Window(from, Instant.now()));
	}

	@Test
	@Order(3)
	void brokerFrozenForTwentySecondsLosesNothingAndRejoins() {
		for (int round = 0; round < ROUNDS; round++) {
			freezeLeader(round % 6);
		}
	}

	private void freezeLeader(int partition) {
		KraftCluster cluster = cluster();
		awaitProgress();
		int paused = cluster.state().leaderOf(Topic.EVENTS, partition);
		Instant from = Instant.now();
		cluster.pause(paused);
		Figures.brokersPaused.incrementAndGet();
		Figures.faultsInjected.incrementAndGet();
		try {
			// meanwhile the others fence it, take over its partitions and the load goes
			// on
			await().atMost(Duration.ofMinutes(1)).until(() -> !cluster.state().liveNodes().contains(paused));
			Instant fenced = Instant.now();
			await().atMost(Duration.ofMinutes(1)).until(() -> this.load.acknowledgedSince(fenced));
			Outage.holdUntil(from, Outage.LENGTH);
		}
		finally {
			cluster.resume(paused);
		}
		await().atMost(Duration.ofMinutes(2))
			.until(() -> cluster.state().liveNodes().contains(paused) && cluster.state().allInSync(3, TOPICS));
		this.faults.add(new Window(from, Instant.now()));
	}

	@Test
	@Order(4)
	void rollingRestartOfAllThreeBrokersLosesNothing() {
		KraftCluster cluster = cluster();
		for (int step = 0; step < ROUNDS * cluster.size(); step++) {
			int node = (step % cluster.size()) + 1;
			awaitProgress();
			Instant from = Instant.now();
			cluster.stop(node);
			Figures.faultsInjected.incrementAndGet();
			cluster.restart(node, Duration.ofMinutes(2));
			Figures.brokersRestarted.incrementAndGet();
			// the next one only when every partition has its three replicas in sync again
			await().atMost(Duration.ofMinutes(2)).until(() -> cluster.state().allInSync(3, TOPICS));
			this.faults.add(new Window(from, Instant.now()));
		}
	}

	@Test
	@Order(5)
	void nothingAcknowledgedIsLostOrDoubledAndEvery503FellInsideAFault() throws Exception {
		await().atMost(Duration.ofMinutes(10)).until(() -> this.load.acknowledged().size() >= ENTRIES);
		this.load.stop();
		Set<String> acknowledged = this.load.acknowledged();
		List<UploaderRun> runs = this.load.runs();
		assertThat(runs).allSatisfy((run) -> assertThat(run.exitCode()).as(run.text()).isZero());
		List<ClusterLoad.Answered> answers = this.load.answers();
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).isIn(202, 503));
		List<ClusterLoad.Answered> refused = answers.stream().filter((answer) -> answer.status() == 503).toList();
		assertThat(refused).allSatisfy((answer) -> {
			assertThat(answer.retryAfter()).isNotBlank();
			assertThat(answer.problem()).isTrue();
			assertThat(this.faults).as("503 at %s outside every fault %s", answer.at(), this.faults)
				.anyMatch((fault) -> fault.holds(answer.at()));
		});

		Ledger ledger = new Ledger(this.pipeline);
		int total = acknowledged.size();
		await().atMost(Duration.ofMinutes(5))
			.untilAsserted(() -> assertThat(ledger.timesheets(ClusterLoad.PREFIX)).isEqualTo(total));
		assertThat(ledger.outcomes(ClusterLoad.PREFIX)).isEqualTo(Map.of("SUBMITTED/APPLIED", (long) total));
		assertThat(ledger.doubled(ClusterLoad.PREFIX)).isZero();
		assertThat(ledger.externalIds(ClusterLoad.PREFIX)).containsExactlyInAnyOrderElementsOf(acknowledged);
		for (String prefix : this.refusedPrefixes) {
			assertThat(ledger.timesheets(prefix)).as("the 503 accepted nothing").isZero();
		}

		long copies = TopicCopies.assertEachEntryIsOneEvent(this.pipeline.kafkaOperator(), acknowledged, ledger);
		assertThat(Topic.endOffsets(this.pipeline.kafkaOperator(), Topic.DLT)).isZero();

		Figures.faultsSurvived.addAndGet(this.faults.size());
		Figures.clusterAcknowledged.set(total);
		Figures.clusterAnswered503.set(refused.size());
		Figures.clusterTopicCopies.set((int) copies);
		System.out.printf(
				"replicated cluster: %d entries acknowledged (%d uploader rounds, %d direct calls, %d of"
						+ " them 503 inside the %d faults), all applied once; %d events on the topic twice (same id,"
						+ " dropped as DUPLICATE)%n",
				total, runs.size(), answers.size(), refused.size(), this.faults.size(), copies);
	}

	private KraftCluster cluster() {
		return this.pipeline.kafkaCluster();
	}

	/** The load is flowing: a direct call was acknowledged in the last seconds. */
	private void awaitProgress() {
		Instant now = Instant.now();
		await().atMost(Duration.ofMinutes(1)).until(() -> this.load.acknowledgedSince(now));
	}

	/**
	 * A fault, from its injection until the cluster was whole again, plus {@link #GRACE}.
	 */
	record Window(Instant from, Instant to) {

		boolean holds(Instant at) {
			return !at.isBefore(this.from) && !at.isAfter(this.to.plus(GRACE));
		}

	}

}
