package com.exampleco.timesheets.uploader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test of speed (those live in {@code bench/}): a way to measure the job's
 * entries/s against the real ingest API, auth server and in-JVM broker. Runs only when
 * asked:
 * {@code ./mvnw -B -o -pl uploader-job test -Dtest=UploadThroughputMeasurement -Duploader.measure=100000}
 * and prints the job's summary line (with entries/s) on standard output.
 */
@EnabledIfSystemProperty(named = "uploader.measure", matches = "\\d+")
class UploadThroughputMeasurement {

	@TempDir
	Path inbox;

	@Test
	void measuresEntriesPerSecond() throws IOException {
		int rows = Integer.parseInt(System.getProperty("uploader.measure"));
		String run = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder(UploaderIntegrationTests.HEADER);
		for (int i = 1; i <= rows; i++) {
			csv.append("m-")
				.append(run)
				.append('-')
				.append(i)
				.append(",E")
				.append(1000 + i % 500)
				.append(",PRJ-")
				.append(i % 40)
				.append(",2026-11-")
				.append(String.format("%02d", 1 + i % 27))
				.append(',')
				.append(0.25 * (1 + i % 32))
				.append((i % 4 == 0) ? ",\"on-site, travel\"\n" : ",\n");
		}
		Files.writeString(this.inbox.resolve("measure.csv"), csv);
		TestStack stack = TestStack.shared();
		List<String> args = stack.uploaderArguments(this.inbox.toString());
		args.addAll(List.of(System.getProperty("uploader.args", "--batch-size=500").split(" ")));

		int exit = UploaderApplication.run(args.toArray(String[]::new));

		assertThat(exit).isZero();
	}

}
