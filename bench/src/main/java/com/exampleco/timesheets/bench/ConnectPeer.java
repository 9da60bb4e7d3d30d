package com.exampleco.timesheets.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.exampleco.timesheets.launcher.process.JavaProcess;

/**
 * The peer a user would pick instead of the processor: Kafka Connect in standalone mode
 * ({@code ConnectStandalone}, one worker process) running Debezium's JDBC sink connector
 * in upsert mode. This class writes its two configuration files and makes its process;
 * the JVM runs on the bench's own class path (Kafka clients, the PostgreSQL driver) plus
 * {@code target/connect/*} (Connect's runtime and the connector with their libraries,
 * copied there by the build).
 */
final class ConnectPeer {

	static final String CONNECTOR_NAME = "peer-jdbc-sink";

	static final String MAIN_CLASS = "org.apache.kafka.connect.cli.ConnectStandalone";

	private ConnectPeer() {
	}

	/**
	 * What the peer is told to do.
	 *
	 * @param bootstrap the broker
	 * @param topic its input topic
	 * @param table the table it upserts into
	 * @param db the database (same URL as the processor's: {@code reWriteBatchedInserts})
	 * @param tasks {@code tasks.max} (the processor's consumer count)
	 * @param batchSize {@code batch.size}, also the consumer's {@code max.poll.records}
	 * @param restPort the worker's REST listener
	 * @param offsetsFile where the standalone worker stores its offsets
	 */
	record Config(String bootstrap, String topic, String table, RawBaselines.Db db, int tasks, int batchSize,
			int restPort, Path offsetsFile) {

		/**
		 * The worker's properties: converters for the peer's records (key a plain string,
		 * value JsonConverter with schemas), the consumer's poll size equal to the
		 * connector's batch size, a loopback REST listener.
		 */
		Map<String, String> worker() {
			Map<String, String> worker = new LinkedHashMap<>();
			worker.put("bootstrap.servers", this.bootstrap);
			worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
			worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
			worker.put("value.converter.schemas.enable", "true");
			worker.put("offset.storage.file.filename", this.offsetsFile.toAbsolutePath().toString());
			worker.put("offset.flush.interval.ms", "10000");
			worker.put("listeners", "http://127.0.0.1:" + this.restPort);
			// Debezium's JDBC sink docs: batch.size is capped by the consumer's
			// max.poll.records, so raise that to the batch size
			worker.put("consumer.max.poll.records", Integer.toString(this.batchSize));
			// Connect's and Debezium's jars all carry ServiceLoader manifests: no class
			// path scan at start-up
			worker.put("plugin.discovery", "service_load");
			return worker;
		}

		/**
		 * The connector's properties: upsert by the record value's {@code timesheet_id}
		 * into an existing table (no schema evolution), {@code batch.size} rows per
		 * flush.
		 */
		Map<String, String> connector() {
			Map<String, String> connector = new LinkedHashMap<>();
			connector.put("name", CONNECTOR_NAME);
			connector.put("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector");
			connector.put("tasks.max", Integer.toString(this.tasks));
			connector.put("topics", this.topic);
			connector.put("connection.url", this.db.url());
			connector.put("connection.username", this.db.user());
			connector.put("connection.password", this.db.password());
			connector.put("insert.mode", "upsert");
			connector.put("primary.key.mode", "record_value");
			connector.put("primary.key.fields", "timesheet_id");
			connector.put("collection.name.format", this.table);
			connector.put("schema.evolution", "none");
			connector.put("delete.enabled", "false");
			connector.put("batch.size", Integer.toString(this.batchSize));
			return connector;
		}

		/** Both, as the report shows them (the password left out). */
		Map<String, Object> described() {
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("worker", this.worker());
			Map<String, String> connector = new LinkedHashMap<>(this.connector());
			connector.put("connection.password", "(the pipeline's)");
			described.put("connector", connector);
			return described;
		}

	}

	/**
	 * Writes the worker's and the connector's properties into {@code directory} and makes
	 * the worker's process (not started).
	 * @param config what the peer does
	 * @param directory its work folder (configuration, log)
	 * @param jvmOptions the JVM's options (the services' heap)
	 * @return the process
	 */
	static JavaProcess process(Config config, Path directory, List<String> jvmOptions) {
		try {
			Files.createDirectories(directory);
			Path worker = write(directory.resolve("worker.properties"), config.worker());
			Path connector = write(directory.resolve("connector.properties"), config.connector());
			List<String> command = JavaProcess.javaCommand(jvmOptions);
			command.add("-cp");
			command.add(classpath());
			command.add(MAIN_CLASS);
			command.add(worker.toString());
			command.add(connector.toString());
			return new JavaProcess("kafka-connect", command, Map.of(),
					directory.getParent().resolve("logs").resolve("kafka-connect.log"), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the peer's configuration", ex);
		}
	}

	private static Path write(Path file, Map<String, String> values) throws IOException {
		Properties properties = new Properties();
		properties.putAll(values);
		try (Writer out = Files.newBufferedWriter(file)) {
			properties.store(out, "written by the bench (ConnectPeer)");
		}
		return file.toAbsolutePath();
	}

	/**
	 * This JVM's class path, absolute (as the broker's), plus {@code connect/*} beside
	 * the bench's jar ({@code target/connect}).
	 */
	static String classpath() {
		List<String> entries = new ArrayList<>(List.of(PipelineStack.brokerClasspath()));
		Path connect = connectDirectory();
		if (!Files.isDirectory(connect)) {
			throw new IllegalStateException(connect + " is missing: build the bench with package (copy-connect)");
		}
		entries.add(connect.toAbsolutePath() + File.separator + "*");
		return String.join(File.pathSeparator, entries);
	}

	/** {@code target/connect}: beside {@code bench.jar}, or beside {@code classes}. */
	static Path connectDirectory() {
		try {
			Path code = Path.of(ConnectPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return code.toAbsolutePath().getParent().resolve("connect");
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The peer in one line, for the report's notes: versions (from the jars' names) and
	 * the settings that decide its throughput.
	 */
	static String summary(Config config, int recordBytes) {
		String versions;
		try (var jars = Files.list(connectDirectory())) {
			versions = jars.map((jar) -> jar.getFileName().toString())
				.filter((name) -> name.startsWith("connect-runtime-") || name.startsWith("debezium-connector-jdbc-"))
				.sorted()
				.map((name) -> name.replace(".jar", ""))
				.reduce((a, b) -> a + ", " + b)
				.orElse("?");
		}
		catch (IOException ex) {
			versions = "?";
		}
		Map<String, String> connector = config.connector();
		return "the peer: " + versions + " (standalone); " + String.join(", ",
				List.of("tasks.max=" + connector.get("tasks.max"), "insert.mode=" + connector.get("insert.mode"),
						"primary.key.mode=" + connector.get("primary.key.mode") + " ("
								+ connector.get("primary.key.fields") + ")",
						"batch.size=" + connector.get("batch.size"),
						"consumer.max.poll.records=" + config.worker().get("consumer.max.poll.records"),
						"value.converter=JsonConverter with schemas (" + recordBytes + " bytes per record)",
						"table " + config.table() + " (LIKE timesheets INCLUDING ALL)"));
	}

	/** A free loopback port for the worker's REST listener. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
