package com.exampleco.timesheets.systemtests.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.exampleco.timesheets.launcher.kafka.BrokerSecurity;
import com.exampleco.timesheets.launcher.process.WebAppArguments;

/**
 * What each service of the harness's pipeline is told on its command line (besides
 * {@code --server.port}): the addresses of what it talks to and the settings the
 * scenarios rely on. Pure: one method per service.
 */
final class ServiceArguments {

	/** The query API's cursor MAC key (fixed: cursors stay valid across restarts). */
	static final String CURSOR_KEY = "system-tests-cursor-key-0123456789-abcdefghij";

	private ServiceArguments() {
	}

	static List<String> auth(String issuer, Path signingKeyFile) {
		String shortLived = "--timesheets.auth.clients.kafkashortlived.";
		return List.of("--timesheets.auth.issuer=" + issuer,
				"--timesheets.auth.key-file=" + signingKeyFile.toAbsolutePath(),
				// the re-authentication scenario's client: tokens that live 20 seconds
				shortLived + "client-id=" + Pipeline.KAFKA_SHORT_LIVED.id(),
				shortLived + "secret=" + Pipeline.KAFKA_SHORT_LIVED.secret(), shortLived + "scopes=kafka",
				shortLived + "audience=" + BrokerSecurity.AUDIENCE, shortLived + "access-token-ttl=20s");
	}

	/**
	 * The auth server's redirect and return URIs of the web app and the contractor portal
	 * on the harness's web-app address, and the browser tests' own people.
	 */
	static List<String> authForWebApp(String webUrl) {
		List<String> arguments = new ArrayList<>(WebAppArguments.forAuthServer(webUrl));
		WebPeople.ALL.forEach((person) -> arguments.addAll(person.authServerArguments()));
		return arguments;
	}

	static List<String> webApp(String issuer, String ingestUrl, String queryUrl) {
		List<String> arguments = new ArrayList<>(WebAppArguments.forWebApp(issuer, ingestUrl, queryUrl));
		// the browser tests read the progress page's applied state without waiting long
		arguments.add("--timesheets.web.poll-interval=1s");
		return arguments;
	}

	static List<String> ingest(String bootstrapServers, String issuer, int partitions, BrokerKind broker) {
		List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--timesheets.security.issuer-uri=" + issuer, "--timesheets.ingest.topic-partitions=" + partitions));
		if (broker == BrokerKind.CLUSTER) {
			arguments.add("--timesheets.ingest.topic-replicas=" + BrokerKind.CLUSTER_REPLICAS);
			arguments.add("--timesheets.ingest.topic-min-insync-replicas=" + BrokerKind.CLUSTER_MIN_INSYNC);
		}
		return arguments;
	}

	static List<String> query(Database database, String issuer) {
		String url = database.jdbcUrl();
		return List.of(
				"--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?")
						+ "readOnly=true&readOnlyMode=always",
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--timesheets.security.issuer-uri=" + issuer,
				"--timesheets.query.cursor-key=" + CURSOR_KEY);
	}

	static List<String> processor(String name, String bootstrapServers, Database database, int partitions,
			BrokerKind broker) {
		List<String> arguments = new ArrayList<>(processor(name, bootstrapServers, database, partitions));
		if (broker == BrokerKind.CLUSTER) {
			arguments.add("--timesheets.processor.replication-factor=" + BrokerKind.CLUSTER_REPLICAS);
			arguments.add("--timesheets.processor.min-insync-replicas=" + BrokerKind.CLUSTER_MIN_INSYNC);
		}
		return arguments;
	}

	private static List<String> processor(String name, String bootstrapServers, Database database, int partitions) {
		return List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--spring.datasource.hikari.connection-timeout=5000", "--timesheets.processor.partitions=" + partitions,
				"--timesheets.processor.retry.max-interval=5s",
				// names the instance in the group: a test sees who owns which partition
				"--spring.kafka.consumer.client-id=" + name,
				// a killed instance's partitions move after 10 s, not 45 s
				"--spring.kafka.consumer.properties.session.timeout.ms=10000",
				"--spring.kafka.consumer.properties.heartbeat.interval.ms=2000");
	}

}
