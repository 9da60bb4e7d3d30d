package com.exampleco.timesheets.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.debezium.connector.jdbc.JdbcSinkConnector;
import io.debezium.connector.jdbc.JdbcSinkConnectorConfig;
import io.debezium.sink.SinkConnectorConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectPeerTests {

	private final ConnectPeer.Config config = new ConnectPeer.Config("127.0.0.1:9092", "bench-peer-rows",
			"peer_timesheets",
			new RawBaselines.Db("jdbc:postgresql://127.0.0.1:5432/t?reWriteBatchedInserts=true", "user", "secret"), 3,
			1000, 18083, Path.of("/tmp/offsets"));

	@Test
	void connectorUpsertsByTheValuesTimesheetIdIntoTheGivenTableInBatches() {
		Map<String, String> connector = this.config.connector();
		assertThat(connector).containsEntry("connector.class", JdbcSinkConnector.class.getName())
			.containsEntry("insert.mode", "upsert")
			.containsEntry("primary.key.mode", "record_value")
			.containsEntry("primary.key.fields", "timesheet_id")
			.containsEntry("collection.name.format", "peer_timesheets")
			.containsEntry("schema.evolution", "none")
			.containsEntry("batch.size", "1000")
			.containsEntry("tasks.max", "3")
			.containsEntry("topics", "bench-peer-rows")
			.containsEntry("connection.url", "jdbc:postgresql://127.0.0.1:5432/t?reWriteBatchedInserts=true");
	}

	@Test
	void debeziumReadsTheConnectorsConfigurationAsMeant() {
		JdbcSinkConnectorConfig parsed = new JdbcSinkConnectorConfig(this.config.connector());
		parsed.validate();
		assertThat(parsed.getInsertMode()).isEqualTo(JdbcSinkConnectorConfig.InsertMode.UPSERT);
		assertThat(parsed.getPrimaryKeyMode()).isEqualTo(SinkConnectorConfig.PrimaryKeyMode.RECORD_VALUE);
		assertThat(parsed.getPrimaryKeyFields()).containsExactly("timesheet_id");
		assertThat(parsed.getCollectionNameFormat()).isEqualTo("peer_timesheets");
		assertThat(parsed.getSchemaEvolutionMode()).isEqualTo(JdbcSinkConnectorConfig.SchemaEvolutionMode.NONE);
		assertThat(parsed.getBatchSize()).isEqualTo(1000);
	}

	@Test
	void workerReadsStringKeysAndJsonValuesWithSchemasAndPollsABatchAtATime() {
		Map<String, String> worker = this.config.worker();
		assertThat(worker).containsEntry("value.converter", "org.apache.kafka.connect.json.JsonConverter")
			.containsEntry("value.converter.schemas.enable", "true")
			.containsEntry("key.converter", "org.apache.kafka.connect.storage.StringConverter")
			.containsEntry("consumer.max.poll.records", "1000")
			.containsEntry("listeners", "http://127.0.0.1:18083")
			.containsEntry("bootstrap.servers", "127.0.0.1:9092");
		StandaloneConfig parsed = new StandaloneConfig(new HashMap<>(worker));
		assertThat(parsed.getList("listeners")).containsExactly("http://127.0.0.1:18083");
	}

	@Test
	void summaryNamesTheSettingsThatDecideThroughput() {
		assertThat(ConnectPeer.summary(this.config, 1950)).contains("tasks.max=3", "insert.mode=upsert",
				"primary.key.mode=record_value (timesheet_id)", "batch.size=1000", "consumer.max.poll.records=1000",
				"1950 bytes per record", "peer_timesheets");
	}

	@Test
	void describedConfigurationHidesThePassword() {
		Map<String, Object> described = this.config.described();
		assertThat(described.toString()).doesNotContain("secret").contains("upsert");
	}

	@Test
	void processRunsConnectStandaloneOnTheWrittenFiles(@TempDir Path directory) throws Exception {
		Path connect = ConnectPeer.connectDirectory();
		Files.createDirectories(connect);
		var process = ConnectPeer.process(this.config, directory.resolve("kafka-connect"), List.of("-Xmx512m"));
		List<String> command = process.command();
		assertThat(command).contains(ConnectPeer.MAIN_CLASS, "-Xmx512m");
		assertThat(command.get(command.indexOf("-cp") + 1)).endsWith(connect.toAbsolutePath() + "/*");
		Properties connector = new Properties();
		try (var in = Files.newBufferedReader(Path.of(command.get(command.size() - 1)))) {
			connector.load(in);
		}
		assertThat(connector).containsEntry("insert.mode", "upsert").containsEntry("connection.password", "secret");
		assertThat(process.log()).isEqualTo(directory.resolve("logs/kafka-connect.log"));
	}

}
