package com.exampleco.timesheets.launcher.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.exampleco.timesheets.launcher.token.ClientCredentials;

/**
 * A run of the real uploader job against a running pipeline: {@code uploader-job.jar
 * --inbox=DIR} with the pipeline's addresses, as the given client (its secret in the
 * environment, as cron would pass it, never on the command line).
 *
 * @param inbox the inbox folder
 * @param ingestUrl the ingest API's base URL
 * @param queryUrl the query API's base URL
 * @param tokenUri the auth server's token endpoint
 * @param client the client the job authenticates as
 */
public record UploaderJob(Path inbox, String ingestUrl, String queryUrl, String tokenUri, ClientCredentials client) {

	/** The application's jar name. */
	public static final String APP = "uploader-job";

	/**
	 * The job as a process, not started.
	 * @param jars where the jar is and where the log goes
	 * @param name the process (and log) name
	 * @param options further options ({@code --await}, {@code --batch-size=N}, …), after
	 * the addresses
	 * @return the process
	 */
	public JavaProcess process(ServiceJars jars, String name, List<String> options) {
		List<String> arguments = new ArrayList<>(List.of("--inbox=" + this.inbox.toAbsolutePath(),
				"--ingest-url=" + this.ingestUrl, "--query-url=" + this.queryUrl, "--token-uri=" + this.tokenUri,
				"--client-id=" + this.client.id()));
		arguments.addAll(options);
		return jars.job(name, APP, arguments, Map.of("TIMESHEETS_UPLOADER_AUTH_CLIENT_SECRET", this.client.secret()));
	}

}
