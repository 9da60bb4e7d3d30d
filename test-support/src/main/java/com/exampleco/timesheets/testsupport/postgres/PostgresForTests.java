package com.exampleco.timesheets.testsupport.postgres;

import java.nio.file.Path;

import com.exampleco.timesheets.launcher.postgres.ExternalPostgres;
import com.exampleco.timesheets.launcher.postgres.LocalPostgres;
import com.exampleco.timesheets.launcher.postgres.PostgresBinaries;
import com.exampleco.timesheets.launcher.postgres.PostgresServer;
import com.exampleco.timesheets.testsupport.Docker;

import org.springframework.test.util.TestSocketUtils;

/**
 * The real PostgreSQL tests use, chosen by {@link #launch()} in this order:
 * <ol>
 * <li>the environment variable {@value #URL_ENV} (with {@value #USER_ENV} and
 * {@value #PASSWORD_ENV}): an existing server, used as is;</li>
 * <li>Testcontainers' PostgreSQL when Docker is available;</li>
 * <li>a throwaway {@link LocalPostgres} cluster from the machine's PostgreSQL binaries
 * ({@link PostgresBinaries}, or {@value #BINDIR_ENV}) under {@code target/}, on a free
 * port.</li>
 * </ol>
 * When none exists, {@link #launch()} fails and says what to install. JUnit tests get one
 * shared instance from {@link PostgresExtension}; a plain main uses {@link #launch()}
 * with try-with-resources.
 */
public final class PostgresForTests implements PostgresServer {

	/** Environment variable with a JDBC URL that overrides everything else. */
	public static final String URL_ENV = "TIMESHEETS_TEST_JDBC_URL";

	/** User for {@value #URL_ENV}, default {@code postgres}. */
	public static final String USER_ENV = "TIMESHEETS_TEST_JDBC_USER";

	/** Password for {@value #URL_ENV}, default empty. */
	public static final String PASSWORD_ENV = "TIMESHEETS_TEST_JDBC_PASSWORD";

	/** Environment variable naming the directory of {@code initdb} and {@code pg_ctl}. */
	public static final String BINDIR_ENV = PostgresBinaries.BINDIR_ENV;

	private final PostgresServer server;

	private PostgresForTests(PostgresServer server) {
		this.server = server;
	}

	/**
	 * Starts (or, for {@value #URL_ENV}, adopts) a PostgreSQL; the caller closes it.
	 * @return the running server, never null
	 * @throws IllegalStateException when there is neither Docker nor PostgreSQL binaries
	 */
	public static PostgresForTests launch() {
		String url = System.getenv(URL_ENV);
		if (url != null && !url.isBlank()) {
			return new PostgresForTests(
					new ExternalPostgres(url, envOr(USER_ENV, "postgres"), envOr(PASSWORD_ENV, "")));
		}
		if (Docker.available()) {
			return new PostgresForTests(ContainerPostgres.begin());
		}
		Path bindir = PostgresBinaries.find()
			.orElseThrow(() -> new IllegalStateException("No PostgreSQL for tests: Docker is not available and no "
					+ "PostgreSQL binaries were found (pg_config --bindir, /usr/lib/postgresql/*/bin, $" + BINDIR_ENV
					+ "). Install Docker, or the PostgreSQL server package (e.g. apt-get install postgresql), "
					+ "or set " + URL_ENV + " to a JDBC URL of a server you run."));
		return new PostgresForTests(
				LocalPostgres.launch(bindir, Path.of("target"), TestSocketUtils.findAvailableTcpPort()));
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	@Override
	public String jdbcUrl(String database) {
		return this.server.jdbcUrl(database);
	}

	@Override
	public String username() {
		return this.server.username();
	}

	@Override
	public String password() {
		return this.server.password();
	}

	@Override
	public boolean canStop() {
		return this.server.canStop();
	}

	@Override
	public void stop() {
		this.server.stop();
	}

	@Override
	public void start() {
		this.server.start();
	}

	@Override
	public void close() {
		this.server.close();
	}

	@Override
	public String toString() {
		return this.server.toString();
	}

}
