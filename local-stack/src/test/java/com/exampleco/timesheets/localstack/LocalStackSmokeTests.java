package com.exampleco.timesheets.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.exampleco.timesheets.launcher.FreePorts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches the packaged local stack the way the README does ({@code java -jar
 * local-stack.jar}), on free ports and a fresh data folder, and checks the summary it
 * prints: both sample files uploaded by the real uploader and applied, the approval
 * scenario as the processor recorded it, and a query result read back.
 */
class LocalStackSmokeTests {

	@Test
	void startsThePipelineUploadsTheSamplesAndPrintsTheSummary() throws Exception {
		Path data = Path.of(System.getProperty("localstack.data"));
		deleteRecursively(data);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						System.getProperty("localstack.jar"), "--exit-after-summary", "--data-dir=" + data,
						"--apps-dir=" + System.getProperty("localstack.apps"),
						"--samples-dir=" + System.getProperty("localstack.samples")));
		List<String> names = List.of("kafka-port", "kafka-controller-port", "kafka-internal-port", "auth-port",
				"ingest-port", "query-port", "processor-port", "web-port");
		// distinct ports below the ephemeral range (launcher's FreePorts never hands one
		// out twice)
		List<Integer> ports = names.stream().map((name) -> FreePorts.next()).toList();
		for (int i = 0; i < names.size(); i++) {
			command.add("--" + names.get(i) + "=" + ports.get(i));
		}
		Path output = Files.createDirectories(data.getParent()).resolve("smoke-output.txt");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		boolean exited = process.waitFor(8, TimeUnit.MINUTES);
		if (!exited) {
			process.destroy();
			process.waitFor(30, TimeUnit.SECONDS);
			process.destroyForcibly();
		}
		String printed = Files.readString(output);
		assertThat(exited).as("local stack finished within 8 minutes:%n%s", printed).isTrue();
		assertThat(process.exitValue()).as(printed).isZero();
		assertThat(printed).contains("Timesheets pipeline is up")
			.contains("01-october-2026.csv: processed: 281 applied, 0 unchanged, 0 duplicate, 0 rejected")
			.contains("summary: 2 done, 0 failed, 0 left in the inbox")
			.contains("approve OCT-0002 (E1001) as approver E1002 -> APPLIED")
			.contains("approve OCT-0003 (E1002) as approver E1002 -> REJECTED: approver may not approve own timesheet")
			.contains("delete  OCT-0007 (E1005) as admin           -> APPLIED")
			.containsPattern("OCT-0002 +2026-10-01 +BETA +4 h +APPROVED")
			.containsPattern("OCT-0001 +2026-10-01 +ALPHA +6 h +SUBMITTED +Corrected")
			.contains("curl ")
			.containsPattern("web-app +http://127\\.0\\.0\\.1:\\d+/")
			.contains("maria / manager-password");
		assertThat(data.resolve("inbox/done/01-october-2026.csv")).exists();
		assertThat(printed).contains("security.protocol=SASL_PLAINTEXT").contains("kafka-console-consumer.sh ");
		assertThat(data.resolve(AnalystConfiguration.FILE)).exists();
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

}
