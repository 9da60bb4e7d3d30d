package com.exampleco.timesheets.launcher.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A running PostgreSQL server that a test, the system-tests harness or the bench points
 * the pipeline at: a throwaway {@link LocalPostgres} cluster, a server someone else runs
 * ({@link ExternalPostgres}), or a container (test-support). {@link #close()} releases
 * what the server owns (stops and deletes a throwaway cluster; leaves an external server
 * alone); it is idempotent.
 */
public interface PostgresServer extends AutoCloseable {

	/** The maintenance database every server has. */
	String DEFAULT_DATABASE = "postgres";

	/**
	 * A JDBC URL of a database on this server.
	 * @param database the database name
	 * @return the URL, never null
	 */
	String jdbcUrl(String database);

	/**
	 * A JDBC URL of the {@value #DEFAULT_DATABASE} database.
	 * @return the URL, never null
	 */
	default String jdbcUrl() {
		return jdbcUrl(DEFAULT_DATABASE);
	}

	/**
	 * The user with which to connect (a superuser for the servers this project starts).
	 * @return the user, never null
	 */
	String username();

	/**
	 * The password of {@link #username()}.
	 * @return the password, may be empty, never null
	 */
	String password();

	/**
	 * Creates a fresh, empty database (dropping one of the same name first), so that
	 * callers do not see each other's rows.
	 * @param name the database name: letters, digits, underscore
	 * @return the JDBC URL of the new database
	 * @throws IllegalArgumentException for any other name
	 * @throws IllegalStateException when the server refuses
	 */
	default String createDatabase(String name) {
		if (!name.matches("[A-Za-z0-9_]+")) {
			throw new IllegalArgumentException("database name must be letters, digits and underscores: " + name);
		}
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), password());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create database " + name, ex);
		}
		return jdbcUrl(name);
	}

	/**
	 * Whether {@link #stop()} and {@link #start()} can simulate an outage (not with a
	 * server someone else runs).
	 * @return true when the server can be stopped and started again
	 */
	default boolean canStop() {
		return true;
	}

	/**
	 * Stops the server so that connections are cut and new ones refused (or, for a
	 * container, hang), keeping its data and port.
	 * @throws UnsupportedOperationException when {@link #canStop()} is false
	 */
	void stop();

	/**
	 * Starts the server again after {@link #stop()}, on the same port with the same data.
	 * @throws UnsupportedOperationException when {@link #canStop()} is false
	 */
	void start();

	/** {@link #stop()}, then {@link #start()}. */
	default void restart() {
		stop();
		start();
	}

	@Override
	void close();

}
