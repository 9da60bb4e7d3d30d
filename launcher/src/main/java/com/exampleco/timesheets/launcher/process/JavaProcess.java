package com.exampleco.timesheets.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One JVM of the pipeline running as a separate OS process, its output appended to a log
 * file (each start begins with a {@value #START_MARKER} line). It can be stopped
 * gracefully ({@link #stop()}, SIGTERM), killed ({@link #kill9()}, SIGKILL, no shutdown
 * hooks run) and started again with the same command line ({@link #restart(Duration)}).
 * Not thread-safe: drive it from one thread.
 */
public final class JavaProcess {

	/** The first words of the line each start writes to the log. */
	public static final String START_MARKER = "---- start of ";

	private static final Duration GRACE = Duration.ofSeconds(30);

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path log;

	private final URI healthUrl;

	private Process process;

	/**
	 * A process, not started yet.
	 * @param name the name in messages and log lines
	 * @param command the whole command line ({@link #javaCommand(List)} gives its start)
	 * @param environment extra environment variables
	 * @param log the log file, appended to across restarts
	 * @param healthUrl the URL that answers 200 once the process is ready, or null for
	 * processes without HTTP
	 */
	public JavaProcess(String name, List<String> command, Map<String, String> environment, Path log, URI healthUrl) {
		this.name = name;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.log = log;
		this.healthUrl = healthUrl;
	}

	/**
	 * The start of a command line running this JVM's {@code java} with the options.
	 * @param jvmOptions options for the JVM
	 * @return a mutable list: the caller adds {@code -jar …} or {@code -cp … Main}
	 */
	public static List<String> javaCommand(List<String> jvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		return command;
	}

	/**
	 * The name (also the log file's name).
	 * @return the name, never null
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The command line each start runs.
	 * @return the command, unmodifiable
	 */
	public List<String> command() {
		return this.command;
	}

	/**
	 * The log file, appended to across restarts.
	 * @return the path, never null
	 */
	public Path log() {
		return this.log;
	}

	/**
	 * The readiness URL ({@code /actuator/health}), or null for processes without HTTP.
	 * @return the URL
	 */
	public URI healthUrl() {
		return this.healthUrl;
	}

	/**
	 * Whether the OS process is running.
	 * @return true while it runs
	 */
	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * The OS process id of the current run.
	 * @return the pid
	 * @throws IllegalStateException when not started
	 */
	public long pid() {
		if (this.process == null) {
			throw new IllegalStateException(this.name + " was never started");
		}
		return this.process.pid();
	}

	/**
	 * Starts the process (again) and returns at once.
	 * @throws IllegalStateException when it runs already
	 * @throws UncheckedIOException when the log cannot be written or the JVM not started
	 */
	public void start() {
		if (isAlive()) {
			throw new IllegalStateException(this.name + " is already running");
		}
		try {
			Files.createDirectories(this.log.toAbsolutePath().getParent());
			Files.writeString(this.log, START_MARKER + this.name + " ----\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
			builder.environment().putAll(this.environment);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + this.name, ex);
		}
	}

	/**
	 * Waits until {@link #healthUrl()} answers 200.
	 * @param timeout how long to wait
	 * @throws IllegalStateException when the process exits or the time runs out (with the
	 * log's tail)
	 */
	public void awaitHealthy(Duration timeout) {
		HealthProbe probe = new HealthProbe(this.healthUrl);
		awaitCondition(timeout, probe::answersOk, "healthy");
	}

	/**
	 * Polls a condition every 300 ms while the process runs.
	 * @param timeout how long to wait
	 * @param condition what to wait for
	 * @param what the condition in messages ("ready", "healthy")
	 * @throws IllegalStateException when the process exits or the time runs out (with the
	 * log's tail)
	 */
	public void awaitCondition(Duration timeout, BooleanSupplier condition, String what) {
		new Polling(timeout, Duration.ofMillis(300)).until(condition,
				() -> isAlive() ? null
						: this.name + " exited with code " + ((this.process != null) ? this.process.exitValue() : "?")
								+ " before it was " + what + "\n" + tail(60),
				() -> this.name + " was not " + what + " within " + timeout + "\n" + tail(60));
	}

	/**
	 * Waits for the process to end by itself.
	 * @param timeout how long to wait
	 * @return the exit code
	 * @throws IllegalStateException when it still runs after the timeout (it is then
	 * killed)
	 */
	public int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				kill9();
				throw new IllegalStateException(this.name + " still ran after " + timeout + "; killed\n" + tail(60));
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * Stops the process gracefully (SIGTERM), forcibly after 30 seconds; idempotent.
	 */
	public void stop() {
		if (!isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Kills the process with SIGKILL: no shutdown hook, no graceful close of consumers or
	 * connections, as a crash or the OOM killer would. Returns once it is gone.
	 */
	public void kill9() {
		if (!isAlive()) {
			return;
		}
		try {
			Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(this.process.pid())).start();
			kill.waitFor(10, TimeUnit.SECONDS);
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (IOException ex) {
			// no kill command: the JDK's forcible destroy is SIGKILL on Unix as well
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Freezes the process with SIGSTOP: it keeps its sockets open but answers nothing, as
	 * a long GC pause or a hung host would, until {@link #resume()}.
	 * @throws IllegalStateException when it does not run or cannot be signalled
	 */
	public void pause() {
		signal("STOP");
	}

	/**
	 * Lets a process frozen by {@link #pause()} go on (SIGCONT); harmless when it was not
	 * frozen.
	 * @throws IllegalStateException when it does not run or cannot be signalled
	 */
	public void resume() {
		signal("CONT");
	}

	private void signal(String signal) {
		if (!isAlive()) {
			throw new IllegalStateException(this.name + " does not run");
		}
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -" + signal + " " + this.process.pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot send SIG" + signal + " to " + this.name, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts the process again with the same command line and waits until it is healthy
	 * (or, without HTTP, until it runs).
	 * @param timeout how long to wait
	 */
	public void restart(Duration timeout) {
		start();
		if (this.healthUrl != null) {
			awaitHealthy(timeout);
		}
	}

	/**
	 * What the current (or last) run printed: the log's lines after its last
	 * {@value #START_MARKER} line.
	 * @return the lines, never null
	 * @throws UncheckedIOException when the log cannot be read
	 */
	public List<String> output() {
		return ProcessLogs.lastRun(this.log);
	}

	/**
	 * The last lines of the log.
	 * @param lines how many
	 * @return the lines, prefixed with the name
	 */
	public String tail(int lines) {
		return ProcessLogs.tail(this.name, this.log, lines);
	}

	@Override
	public String toString() {
		return this.name + (isAlive() ? " (pid " + this.process.pid() + ")" : " (not running)");
	}

}
