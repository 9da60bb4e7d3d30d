package com.exampleco.timesheets.launcher.process;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JavaProcessTests {

	@TempDir
	Path logs;

	private JavaProcess process(URI healthUrl, String... arguments) throws Exception {
		String classes = Path.of(TestMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		List<String> command = JavaProcess.javaCommand(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"));
		command.addAll(List.of("-cp", classes, TestMain.class.getName()));
		command.addAll(List.of(arguments));
		return new JavaProcess("test-main", command, Map.of(), this.logs.resolve("test-main.log"), healthUrl);
	}

	@Test
	void awaitExitGivesTheExitCodeAndOutputWhatTheLastRunPrinted() throws Exception {
		JavaProcess process = process(null, "exit", "3");
		process.start();
		assertThat(process.awaitExit(Duration.ofSeconds(30))).isEqualTo(3);
		long firstPid = process.pid();
		process.start();
		assertThat(process.awaitExit(Duration.ofSeconds(30))).isEqualTo(3);

		assertThat(process.output()).containsExactly("pid " + process.pid());
		String log = Files.readString(process.log());
		assertThat(log).contains("pid " + firstPid, "pid " + process.pid());
		assertThat(log.split(JavaProcess.START_MARKER, -1)).hasSize(3);
	}

	@Test
	void stopEndsTheProcessGracefullyRunningItsShutdownHooks() throws Exception {
		JavaProcess process = process(null, "sleep");
		process.start();
		process.awaitCondition(Duration.ofSeconds(30), () -> process.output().contains("sleeping"), "sleeping");

		process.stop();

		assertThat(process.isAlive()).isFalse();
		assertThat(process.output()).contains("shutdown hook ran");
	}

	@Test
	void kill9EndsTheProcessWithoutItsShutdownHooks() throws Exception {
		JavaProcess process = process(null, "sleep");
		process.start();
		process.awaitCondition(Duration.ofSeconds(30), () -> process.output().contains("sleeping"), "sleeping");

		process.kill9();

		assertThat(process.isAlive()).isFalse();
		assertThat(process.output()).doesNotContain("shutdown hook ran");
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void pauseFreezesTheProcessUntilResumed() throws Exception {
		JavaProcess process = process(null, "sleep");
		process.start();
		process.awaitCondition(Duration.ofSeconds(30), () -> process.output().contains("sleeping"), "sleeping");
		try {
			process.pause();
			process.awaitCondition(Duration.ofSeconds(10), () -> state(process.pid()) == 'T', "stopped (T)");
			assertThat(process.isAlive()).isTrue();

			process.resume();
			process.awaitCondition(Duration.ofSeconds(10), () -> state(process.pid()) != 'T', "running again");
		}
		finally {
			process.kill9();
		}
	}

	/**
	 * The process state letter of /proc/<pid>/stat (after the command name in
	 * parentheses).
	 */
	private static char state(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return stat.charAt(stat.lastIndexOf(')') + 2);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void awaitHealthyFailsWithTheLogsTailWhenTheProcessExits() throws Exception {
		JavaProcess process = process(URI.create("http://127.0.0.1:9/actuator/health"), "exit", "7");
		process.start();

		assertThatIllegalStateException().isThrownBy(() -> process.awaitHealthy(Duration.ofSeconds(30)))
			.withMessageContaining("test-main exited with code 7 before it was healthy")
			.withMessageContaining("[test-main] pid ");
	}

}
