package com.exampleco.timesheets.localstack;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.exampleco.timesheets.launcher.token.ClientCredentials;

/**
 * An analyst's ready-to-paste Kafka consumer configuration for this stack (issue 15): the
 * {@code client.properties} a stock {@code kafka-console-consumer.sh} or a Java
 * {@code KafkaConsumer} reads, and the command line that uses it. Kafka's own OAuth login
 * (client credentials of the demo analyst client of the local auth server),
 * {@code read_committed}, a consumer group under the analysts' prefix {@code analytics-}.
 * With a CA certificate the client connects with {@code SASL_SSL} and trusts that CA
 * (PEM); without one, {@code SASL_PLAINTEXT} (loopback only).
 *
 * @param bootstrapServers the broker's address
 * @param issuer the auth server's issuer; tokens come from {@code <issuer>/oauth2/token}
 * @param analyst the analyst's client (its secret goes into the file: the demo one here)
 * @param caCertificate the CA certificate (PEM) of a TLS listener; null for
 * {@code SASL_PLAINTEXT}
 */
record AnalystConfiguration(String bootstrapServers, String issuer, ClientCredentials analyst, Path caCertificate) {

	/**
	 * The demo analyst of the local auth server ({@code auth-server.yml}): reads
	 * {@code timesheet-events} and {@code timesheet-state} in {@code analytics-*} groups,
	 * nothing else.
	 */
	static final ClientCredentials DEMO_ANALYST = ClientCredentials.KAFKA_ANALYST;

	/**
	 * The consumer group of the printed configuration; analysts' groups start with this.
	 */
	static final String GROUP = "analytics-console";

	/** The JVM property Kafka 4 clients need to call the token endpoint. */
	static final String ALLOWED_URLS = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

	/** The file's name in the data folder. */
	static final String FILE = "analyst/client.properties";

	/**
	 * The token endpoint.
	 * @return {@code <issuer>/oauth2/token}
	 */
	String tokenEndpoint() {
		return this.issuer + "/oauth2/token";
	}

	/**
	 * The client properties, in the order they are printed.
	 * @return a new map, never null
	 */
	Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("bootstrap.servers", this.bootstrapServers);
		properties.put("security.protocol", (this.caCertificate != null) ? "SASL_SSL" : "SASL_PLAINTEXT");
		if (this.caCertificate != null) {
			properties.put("ssl.truststore.type", "PEM");
			properties.put("ssl.truststore.location", this.caCertificate.toAbsolutePath().toString());
		}
		properties.put("sasl.mechanism", "OAUTHBEARER");
		properties.put("sasl.login.callback.handler.class",
				"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
		properties.put("sasl.oauthbearer.token.endpoint.url", tokenEndpoint());
		properties.put("sasl.jaas.config",
				"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId=\""
						+ this.analyst.id() + "\" clientSecret=\"" + this.analyst.secret() + "\" ;");
		properties.put("group.id", GROUP);
		properties.put("isolation.level", "read_committed");
		properties.put("auto.offset.reset", "earliest");
		properties.put("enable.auto.commit", "false");
		return properties;
	}

	/**
	 * The {@code client.properties} file's text (comments say where it came from and
	 * which JVM property the tools need).
	 * @return the text; {@link Properties#load} reads back {@link #properties()}
	 */
	String fileText() {
		StringBuilder text = new StringBuilder();
		text.append("# Kafka consumer configuration of the demo analyst (client ").append(this.analyst.id());
		text.append(" of the local auth server), written by local-stack at every start.\n");
		text.append("# Every JVM that uses it needs -D").append(ALLOWED_URLS).append('=').append(tokenEndpoint());
		text.append("\n# (Kafka tools: export KAFKA_OPTS=...). See docs/analysts-guide.md.\n");
		properties().forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
		return text.toString();
	}

	/**
	 * The console-consumer command lines for the two topics, reading {@code file}.
	 * @param file where {@link #fileText()} was written
	 * @return shell lines, never null
	 */
	List<String> consoleCommands(Path file) {
		List<String> lines = new ArrayList<>();
		lines.add("export KAFKA_OPTS=\"-D" + ALLOWED_URLS + "=" + tokenEndpoint() + "\"");
		for (String topic : List.of("timesheet-events", "timesheet-state")) {
			lines.add("kafka-console-consumer.sh --bootstrap-server " + this.bootstrapServers + " --topic " + topic
					+ " --consumer.config " + file.toAbsolutePath()
					+ " --from-beginning --isolation-level read_committed"
					+ " --property print.key=true --property print.headers=true --property key.separator=' | '");
		}
		return lines;
	}

	/**
	 * Writes {@link #fileText()} to {@value #FILE} under the data folder.
	 * @param dataDir the stack's data folder
	 * @return the file written
	 */
	Path write(Path dataDir) {
		Path file = dataDir.resolve(FILE);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, fileText(), StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	/**
	 * Writes the file and prints it with the command lines, for the start-up summary.
	 * @param dataDir the stack's data folder
	 * @return the printed lines
	 */
	List<String> summary(Path dataDir) {
		Path file = write(dataDir);
		List<String> lines = new ArrayList<>();
		lines.add("Analysts read Kafka as client " + this.analyst.id() + " (consumer groups analytics-*); "
				+ "this configuration is in " + file + ":");
		fileText().lines().filter((line) -> !line.startsWith("#")).forEach((line) -> lines.add("  " + line));
		lines.add("Read the topics with the stock console consumer (Kafka 4.1; see docs/analysts-guide.md):");
		consoleCommands(file).forEach((line) -> lines.add("  " + line));
		return lines;
	}

	/** Reads a file's text back, for tests and checks. */
	static Properties parse(String text) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(text));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private static String escape(String value) {
		// java.util.Properties syntax: backslashes and a leading space must be escaped
		String escaped = value.replace("\\", "\\\\");
		return escaped.startsWith(" ") ? "\\" + escaped : escaped;
	}

}
