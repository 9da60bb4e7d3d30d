package com.exampleco.timesheets.launcher.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's {@code initdb} and {@code pg_ctl}. PostgreSQL refuses to run as root,
 * so when this JVM runs as root every command runs as the {@code postgres} user
 * ({@code runuser}) and the cluster's directories are handed to that user first.
 */
final class ClusterCommands {

	private static final String POSTGRES_USER = "postgres";

	private final Path bindir;

	private final boolean asPostgresUser;

	private ClusterCommands(Path bindir, boolean asPostgresUser) {
		this.bindir = bindir;
		this.asPostgresUser = asPostgresUser;
	}

	static ClusterCommands forThisUser(Path bindir) {
		return new ClusterCommands(bindir, "root".equals(System.getProperty("user.name")));
	}

	/** Makes the directories the {@code postgres} user's when the commands run as it. */
	void handOver(Path home, Path socketDirectory) {
		if (this.asPostgresUser) {
			exec(List.of("chown", "-R", POSTGRES_USER, home.toString()));
			exec(List.of("chown", POSTGRES_USER, socketDirectory.toString()));
		}
	}

	/**
	 * Runs one of the binaries and waits for it.
	 * @param command {@code initdb} or {@code pg_ctl}
	 * @param args its arguments
	 * @throws IllegalStateException when it fails, with its output
	 */
	void run(String command, String... args) {
		List<String> line = new ArrayList<>();
		if (this.asPostgresUser) {
			line.addAll(List.of("runuser", "-u", POSTGRES_USER, "--"));
		}
		line.add(this.bindir.resolve(command).toString());
		line.addAll(List.of(args));
		exec(line);
	}

	private static void exec(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + command.get(0), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + command.get(0), ex);
		}
	}

}
