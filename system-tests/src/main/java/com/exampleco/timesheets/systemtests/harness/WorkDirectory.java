package com.exampleco.timesheets.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder one pipeline works in: {@code logs/}, {@code tmp/} (the services'
 * {@code java.io.tmpdir}), {@code kafka-<n>/}, {@code auth-server/signing-key.json}. The
 * first pipeline of a JVM in this folder empties it, so every run starts from a fresh
 * cluster, key and logs.
 *
 * @param root the folder
 */
record WorkDirectory(Path root) {

	/**
	 * Prepares the folder: emptied when this is the JVM's first pipeline in it,
	 * {@code logs/} and {@code tmp/} created.
	 * @param root the folder
	 * @param firstInJvm whether what a previous run left is removed
	 * @return the folder
	 */
	static WorkDirectory prepare(Path root, boolean firstInJvm) {
		try {
			if (firstInJvm && Files.isDirectory(root)) {
				try (Stream<Path> paths = Files.walk(root)) {
					paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
			}
			WorkDirectory work = new WorkDirectory(root);
			Files.createDirectories(work.logs());
			Files.createDirectories(work.tmp());
			return work;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path logs() {
		return this.root.resolve("logs");
	}

	Path tmp() {
		return this.root.resolve("tmp").toAbsolutePath();
	}

	Path kafka(int instance) {
		return this.root.resolve("kafka-" + instance);
	}

	Path authSigningKeyFile() {
		return this.root.resolve("auth-server").resolve("signing-key.json");
	}

}
