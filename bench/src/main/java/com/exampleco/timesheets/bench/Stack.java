package com.exampleco.timesheets.bench;

import java.util.Map;

/**
 * The pipeline as real processes, as the bench needs it: where each part listens, the
 * processor's start and stop (so its input topic can be filled before it runs), and the
 * process ids for the memory figures.
 */
interface Stack extends AutoCloseable {

	String bootstrapServers();

	/** The pipeline's database, as its administrator (the processor's schema). */
	RawBaselines.Db database();

	/** The port PostgreSQL listens on (to find its processes). */
	int postgresPort();

	String authUrl();

	String ingestUrl();

	String queryUrl();

	void stopProcessor();

	void startProcessor();

	/**
	 * Live JVM processes of the pipeline by name (broker, auth-server, ingest-api, …).
	 */
	Map<String, Long> pids();

	@Override
	void close();

}
