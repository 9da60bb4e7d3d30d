package com.exampleco.timesheets.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.exampleco.timesheets.testsupport.Docker;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests, one per JVM ({@link #shared()}), found in this order:
 * <ol>
 * <li>the environment variable {@value #URL_ENV} (with {@value #USER_ENV} and
 * {@value #PASSWORD_ENV}): an existing server, used as is;</li>
 * <li>Testcontainers' PostgreSQL when Docker is available;</li>
 * <li>a throwaway cluster initialised from the local PostgreSQL binaries
 * ({@code pg_config --bindir}, {@code /usr/lib/postgresql/<version>/bin} or
 * {@value #BINDIR_ENV}) under {@code target/}, on a free port, run as the
 * {@code postgres} user when the JVM runs as root, deleted at JVM exit.</li>
 * </ol>
 * When none exists, {@link #shared()} fails and says what to install. {@link #stop()} and
 * {@link #start()} let a test simulate a database outage (not with an external server).
 */
public final class PostgresForTests {

	/** Environment variable with a JDBC URL that overrides everything else. */
	public static final String URL_ENV = "TIMESHEETS_TEST_JDBC_URL";

	/** User for {@value #URL_ENV}, default {@code postgres}. */
	public static final String USER_ENV = "TIMESHEETS_TEST_JDBC_USER";

	/** Password for {@value #URL_ENV}, default empty. */
	public static final String PASSWORD_ENV = "TIMESHEETS_TEST_JDBC_PASSWORD";

	/** Environment variable naming the directory of {@code initdb} and {@code pg_ctl}. */
	public static final String BINDIR_ENV = "TIMESHEETS_TEST_PG_BINDIR";

	private static PostgresForTests shared;

	private final Server server;

	private PostgresForTests(Server server) {
		this.server = server;
	}

	/**
	 * The PostgreSQL of this JVM, started on first use and stopped at JVM exit.
	 * @return the running server, never null
	 * @throws IllegalStateException when there is neither Docker nor PostgreSQL binaries
	 */
	public static synchronized PostgresForTests shared() {
		if (shared == null) {
			shared = new PostgresForTests(startServer());
			Runtime.getRuntime().addShutdownHook(new Thread(shared.server::destroy, "postgres-for-tests-shutdown"));
		}
		return shared;
	}

	/**
	 * A JDBC URL of the {@code postgres} database.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return this.server.jdbcUrl("postgres");
	}

	/**
	 * A JDBC URL of a fresh, empty database created for the caller, so that test classes
	 * do not see each other's rows.
	 * @param name the database name (letters, digits, underscore)
	 * @return the URL of the new database
	 */
	public String createDatabase(String name) {
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
		return this.server.jdbcUrl(name);
	}

	/**
	 * The user name.
	 * @return the user
	 */
	public String username() {
		return this.server.username();
	}

	/**
	 * The password.
	 * @return the password, may be empty
	 */
	public String password() {
		return this.server.password();
	}

	/**
	 * Whether {@link #stop()} and {@link #start()} are supported (not with an external
	 * server).
	 * @return true when an outage can be simulated
	 */
	public boolean canStop() {
		return !(this.server instanceof ExternalServer);
	}

	/** Stops the server (fast shutdown: connections are cut) to simulate an outage. */
	public void stop() {
		this.server.stop();
	}

	/**
	 * Starts the server again after {@link #stop()}, on the same port with the same data.
	 */
	public void start() {
		this.server.start();
	}

	private static Server startServer() {
		String url = System.getenv(URL_ENV);
		if (url != null && !url.isBlank()) {
			return new ExternalServer(url, envOr(USER_ENV, "postgres"), envOr(PASSWORD_ENV, ""));
		}
		if (Docker.available()) {
			return ContainerServer.begin();
		}
		Path bindir = findBinaries();
		if (bindir == null) {
			throw new IllegalStateException("No PostgreSQL for tests: Docker is not available and no PostgreSQL "
					+ "binaries were found (pg_config --bindir, /usr/lib/postgresql/*/bin, $" + BINDIR_ENV
					+ "). Install Docker, or the PostgreSQL server package (e.g. apt-get install postgresql), "
					+ "or set " + URL_ENV + " to a JDBC URL of a server you run.");
		}
		return LocalCluster.begin(bindir);
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	static Path findBinaries() {
		List<Path> candidates = new ArrayList<>();
		String env = System.getenv(BINDIR_ENV);
		if (env != null && !env.isBlank()) {
			candidates.add(Path.of(env));
		}
		try {
			Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
				candidates.add(Path.of(out));
			}
		}
		catch (IOException ex) {
			// no pg_config on the path
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Path root = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(root)) {
			try (Stream<Path> versions = Files.list(root)) {
				versions.sorted(Comparator.comparing(PostgresForTests::versionOf).reversed())
					.forEach((version) -> candidates.add(version.resolve("bin")));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return candidates.stream()
			.filter((dir) -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
			.findFirst()
			.orElse(null);
	}

	private static int versionOf(Path dir) {
		try {
			return Integer.parseInt(dir.getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private interface Server {

		String jdbcUrl(String database);

		String username();

		String password();

		void stop();

		void start();

		void destroy();

	}

	private record ExternalServer(String url, String username, String password) implements Server {

		@Override
		public String jdbcUrl(String database) {
			// an external server is used as given; createDatabase still works if the URL
			// allows it
			int slash = this.url.lastIndexOf('/');
			int query = this.url.indexOf('?', slash);
			return this.url.substring(0, slash + 1) + database + ((query >= 0) ? this.url.substring(query) : "");
		}

		@Override
		public void stop() {
			throw new UnsupportedOperationException("cannot stop an external server (" + URL_ENV + ")");
		}

		@Override
		public void start() {
			throw new UnsupportedOperationException("cannot start an external server (" + URL_ENV + ")");
		}

		@Override
		public void destroy() {
		}

	}

	private static final class ContainerServer implements Server {

		private final PostgreSQLContainer container;

		private ContainerServer(PostgreSQLContainer container) {
			this.container = container;
		}

		static ContainerServer begin() {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine").withUsername("postgres")
				.withPassword("postgres")
				.withDatabaseName("postgres");
			container.start();
			return new ContainerServer(container);
		}

		@Override
		public String jdbcUrl(String database) {
			return "jdbc:postgresql://" + this.container.getHost() + ":" + this.container.getMappedPort(5432) + "/"
					+ database;
		}

		@Override
		public String username() {
			return this.container.getUsername();
		}

		@Override
		public String password() {
			return this.container.getPassword();
		}

		@Override
		public void stop() {
			// pausing keeps the mapped port; connections hang instead of being refused
			this.container.getDockerClient().pauseContainerCmd(this.container.getContainerId()).exec();
		}

		@Override
		public void start() {
			this.container.getDockerClient().unpauseContainerCmd(this.container.getContainerId()).exec();
		}

		@Override
		public void destroy() {
			this.container.stop();
		}

	}

	private static final class LocalCluster implements Server {

		private final Path bindir;

		private final Path home;

		private final Path socketDirectory;

		private final int port;

		private final boolean asPostgresUser;

		private LocalCluster(Path bindir, Path home, Path socketDirectory, int port, boolean asPostgresUser) {
			this.bindir = bindir;
			this.home = home;
			this.socketDirectory = socketDirectory;
			this.port = port;
			this.asPostgresUser = asPostgresUser;
		}

		static LocalCluster begin(Path bindir) {
			try {
				Path target = Path.of("target").toAbsolutePath();
				Files.createDirectories(target);
				Path home = Files.createTempDirectory(target, "postgres-for-tests-");
				// A Unix socket path may have at most 107 bytes; target/ of a checkout
				// can be longer
				// than that, so the socket lives in a short directory of its own.
				Path sockets = Files.createTempDirectory(shortTemporaryRoot(), "pgs-");
				boolean root = "root".equals(System.getProperty("user.name"));
				LocalCluster cluster = new LocalCluster(bindir, home, sockets, freePort(), root);
				if (root) {
					run(List.of("chown", "-R", "postgres", home.toString()));
					run(List.of("chown", "postgres", sockets.toString()));
				}
				cluster.pg("initdb", "-D", cluster.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale",
						"--no-sync");
				cluster.start();
				return cluster;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot create a PostgreSQL cluster under target/", ex);
			}
		}

		/**
		 * {@code /tmp} where it exists (short on every Unix), else the JVM's temporary
		 * directory.
		 */
		static Path shortTemporaryRoot() {
			Path tmp = Path.of("/tmp");
			if (Files.isDirectory(tmp) && Files.isWritable(tmp)) {
				return tmp;
			}
			return Path.of(System.getProperty("java.io.tmpdir"));
		}

		private String data() {
			return this.home.resolve("data").toString();
		}

		@Override
		public String jdbcUrl(String database) {
			return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database + "?reWriteBatchedInserts=true";
		}

		@Override
		public String username() {
			return "postgres";
		}

		@Override
		public String password() {
			return "";
		}

		@Override
		public void start() {
			pg("pg_ctl", "-D", data(), "-l", this.home.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
					"-p " + this.port + " -k " + this.socketDirectory + " -c listen_addresses=127.0.0.1 -c fsync=off"
							+ " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
					"start");
		}

		@Override
		public void stop() {
			pg("pg_ctl", "-D", data(), "-m", "fast", "-w", "-t", "60", "stop");
		}

		@Override
		public void destroy() {
			try {
				pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "-t", "30", "stop");
			}
			catch (RuntimeException ex) {
				// already stopped
			}
			for (Path directory : List.of(this.home, this.socketDirectory)) {
				try (Stream<Path> paths = Files.walk(directory)) {
					paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
				catch (IOException ex) {
					// best effort: target/ is cleaned by the next mvn clean, /tmp by the
					// OS
				}
			}
		}

		private void pg(String command, String... args) {
			List<String> line = new ArrayList<>();
			if (this.asPostgresUser) {
				line.addAll(List.of("runuser", "-u", "postgres", "--"));
			}
			line.add(this.bindir.resolve(command).toString());
			line.addAll(List.of(args));
			run(line);
		}

		private static void run(List<String> command) {
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
					throw new IllegalStateException(
							String.join(" ", command).toLowerCase(Locale.ROOT) + " failed:\n" + output);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot run " + command.get(0), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}

	}

}
