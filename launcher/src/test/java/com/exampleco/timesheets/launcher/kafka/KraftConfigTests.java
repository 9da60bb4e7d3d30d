package com.exampleco.timesheets.launcher.kafka;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
