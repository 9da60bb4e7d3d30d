package com.exampleco.timesheets.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses. Every setting has a
 * default and can be given as {@code --name=value}:
 * <ul>
 * <li>{@code --data-dir} ({@code data}): H2 database, signing key, inbox, logs</li>
 * <li>{@code --apps-dir} ({@code local-stack/target/apps}): the applications' jars</li>
 * <li>{@code --kafka-port} (9092), {@code --kafka-controller-port} (9093),
 * {@code --kafka-internal-port} (9094, the broker's own loopback listener),
 * {@code --auth-port} (9000), {@code --ingest-port} (8081), {@code --query-port} (8082),
 * {@code --processor-port} (8083), {@code --web-port} (8084, the people's web app)</li>
 * <li>{@code --samples-dir} ({@code samples}): files the uploader sends at start</li>
 * <li>{@code --exit-after-summary} (false): stop everything after the summary instead of
 * waiting for Ctrl-C (used by the smoke test)</li>
 * </ul>
 *
 * @param dataDir data folder
 * @param appsDir folder of the applications' jars
 * @param samplesDir folder of sample files
 * @param kafkaPort broker port
 * @param kafkaControllerPort KRaft controller port
 * @param kafkaInternalPort the broker's loopback listener of its own traffic (no
 * credentials: never exposed)
 * @param authPort auth server port
 * @param ingestPort ingest API port
 * @param queryPort query API port
 * @param processorPort processor management port
 * @param webPort the people's web app port
 * @param exitAfterSummary whether to stop after the summary
 */
record StackSettings(Path dataDir, Path appsDir, Path samplesDir, int kafkaPort, int kafkaControllerPort,
		int kafkaInternalPort, int authPort, int ingestPort, int queryPort, int processorPort, int webPort,
		boolean exitAfterSummary) {

	static StackSettings parse(String... args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unknown argument '" + arg + "'; options look like --name=value");
			}
			String[] pair = arg.substring(2).split("=", 2);
			values.put(pair[0], (pair.length == 2) ? pair[1] : "true");
		}
		StackSettings settings = new StackSettings(Path.of(take(values, "data-dir", "data")),
				Path.of(take(values, "apps-dir", "local-stack/target/apps")),
				Path.of(take(values, "samples-dir", "samples")), port(values, "kafka-port", 9092),
				port(values, "kafka-controller-port", 9093), port(values, "kafka-internal-port", 9094),
				port(values, "auth-port", 9000), port(values, "ingest-port", 8081), port(values, "query-port", 8082),
				port(values, "processor-port", 8083), port(values, "web-port", 8084),
				Boolean.parseBoolean(take(values, "exit-after-summary", "false")));
		if (!values.isEmpty()) {
			throw new IllegalArgumentException("unknown option(s) " + values.keySet());
		}
		return settings;
	}

	private static String take(Map<String, String> values, String name, String fallback) {
		String value = values.remove(name);
		return (value != null) ? value : fallback;
	}

	private static int port(Map<String, String> values, String name, int fallback) {
		String value = take(values, name, Integer.toString(fallback));
		try {
			int port = Integer.parseInt(value);
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a port number, not '" + value + "'");
		}
	}

	String issuer() {
		return "http://localhost:" + this.authPort;
	}

	/**
	 * The web app's address as people open it: on 127.0.0.1, a host name other than the
	 * issuer's ({@code localhost}), so a browser keeps the two session cookies apart.
	 */
	String webUrl() {
		return "http://127.0.0.1:" + this.webPort;
	}

	String tokenUri() {
		return issuer() + "/oauth2/token";
	}

	String h2Url() {
		Path database = this.dataDir.resolve("h2").resolve("timesheets").toAbsolutePath();
		// AUTO_SERVER lets the processor (writer) and the
		// query API (reader) share the file
		return "jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH";
	}

}
