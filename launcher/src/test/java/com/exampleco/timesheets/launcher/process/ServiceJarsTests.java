package com.exampleco.timesheets.launcher.process;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.exampleco.timesheets.launcher.token.ClientCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceJarsTests {

	@TempDir
	Path apps;

	@Test
	void requiresEveryApplicationsJar() throws Exception {
		ServiceJars jars = new ServiceJars(this.apps, this.apps.resolve("logs"), List.of());
		for (String app : List.of("auth-server", "ingest-api", "processor", "uploader-job")) {
			Files.createFile(this.apps.resolve(app + ".jar"));
		}

		assertThatIllegalStateException().isThrownBy(() -> jars.requireAll("build them first"))
			.withMessage("missing " + this.apps.resolve("query-api.jar") + ": build them first");

		Files.createFile(this.apps.resolve("query-api.jar"));
		jars.requireAll("build them first");
	}

	@Test
	void launchesAServiceOnItsPortReadyWhenItsHealthAnswers() {
		ServiceJars jars = new ServiceJars(this.apps, this.apps.resolve("logs"), List.of("-Xmx384m"));

		JavaProcess processor = jars.service("processor-2", "processor", 28083, List.of("--a=b"));

		assertThat(processor.name()).isEqualTo("processor-2");
		assertThat(processor.log()).isEqualTo(this.apps.resolve("logs/processor-2.log"));
		assertThat(processor.healthUrl()).isEqualTo(URI.create("http://127.0.0.1:28083/actuator/health"));
		assertThat(processor.toString()).isEqualTo("processor-2 (not running)");
	}

	@Test
	void uploaderJobGetsTheAddressesOnTheCommandLineButNotTheSecret() {
		ServiceJars jars = new ServiceJars(this.apps, this.apps.resolve("logs"), List.of());
		UploaderJob job = new UploaderJob(this.apps.resolve("inbox"), "http://i", "http://q", "http://a/oauth2/token",
				ClientCredentials.UPLOADER);

		JavaProcess process = job.process(jars, "uploader-job-1", List.of("--await"));

		assertThat(process.healthUrl()).isNull();
		assertThat(process.log()).isEqualTo(this.apps.resolve("logs/uploader-job-1.log"));
		assertThat(String.join(" ", process.command()))
			.endsWith("-jar " + this.apps.resolve("uploader-job.jar") + " --inbox="
					+ this.apps.resolve("inbox").toAbsolutePath()
					+ " --ingest-url=http://i --query-url=http://q --token-uri=http://a/oauth2/token"
					+ " --client-id=timesheets-uploader --await")
			.doesNotContain("uploader-secret");
	}

}
