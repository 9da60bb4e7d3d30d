package com.exampleco.timesheets.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.exampleco.timesheets.launcher.process.JavaProcess;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Phase 4b, the peer: the processor's pre-filled rows through Kafka Connect (standalone)
 * with Debezium's JDBC sink in upsert mode into a table of the same shape on the same
 * PostgreSQL, from the same broker; measured like the processor (first row → last) and
 * compared with it. A failure of the peer is reported as a note, not as the run's end.
 */
final class PeerPhase {

	static final String TOPIC = "bench-peer-rows";

	static final String TABLE = "peer_timesheets";

	private static final String CONNECT = "kafka-connect";

	private PeerPhase() {
	}

	static void run(BenchRun run, Measured processor) {
		SideSettings side = run.side();
		JavaProcess connect = null;
		try {
			String bootstrap = run.stack().bootstrapServers();
			RawBaselines.Db db = run.stack().database();
			KafkaBaseline.createTopic(bootstrap, TOPIC, run.settings().partitions());
			createTable(db);
			run.step("peer: pre-filling " + TOPIC + " with " + side.peerRows()
					+ " rows of the processor's pre-fill (JsonConverter with schemas)");
			long prefillStart = System.nanoTime();
			int recordBytes = prefill(bootstrap, run.payloads(), side.peerRows());
			run.step(String.format("pre-filled in %.1f s (%d bytes per record value)",
					(System.nanoTime() - prefillStart) / 1e9, recordBytes));

			ConnectPeer.Config config = new ConnectPeer.Config(bootstrap, TOPIC, TABLE, db, side.peerTasks(),
					side.peerBatchSize(), ConnectPeer.freePort(), workDirectory().resolve("connect.offsets"));
			connect = ConnectPeer.process(config, workDirectory(), List.of("-Xmx512m"));
			run.step("peer: starting Kafka Connect (standalone) with the Debezium JDBC sink, " + side.peerTasks()
					+ " tasks, batch.size " + side.peerBatchSize());
			long start = System.nanoTime();
			Cpu.Snapshot cpu0 = Cpu.take(run.stack()).startingAtZero(CONNECT);
			run.stack().startSide(connect);
			Progress progress = await(run, connect, config, side, start);
			Cpu.Snapshot cpu1 = Cpu.take(run.stack());
			report(run, processor, config, recordBytes, start, progress, cpu0, cpu1);
		}
		catch (Exception ex) {
			run.report()
				.note("the peer (Kafka Connect + Debezium JDBC sink) failed: " + ex
						+ ((connect != null) ? " (log: " + connect.log() + ")" : ""));
		}
		finally {
			if (connect != null) {
				run.stack().stopSide(connect);
			}
		}
	}

	private static void report(BenchRun run, Measured processor, ConnectPeer.Config config, int recordBytes, long start,
			Progress progress, Cpu.Snapshot cpu0, Cpu.Snapshot cpu1) {
		long rows = run.side().peerRows();
		double steady = (rows - progress.firstCount()) / ((progress.doneAt() - progress.firstAt()) / 1e9);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("rows", rows);
		details.put("recordValueBytes", recordBytes);
		details.put("secondsFromProcessStart", Math.round((progress.doneAt() - start) / 1e8) / 10.0);
		details.put("rowsPerSecondFromProcessStart", Math.round(rows / ((progress.doneAt() - start) / 1e9)));
		Map<String, Object> cpu = Cpu.per1000(cpu0, cpu1, rows, List.of(CONNECT, Cpu.POSTGRES, "kafka broker"));
		details.put("cpuMsPer1000", cpu);
		details.put("connectCpuMsPer1000ByThread", Cpu.byThread(cpu0, cpu1, CONNECT, rows, 8));
		details.put("rowsDifferingFromTheProcessors", progress.differing());
		details.put("configuration", config.described());
		run.report()
			.add("peer: Kafka Connect + Debezium JDBC sink, upsert (first row → last)", steady, "rows/s", details);
		run.report().note(ConnectPeer.summary(config, recordBytes));
		Map<String, Object> compared = new LinkedHashMap<>();
		compared.put("cpuRatioPeerOverProcessor", Cpu.rawOverPipeline(cpu, processor.cpuPer1000()));
		run.report()
			.compare("processor beside the peer (Connect + Debezium JDBC sink)", processor.perSecond(), "entries/s",
					"peer: Connect + Debezium JDBC sink", steady, 1.0, compared);
	}

