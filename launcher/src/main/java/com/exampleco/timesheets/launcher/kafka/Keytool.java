package com.exampleco.timesheets.launcher.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@code keytool} ({@code $java.home/bin/keytool}, present in JREs too) as a
 * child process. Store passwords are passed through the environment
 * ({@code -storepass:env}), never on the command line where {@code ps} would show them.
 */
final class Keytool {

	/** The environment variable the store password is passed in. */
	static final String PASSWORD_VARIABLE = "TIMESHEETS_TLS_STORE_PASSWORD";

	private static final long TIMEOUT_SECONDS = 60;

	private final Path executable;

	private final Path workingDirectory;

	Keytool(Path workingDirectory) {
		this.executable = Path.of(System.getProperty("java.home"), "bin", "keytool");
		this.workingDirectory = workingDirectory;
	}

	/**
	 * Runs {@code keytool <arguments>}, the password in {@link #PASSWORD_VARIABLE}.
	 * @param password the store password
	 * @param arguments keytool's arguments
	 * @throws IOException when keytool cannot run or exits with a status other than 0
	 * (its output in the message)
	 */
	void run(String password, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(this.executable.toString());
		// a short-lived JVM: no optimising compiler, the smallest collector
		command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workingDirectory.toFile())
			.redirectErrorStream(true);
		builder.environment().put(PASSWORD_VARIABLE, password);
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		try {
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("keytool " + arguments[0] + " did not finish in " + TIMEOUT_SECONDS + " s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("interrupted while keytool " + arguments[0] + " ran", ex);
		}
		if (process.exitValue() != 0) {
			throw new IOException("keytool " + arguments[0] + " failed (exit " + process.exitValue() + "): "
					+ new String(output, StandardCharsets.UTF_8).strip());
		}
	}

}
