package com.exampleco.timesheets.uploader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps the job's options ({@code --inbox DIR}, {@code --await}, …) onto its properties
 * ({@code --timesheets.uploader.inbox=DIR}, …). Options of the form {@code --name=value}
 * pass through unchanged, so every property can also be set on the command line.
 */
final class CommandLine {

	static final String USAGE = """
			usage: java -jar uploader-job.jar --inbox DIR [--batch-size N] [--await] [--dry-run]
			                                  [--concurrency N] [--ingest-url URL] [--query-url URL]
			                                  [--token-uri URL] [--client-id ID] [--client-secret-file FILE]
			                                  [--name=value ...]
			  the client secret comes from TIMESHEETS_UPLOADER_AUTH_CLIENT_SECRET or --client-secret-file
			  exit codes: 0 all files done, 1 some file failed or stayed in the inbox, 2 could not run""";

	private static final Map<String, String> WITH_VALUE = Map.of("--inbox", "timesheets.uploader.inbox", "--batch-size",
			"timesheets.uploader.batch-size", "--concurrency", "timesheets.uploader.concurrency", "--ingest-url",
			"timesheets.uploader.ingest-url", "--query-url", "timesheets.uploader.query-url", "--token-uri",
			"timesheets.uploader.auth.token-uri", "--client-id", "timesheets.uploader.auth.client-id",
			"--client-secret-file", "timesheets.uploader.auth.client-secret-file");

	private static final Map<String, String> FLAGS = Map.of("--await", "timesheets.uploader.await", "--dry-run",
			"timesheets.uploader.dry-run");

	private CommandLine() {
	}

	/**
	 * Translates the command line.
	 * @param args the job's arguments
	 * @return Spring Boot arguments, or null when help was asked for
	 * @throws UsageException when an option is unknown or lacks its value
	 */
	static List<String> toSpringArguments(String[] args) {
		List<String> spring = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h")) {
				return null;
			}
			int equals = arg.indexOf('=');
			String name = (equals > 0) ? arg.substring(0, equals) : arg;
			if (WITH_VALUE.containsKey(name)) {
				String value;
				if (equals > 0) {
					value = arg.substring(equals + 1);
				}
				else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
					value = args[++i];
				}
				else {
					throw new UsageException(name + " needs a value");
				}
				spring.add("--" + WITH_VALUE.get(name) + "=" + value);
			}
			else if (FLAGS.containsKey(name)) {
				String value = (equals > 0) ? arg.substring(equals + 1) : "true";
				spring.add("--" + FLAGS.get(name) + "=" + value);
			}
			else if (arg.startsWith("--") && equals > 2) {
				spring.add(arg);
			}
			else {
				throw new UsageException("unknown option " + name);
			}
		}
		return spring;
	}

	/** The command line cannot be understood. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}
