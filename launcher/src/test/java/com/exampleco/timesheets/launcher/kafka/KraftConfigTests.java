package com.exampleco.timesheets.launcher.kafka;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
		Properties meta = new Properties();
		try (InputStream in = Files.newInputStream(logs.resolve("meta.properties"))) {
			meta.load(in);
		}
		return meta.getProperty("cluster.id");
	}

}
