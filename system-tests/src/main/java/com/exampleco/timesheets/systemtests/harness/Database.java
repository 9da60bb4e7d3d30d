package com.exampleco.timesheets.systemtests.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import com.exampleco.timesheets.launcher.postgres.PostgresServer;
import com.exampleco.timesheets.testsupport.postgres.PostgresForTests;

/**
 * The pipeline's PostgreSQL: a server of its own chosen as test-support's
 * {@link PostgresForTests#launch()} chooses (an external server named by the environment,
 * a container where Docker runs, else a throwaway local cluster), with one database for
 * the pipeline; closed with the pipeline. {@link #stop()} and {@link #start()} stop and
 * start the whole server (fast shutdown: connections are cut), simulating an outage.
 */
public final class Database implements AutoCloseable {

	private final PostgresServer server;

	private final String jdbcUrl;

	private Database(PostgresServer server, String jdbcUrl) {
		this.server = server;
		this.jdbcUrl = jdbcUrl;
	}

	static Database create(String name) {
		PostgresServer server = PostgresForTests.launch();
		try {
			return new Database(server, server.createDatabase(name));
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	/**
	 * The JDBC URL of the pipeline's database (the processors' and the query API's).
	 * @return the URL, never null
	 */
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String username() {
		return this.server.username();
	}

	public String password() {
		return this.server.password();
	}

	/**
	 * A new connection as the administrator; the caller closes it.
	 * @return the connection
	 * @throws SQLException when the server is down
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, username(), password());
	}

	/**
	 * Whether {@link #stop()} is possible (not with an external server named by
	 * {@link PostgresForTests#URL_ENV}).
	 * @return true when an outage can be simulated
	 */
	public boolean canStop() {
		return this.server.canStop();
	}

	/** Stops the server: every connection is cut, new ones are refused. */
	public void stop() {
		this.server.stop();
	}

	/** Starts the server again on the same port with the same data. */
	public void start() {
		this.server.start();
	}

	/** Shuts the server down and deletes its files (an external server is left alone). */
	@Override
	public void close() {
		this.server.close();
	}

}
