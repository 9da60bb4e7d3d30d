package com.exampleco.timesheets.uploader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommandLineTests {

	@Test
	void mapsOptionsOntoProperties() {
		assertThat(CommandLine.toSpringArguments(new String[] { "--inbox", "/data/in", "--batch-size=200", "--await",
				"--dry-run", "--client-secret-file", "/run/secret", "--timesheets.uploader.concurrency=4" }))
			.containsExactly("--timesheets.uploader.inbox=/data/in", "--timesheets.uploader.batch-size=200",
					"--timesheets.uploader.await=true", "--timesheets.uploader.dry-run=true",
					"--timesheets.uploader.auth.client-secret-file=/run/secret", "--timesheets.uploader.concurrency=4");
	}

	@Test
	void refusesUnknownOptionsAndMissingValues() {
		assertThatExceptionOfType(CommandLine.UsageException.class)
			.isThrownBy(() -> CommandLine.toSpringArguments(new String[] { "--inbx", "x" }))
			.withMessageContaining("unknown option --inbx");
		assertThatExceptionOfType(CommandLine.UsageException.class)
			.isThrownBy(() -> CommandLine.toSpringArguments(new String[] { "--inbox", "--await" }))
			.withMessageContaining("--inbox needs a value");
	}

	@Test
	void helpAsksForUsage() {
		assertThat(CommandLine.toSpringArguments(new String[] { "--help" })).isNull();
	}

}
