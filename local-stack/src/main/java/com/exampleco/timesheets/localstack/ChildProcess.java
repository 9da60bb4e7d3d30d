package com.exampleco.timesheets.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application of the pipeline running as a child JVM, its output in a log file.
 * Stopped with SIGTERM (Spring Boot shuts down gracefully), then killed if it does not
 * exit within the grace period.
 */
final class ChildProcess {

	private static final Duration GRACE = Duration.ofSeconds(20);

	private final String name;

	private final Path log;

	private final Process process;

	private ChildProcess(String name, Path log, Process process) {
		this.name = name;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts an executable jar.
	 * @param name the service name, for messages and the log file name
	 * @param jar the jar
	 * @param jvmOptions options for the JVM
	 * @param arguments program arguments
	 * @param environment extra environment variables
	 * @param logDirectory where {@code <name>.log} is written
	 * @return the running child
	 * @throws IOException when the JVM cannot be started
	 */
	static ChildProcess start(String name, Path jar, List<String> jvmOptions, List<String> arguments,
			Map<String, String> environment, Path logDirectory) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IOException("missing " + jar + ": build first with ./mvnw -B -DskipTests install");
		}
		Files.createDirectories(logDirectory);
		Path log = logDirectory.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().putAll(environment);
		return new ChildProcess(name, log, builder.start());
	}

	String name() {
		return this.name;
	}

	Path log() {
		return this.log;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Waits until an HTTP GET answers 200.
	 * @param url the health URL
	 * @param timeout how long to wait
	 * @throws IllegalStateException when the process dies or the time runs out
	 */
	void awaitHealthy(URI url, Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with code " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			TimeUnit.MILLISECONDS.sleep(500);
		}
		throw new IllegalStateException(this.name + " was not healthy within " + timeout + "; see " + this.log);
	}

	/**
	 * Waits for the process to end.
	 * @param timeout how long to wait
	 * @return the exit code
	 * @throws IllegalStateException when it is still running after the timeout
	 */
	int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(this.name + " still runs after " + timeout + "; see " + this.log);
		}
		return this.process.exitValue();
	}

	/** Stops the process gracefully, forcibly after the grace period. */
	void stop() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
