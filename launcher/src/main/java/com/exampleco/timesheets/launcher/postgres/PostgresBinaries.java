package com.exampleco.timesheets.launcher.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the directory of the PostgreSQL server binaries ({@code initdb}, {@code pg_ctl})
 * of this machine, looking in this order: {@value #BINDIR_ENV},
 * {@code pg_config --bindir}, {@code /usr/lib/postgresql/<version>/bin} (highest version
 * first). The first directory holding both executables wins.
 */
public final class PostgresBinaries {

	/** Environment variable naming the directory of {@code initdb} and {@code pg_ctl}. */
	public static final String BINDIR_ENV = "TIMESHEETS_TEST_PG_BINDIR";

	/** Where Debian and Ubuntu install one directory per PostgreSQL major version. */
	private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

	private PostgresBinaries() {
	}

	/**
	 * The binaries directory of this machine.
	 * @return the directory, or empty when PostgreSQL's server package is not installed
	 */
	public static Optional<Path> find() {
		List<Path> candidates = new ArrayList<>();
		String env = System.getenv(BINDIR_ENV);
		if (env != null && !env.isBlank()) {
			candidates.add(Path.of(env));
		}
		pgConfigBindir().ifPresent(candidates::add);
		candidates.addAll(debianBindirs());
		return candidates.stream()
			.filter((dir) -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
			.findFirst();
	}

	/**
	 * The binaries directory, or a failure that says what to install.
	 * @return the directory, never null
	 * @throws IllegalStateException when none is found
	 */
	public static Path require() {
		return find().orElseThrow(() -> new IllegalStateException(
				"No PostgreSQL binaries were found (pg_config --bindir, " + DEBIAN_ROOT + "/*/bin, $" + BINDIR_ENV
						+ "). Install the PostgreSQL server package (e.g. apt-get install postgresql) or set "
						+ BINDIR_ENV + " to the directory of initdb and pg_ctl."));
	}

	private static Optional<Path> pgConfigBindir() {
		try {
			Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
				return Optional.of(Path.of(out));
			}
		}
		catch (IOException ex) {
			// no pg_config on the path
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Optional.empty();
	}

	private static List<Path> debianBindirs() {
		if (!Files.isDirectory(DEBIAN_ROOT)) {
			return List.of();
		}
		try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
			return versions.sorted(Comparator.comparing(PostgresBinaries::versionOf).reversed())
				.map((version) -> version.resolve("bin"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int versionOf(Path dir) {
		try {
			return Integer.parseInt(dir.getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