	/**
	 * When the first rows arrived and when the last did; how many of the peer's rows
	 * differ from the processor's for the same timesheet (content and status).
	 */
	private record Progress(long firstAt, long firstCount, long doneAt, long differing) {
	}

	private static Progress await(BenchRun run, JavaProcess connect, ConnectPeer.Config config, SideSettings side,
			long start) throws Exception {
		RawBaselines.Db db = run.stack().database();
		HttpClient http = Http.client();
		long deadline = start + side.peerTimeoutSeconds() * 1_000_000_000L;
		long firstAt = 0;
		long firstCount = 0;
		long done;
		int polls = 0;
		while ((done = rows(db)) < side.peerRows()) {
			if (!connect.isAlive()) {
				throw new IllegalStateException("Kafka Connect exited after " + done + " rows");
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the peer wrote " + done + " of " + side.peerRows() + " rows in "
						+ side.peerTimeoutSeconds() + " s");
			}
			if (firstAt == 0 && done > 0) {
				firstAt = System.nanoTime();
				firstCount = done;
			}
			if (++polls % 6 == 0) {
				failedTask(http, config).ifPresent((trace) -> {
					throw new IllegalStateException("a sink task failed: " + trace);
				});
			}
			Thread.sleep(500);
		}
		long doneAt = System.nanoTime();
		if (firstAt == 0) {
			// everything arrived between two polls
			firstAt = start;
		}
		run.step("peer: " + done + " rows written");
		return new Progress(firstAt, firstCount, doneAt, differing(db));
	}

	/** The first lines of a failed task's trace, from the worker's REST API. */
	private static Optional<String> failedTask(HttpClient http, ConnectPeer.Config config) {
		try {
			HttpResponse<String> status = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + config.restPort() + "/connectors/"
						+ ConnectPeer.CONNECTOR_NAME + "/status"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
			String body = status.body();
			int failed = body.indexOf("\"FAILED\"");
			return (status.statusCode() == 200 && failed >= 0)
					? Optional.of(body.substring(failed, Math.min(body.length(), failed + 600))) : Optional.empty();
		}
		catch (Exception ex) {
			// the REST listener is not up yet
			return Optional.empty();
		}
	}

	/** A table of the same shape as the processor's (columns, keys, indexes, checks). */
	private static void createTable(RawBaselines.Db db) throws Exception {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS " + TABLE);
			statement.execute("CREATE TABLE " + TABLE + " (LIKE timesheets INCLUDING ALL)");
		}
	}

	/** The peer's rows whose content is not the processor's row of the same id. */
	private static long differing(RawBaselines.Db db) throws Exception {
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + TABLE
						+ " p LEFT JOIN timesheets t USING (timesheet_id) WHERE (p.external_id, p.employee_id,"
						+ " p.project_code, p.work_date, p.hours, p.note, p.status, p.submitted_client)"
						+ " IS DISTINCT FROM (t.external_id, t.employee_id, t.project_code, t.work_date, t.hours,"
						+ " t.note, t.status, t.submitted_client)")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static long rows(RawBaselines.Db db) throws Exception {
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/**
	 * The peer's topic: the rows of the processor's pre-fill (same ids, same content).
	 * @return the size of one record's value
	 */
	private static int prefill(String bootstrap, Payloads payloads, int count) throws Exception {
		UUID batch = UUID.randomUUID();
		Instant at = Instant.now();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaBaseline.producerConfig(bootstrap))) {
			KafkaBaseline.send(producer, 0, count, (i) -> PeerRecords.row(TOPIC, payloads, i, batch, at));
		}
		return PeerRecords.row(TOPIC, payloads, 0, batch, at).value().length;
	}

	/** {@code target/pipeline/kafka-connect}: the worker's configuration and log. */
	private static Path workDirectory() {
		return ConnectPeer.connectDirectory().getParent().resolve("pipeline").resolve(CONNECT);
	}

}
