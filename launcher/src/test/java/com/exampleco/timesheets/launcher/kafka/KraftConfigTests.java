package com.exampleco.timesheets.launcher.kafka;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KraftConfigTests {

	@Test
	void describesOneCombinedNodeOnLoopbackWithSingleReplicaInternalTopics(@TempDir Path directory) {
		Properties properties = new KraftConfig(directory, directory.resolve("data"), 29092, 29093, 4)
			.serverProperties();

		assertThat(properties).containsEntry("process.roles", "broker,controller")
			.containsEntry("node.id", "1")
			.containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:29093")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:29092")
			.containsEntry("log.dirs", directory.resolve("data").toAbsolutePath().toString())
			.containsEntry("num.partitions", "4")
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("group.initial.rebalance.delay.ms", "0");
		// exactly the single node's keys: nothing of a cluster's settings leaks in
		assertThat(properties.stringPropertyNames()).containsExactlyInAnyOrder("process.roles", "node.id",
				"controller.quorum.bootstrap.servers", "listeners", "advertised.listeners", "controller.listener.names",
				"inter.broker.listener.name", "listener.security.protocol.map", "log.dirs", "num.partitions",
				"offsets.topic.replication.factor", "offsets.topic.num.partitions",
				"transaction.state.log.replication.factor", "transaction.state.log.min.isr",
				"transaction.state.log.num.partitions", "share.coordinator.state.topic.replication.factor",
				"share.coordinator.state.topic.min.isr", "group.initial.rebalance.delay.ms");
		assertThat(properties).containsEntry("share.coordinator.state.topic.replication.factor", "1")
			.containsEntry("share.coordinator.state.topic.min.isr", "1");
	}

	@Test
	void describesOneNodeOfAThreeNodeClusterWithReplicatedTopicsAndTwoInSyncReplicas(@TempDir Path directory) {
		List<KraftQuorum.Voter> voters = List.of(new KraftQuorum.Voter(1, 29093, Uuid.randomUuid().toString()),
				new KraftQuorum.Voter(2, 29193, Uuid.randomUuid().toString()),
				new KraftQuorum.Voter(3, 29293, Uuid.randomUuid().toString()));
		Properties properties = new KraftConfig(directory, directory.resolve("data"), 29192, 29193, 6,
				KraftQuorum.of(2, Uuid.randomUuid().toString(), voters, 2))
			.serverProperties();

		assertThat(properties).containsEntry("process.roles", "broker,controller")
			.containsEntry("node.id", "2")
			.containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:29093,127.0.0.1:29193,127.0.0.1:29293")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:29192,CONTROLLER://127.0.0.1:29193")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:29192")
			.containsEntry("offsets.topic.replication.factor", "3")
			.containsEntry("transaction.state.log.replication.factor", "3")
			.containsEntry("transaction.state.log.min.isr", "2")
			.containsEntry("share.coordinator.state.topic.replication.factor", "3")
			.containsEntry("share.coordinator.state.topic.min.isr", "2")
			.containsEntry("default.replication.factor", "3")
			.containsEntry("min.insync.replicas", "2")
			.containsEntry("unclean.leader.election.enable", "false")
			.containsEntry("broker.session.timeout.ms", "6000")
			.containsEntry("replica.lag.time.max.ms", "8000");
	}

	@Test
	void refusesAQuorumWhoseMinInsyncReplicasExceedItsReplicas() {
		List<KraftQuorum.Voter> voters = List.of(KraftQuorum.Voter.of(1, 29093), KraftQuorum.Voter.of(2, 29193));
		assertThatIllegalArgumentException().isThrownBy(() -> KraftQuorum.of(1, "id", voters, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> KraftQuorum.of(1, null, voters, 1));
	}

	@Test
	void formatsAClusterNodeWithTheSharedClusterIdAndItsOwnMetadataDirectoryId(@TempDir Path directory)
			throws Exception {
		List<KraftQuorum.Voter> voters = List.of(KraftQuorum.Voter.of(1, 29093), KraftQuorum.Voter.of(2, 29193),
				KraftQuorum.Voter.of(3, 29293));
		String clusterId = Uuid.randomUuid().toString();
		new KraftConfig(directory, directory.resolve("logs"), 29192, 29193, 6, KraftQuorum.of(2, clusterId, voters, 2))
			.prepare("a test");

		Properties meta = meta(directory.resolve("logs"));
		assertThat(meta.getProperty("cluster.id")).isEqualTo(clusterId);
		assertThat(meta.getProperty("node.id")).isEqualTo("2");
		assertThat(meta.getProperty("directory.id")).isEqualTo(voters.get(1).directoryId());
	}

	@Test
	void securedBrokerTakesOnlyOAuthBearerOnItsClientListenerAndDeniesByDefault(@TempDir Path directory) {
		BrokerSecurity security = BrokerSecurity.forIssuer("http://127.0.0.1:9000", 29094)
			.withReauthentication(Duration.ofSeconds(10));
		KraftConfig config = new KraftConfig(directory, directory.resolve("data"), 29092, 29093, 4, security);

		assertThat(config.serverProperties())
			.containsEntry("listeners",
					"SASL_PLAINTEXT://127.0.0.1:29092,INTERNAL://127.0.0.1:29094,CONTROLLER://127.0.0.1:29093")
			.containsEntry("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:29092,INTERNAL://127.0.0.1:29094")
			.containsEntry("listener.security.protocol.map",
					"SASL_PLAINTEXT:SASL_PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT")
			.containsEntry("inter.broker.listener.name", "INTERNAL")
			.containsEntry("sasl.enabled.mechanisms", "OAUTHBEARER")
			.containsEntry("listener.name.sasl_plaintext.oauthbearer.sasl.server.callback.handler.class",
					"org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler")
			.containsEntry("sasl.oauthbearer.jwks.endpoint.url", "http://127.0.0.1:9000/oauth2/jwks")
			.containsEntry("sasl.oauthbearer.jwks.endpoint.refresh.ms", "30000")
			.containsEntry("sasl.oauthbearer.expected.issuer", "http://127.0.0.1:9000")
			.containsEntry("sasl.oauthbearer.expected.audience", "timesheets-kafka")
			.containsEntry("sasl.oauthbearer.sub.claim.name", "sub")
			.containsEntry("connections.max.reauth.ms", "10000")
			.containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("allow.everyone.if.no.acl.found", "false")
			.containsEntry("super.users", "User:kafka-admin;User:ANONYMOUS");
		assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:29092");
		assertThat(config.unauthenticatedBootstrapServers()).isEqualTo("127.0.0.1:29094");
		assertThat(security.allowedUrlsOption())
			.isEqualTo("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=http://127.0.0.1:9000/oauth2/jwks");
	}

	@Test
	void securedClusterNodeReplicatesOverItsOwnInternalListener(@TempDir Path directory) {
		List<KraftQuorum.Voter> voters = List.of(KraftQuorum.Voter.of(1, 29093), KraftQuorum.Voter.of(2, 29193),
				KraftQuorum.Voter.of(3, 29293));
		KraftConfig config = new KraftConfig(directory, directory.resolve("data"), 29192, 29193, 6,
				KraftQuorum.of(2, Uuid.randomUuid().toString(), voters, 2),
				BrokerSecurity.forIssuer("http://127.0.0.1:9000", 29194));

		assertThat(config.serverProperties()).containsEntry("node.id", "2")
			.containsEntry("listeners",
					"SASL_PLAINTEXT://127.0.0.1:29192,INTERNAL://127.0.0.1:29194,CONTROLLER://127.0.0.1:29193")
			.containsEntry("inter.broker.listener.name", "INTERNAL")
			.containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("min.insync.replicas", "2");
		assertThat(config.withTls(null).quorum().nodeId()).isEqualTo(2);
		assertThat(config.unauthenticatedBootstrapServers()).isEqualTo("127.0.0.1:29194");
	}

	@Test
	void plainBrokerHasNoAuthorizer(@TempDir Path directory) {
		KraftConfig config = new KraftConfig(directory, directory.resolve("data"), 29092, 29093, 4);

		assertThat(config.serverProperties()).doesNotContainKeys("authorizer.class.name", "sasl.enabled.mechanisms");
		assertThat(config.unauthenticatedBootstrapServers()).isEqualTo("127.0.0.1:29092");
	}

	@Test
	void formatsTheLogFolderOnceAndKeepsItsClusterIdAcrossPreparations(@TempDir Path directory) throws Exception {
		KraftConfig first = new KraftConfig(directory, directory.resolve("logs"), 29092, 29093, 6);
		Path written = first.prepare("a test");
		String clusterId = clusterId(directory.resolve("logs"));

		// ports may change between runs: the file is rewritten, the log folder kept
		KraftConfig second = new KraftConfig(directory, directory.resolve("logs"), 29192, 29193, 6);
		second.prepare("a test");

		assertThat(written).isEqualTo(directory.resolve("server.properties").toAbsolutePath());
		assertThat(clusterId).isNotBlank();
		assertThat(clusterId(directory.resolve("logs"))).isEqualTo(clusterId);
		Properties rewritten = new Properties();
		try (InputStream in = Files.newInputStream(written)) {
			rewritten.load(in);
		}
		assertThat(rewritten).containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:29192");
	}

	private static String clusterId(Path logs) throws Exception {
		return meta(logs).getProperty("cluster.id");
	}

	private static Properties meta(Path logs) throws Exception {
		Properties meta = new Properties();
		try (InputStream in = Files.newInputStream(logs.resolve("meta.properties"))) {
			meta.load(in);
		}
		return meta;
	}

}
