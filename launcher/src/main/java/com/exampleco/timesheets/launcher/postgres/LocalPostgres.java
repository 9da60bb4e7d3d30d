package com.exampleco.timesheets.launcher.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from this machine's binaries ({@link PostgresBinaries}):
 * {@code initdb} into a new directory, then {@code pg_ctl start} on {@code 127.0.0.1} and
 * the given port, tuned for tests and measurements rather than durability
 * ({@link ThrowawaySettings}: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} off, 200 connections, 1 GB of shared buffers). User
 * {@code postgres}, no password (trust authentication). Runs as the {@code postgres} user
 * when the JVM runs as root.
 * <p>
 * Its Unix socket lives in a short directory of its own under {@code /tmp}
 * ({@code pgs-*}): a socket path may have at most 107 bytes, and the directory the
 * cluster lives in (a checkout's {@code target/}) can be longer than that.
 * <p>
 * {@link #stop()} and {@link #start()} simulate an outage (fast shutdown: connections are
 * cut); {@link #close()} stops it at once and deletes both directories. Use it with
 * try-with-resources, or hand it to whatever owns the run's lifetime.
 */
public final class LocalPostgres implements PostgresServer {

	private static final String USER = "postgres";

	private final ClusterCommands commands;

	private final Path home;

	private final Path socketDirectory;

	private final int port;

	private boolean closed;

	private LocalPostgres(ClusterCommands commands, Path home, Path socketDirectory, int port) {
		this.commands = commands;
		this.home = home;
		this.socketDirectory = socketDirectory;
		this.port = port;
	}

	/**
	 * Initialises and starts a cluster with the binaries
	 * {@link PostgresBinaries#require()} finds.
	 * @param parent the directory to create the cluster's own directory in (e.g.
	 * {@code target/})
	 * @param port a free TCP port to listen on
	 * @return the running cluster
	 * @throws IllegalStateException when there are no binaries or the cluster does not
	 * start
	 */
	public static LocalPostgres launch(Path parent, int port) {
		return launch(PostgresBinaries.require(), parent, port);
	}

	/**
	 * Initialises and starts a cluster.
	 * @param bindir the directory of {@code initdb} and {@code pg_ctl}
	 * @param parent the directory to create the cluster's own directory in
	 * @param port a free TCP port to listen on
	 * @return the running cluster
	 * @throws IllegalStateException when the cluster does not start (nothing is left
	 * behind)
	 */
	public static LocalPostgres launch(Path bindir, Path parent, int port) {
		LocalPostgres cluster;
		try {
			Files.createDirectories(parent);
			Path home = Files.createTempDirectory(parent.toAbsolutePath(), "local-postgres-");
			Path sockets = Files.createTempDirectory(shortTemporaryRoot(), "pgs-");
			cluster = new LocalPostgres(ClusterCommands.forThisUser(bindir), home, sockets, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create a PostgreSQL cluster under " + parent, ex);
		}
		try {
			cluster.commands.handOver(cluster.home, cluster.socketDirectory);
			cluster.commands.run("initdb", "-D", cluster.data(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-locale",
					"--no-sync");
			cluster.start();
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * {@code /tmp} where it exists (short on every Unix), else the JVM's temporary
	 * directory.
	 */
	private static Path shortTemporaryRoot() {
		Path tmp = Path.of("/tmp");
		if (Files.isDirectory(tmp) && Files.isWritable(tmp)) {
			return tmp;
		}
		return Path.of(System.getProperty("java.io.tmpdir"));
	}

	private String data() {
		return this.home.resolve("data").toString();
	}

	/**
	 * The TCP port the server listens on, the same across {@link #stop()} and
	 * {@link #start()}.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The server's log file, for diagnosing a failed start.
	 * @return the path of the log
	 */
	public Path logFile() {
		return this.home.resolve("postgres.log");
	}

	@Override
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database + "?reWriteBatchedInserts=true";
	}

	@Override
	public String username() {
		return USER;
	}

	@Override
	public String password() {
		return "";
	}

	@Override
	public void start() {
		this.commands.run("pg_ctl", "-D", data(), "-l", logFile().toString(), "-w", "-t", "60", "-o",
				"-p " + this.port + " -k " + this.socketDirectory + " -c listen_addresses=127.0.0.1 "
						+ String.join(" ", ThrowawaySettings.asArguments()),
				"start");
	}

	@Override
	public void stop() {
		this.commands.run("pg_ctl", "-D", data(), "-m", "fast", "-w", "-t", "60", "stop");
	}

	/** Stops the server at once (immediate shutdown) and deletes its directories. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.commands.run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "-t", "30", "stop");
		}
		catch (RuntimeException ex) {
			// already stopped, or never started
		}
		for (Path directory : List.of(this.home, this.socketDirectory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				// best effort: target/ goes with the next mvn clean, /tmp with the OS
			}
		}
	}

	@Override
	public String toString() {
		return "local PostgreSQL at 127.0.0.1:" + this.port + " (" + this.home + ")";
	}

}
