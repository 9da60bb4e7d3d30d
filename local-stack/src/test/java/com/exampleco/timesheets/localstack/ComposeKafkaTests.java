package com.exampleco.timesheets.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.exampleco.timesheets.launcher.kafka.TlsMaterial;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose stack's Kafka security, checked without Docker (issue 15): the broker's
 * environment, rendered into {@code server.properties} the way the {@code apache/kafka}
 * image does, is a configuration Kafka 4 accepts, with every client listener
 * {@code SASL_SSL} and the anonymous listeners on loopback; the certificate script runs
 * (bash and the JDK's keytool) and names every advertised host; the ACL script grants
 * what launcher's {@code TimesheetsAcls} grants; each service logs in with its own secret
 * from {@code .env}.
 */
class ComposeKafkaTests {

	static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*)|:\\?[^}]*)?}");

	static final Set<String> NOT_PROPERTIES = Set.of("KAFKA_OPTS", "KAFKA_HEAP_OPTS", "KAFKA_JMX_OPTS",
			"KAFKA_LOG4J_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_VERSION");

	static Map<String, Object> kafka;

	@BeforeAll
	static void readComposeFile() throws IOException {
		ComposeFileTests.readComposeFile();
		kafka = ComposeFileTests.service("kafka");
	}

	@Test
	void brokerConfigurationIsOneKafkaAcceptsWithOAuthOverTlsForEveryClientListener() {
		Properties properties = serverProperties(environment("kafka"));

		KafkaConfig config = KafkaConfig.fromProps(properties, false);

		assertThat(config.getString("authorizer.class.name"))
			.isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		assertThat(properties).containsEntry("allow.everyone.if.no.acl.found", "false")
			.containsEntry("sasl.enabled.mechanisms", "OAUTHBEARER")
			.containsEntry("sasl.oauthbearer.expected.audience", "timesheets-kafka")
			.containsEntry("sasl.oauthbearer.expected.issuer", "http://auth-server:9000")
			.containsEntry("sasl.oauthbearer.jwks.endpoint.url", "http://auth-server:9000/oauth2/jwks");
		Map<String, String> protocols = protocolMap(properties);
		for (String listener : properties.getProperty("listeners").split(",")) {
			String name = listener.substring(0, listener.indexOf(':'));
			if (protocols.get(name).equals("SASL_SSL")) {
				assertThat(properties).containsEntry(
						"listener.name." + name.toLowerCase(Locale.ROOT)
								+ ".oauthbearer.sasl.server.callback.handler.class",
						"org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler");
			}
			else {
				// PLAINTEXT: its anonymous principal is a super user, so loopback only
				assertThat(listener).as("listener %s", name).contains("://127.0.0.1:");
			}
		}
		assertThat(properties.getProperty("super.users")).contains("User:ANONYMOUS", "User:kafka-admin");
		assertThat(environment("kafka").get("KAFKA_OPTS"))
			.isEqualTo("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=http://auth-server:9000/oauth2/jwks");
		@SuppressWarnings("unchecked")
		List<String> ports = (List<String>) kafka.get("ports");
		assertThat(ports).as("only the SASL_SSL EXTERNAL listener is published").containsExactly("9095:9095");
		assertThat(protocols).containsEntry("EXTERNAL", "SASL_SSL").containsEntry("TLS", "SASL_SSL");
	}

	@Test
	void certificateScriptIssuesABrokerCertificateForEveryAdvertisedHostAndReusesIt(@TempDir Path directory)
			throws Exception {
		String hostNames = environment("kafka-certs").get("KAFKA_TLS_HOSTNAMES");
		Path tls = directory.resolve("tls");
		Path ca = directory.resolve("ca");

		String first = runCertificateScript(hostNames, tls, ca);
		byte[] keystore = Files.readAllBytes(tls.resolve("broker.p12"));
		String second = runCertificateScript(hostNames, tls, ca);

		assertThat(first).contains("new CA").contains("new broker certificate");
		assertThat(second).contains("reusing the broker certificate");
		assertThat(Files.readAllBytes(tls.resolve("broker.p12"))).isEqualTo(keystore);
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(tls.resolve("broker.p12"))) {
			store.load(in, "compose-test".toCharArray());
		}
		X509Certificate broker = (X509Certificate) store.getCertificate("broker");
		try (InputStream in = Files.newInputStream(ca.resolve("ca.pem"))) {
			broker.verify(CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey());
		}
		Set<String> names = TlsMaterial.subjectAlternativeNames(broker);
		Properties properties = serverProperties(environment("kafka"));
		Map<String, String> protocols = protocolMap(properties);
		for (String listener : properties.getProperty("advertised.listeners").split(",")) {
			String name = listener.substring(0, listener.indexOf(':'));
			String host = listener.substring(listener.indexOf("://") + 3, listener.lastIndexOf(':'));
			if (protocols.get(name).endsWith("SSL")) {
				assertThat(names).as("SANs for %s", listener).containsAnyOf("dns:" + host, "ip:" + host);
			}
		}
	}

	@Test
	void aclScriptGrantsWhatTheLauncherGrants() throws IOException {
		String script = Files.readString(ComposeFileTests.ROOT.resolve("docker/kafka/create-acls.sh"));
		Set<String> granted = new TreeSet<>();
		for (String line : script.lines().filter((line) -> line.startsWith("allow ")).toList()) {
			String principal = option(line, "--allow-principal").get(0)
				.replace("\"$INGEST\"", "User:kafka-ingest-api")
				.replace("\"$PROCESSOR\"", "User:kafka-processor")
				.replace("\"$ANALYST\"", "User:kafka-analyst");
			String pattern = line.contains("--resource-pattern-type prefixed") ? "PREFIXED" : "LITERAL";
			List<String> resources = new ArrayList<>();
			option(line, "--topic").forEach((topic) -> resources.add("TOPIC:" + topic));
			option(line, "--group").forEach((group) -> resources.add("GROUP:"
					+ group.replace("\"${KAFKA_PROCESSOR_GROUP:-timesheet-processor}\"", "timesheet-processor")));
			option(line, "--transactional-id").forEach((id) -> resources.add("TRANSACTIONAL_ID:" + id));
			for (String resource : resources) {
				for (String operation : option(line, "--operation")) {
					granted.add(principal + " " + operation.toUpperCase(Locale.ROOT) + " " + resource + " " + pattern);
				}
			}
		}
		// launcher's TimesheetsAcls.defaults().bindings(), one line per binding
		assertThat(granted).containsExactlyInAnyOrder("User:kafka-ingest-api WRITE TOPIC:timesheet-events LITERAL",
				"User:kafka-ingest-api CREATE TOPIC:timesheet-events LITERAL",
				"User:kafka-ingest-api READ TOPIC:timesheet-idempotency-keys LITERAL",
				"User:kafka-ingest-api WRITE TOPIC:timesheet-idempotency-keys LITERAL",
				"User:kafka-ingest-api CREATE TOPIC:timesheet-idempotency-keys LITERAL",
				"User:kafka-ingest-api WRITE TRANSACTIONAL_ID:ingest- PREFIXED",
				"User:kafka-processor READ TOPIC:timesheet-events LITERAL",
				"User:kafka-processor CREATE TOPIC:timesheet-events LITERAL",
				"User:kafka-processor WRITE TOPIC:timesheet-state LITERAL",
				"User:kafka-processor CREATE TOPIC:timesheet-state LITERAL",
				"User:kafka-processor WRITE TOPIC:timesheet-events.DLT LITERAL",
				"User:kafka-processor CREATE TOPIC:timesheet-events.DLT LITERAL",
				"User:kafka-processor READ GROUP:timesheet-processor LITERAL",
				"User:kafka-analyst READ TOPIC:timesheet-events LITERAL",
				"User:kafka-analyst READ TOPIC:timesheet-state LITERAL",
				"User:kafka-analyst READ GROUP:analytics- PREFIXED");
	}

	@Test
	void eachServiceLogsInOverTlsWithItsOwnClientSecretFromTheEnvFile() {
		for (String name : List.of("ingest-api", "processor")) {
			Map<String, String> environment = rawEnvironment(name);
			String jaas = environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
			assertThat(jaas).as("%s's JAAS configuration", name)
				.startsWith("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ")
				.containsPattern("clientSecret=\"\\$\\{KAFKA_[A-Z]+_CLIENT_SECRET:\\?[^}]+}\" ;$");
			assertThat(environment).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
				.containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", "kafka:9094")
				.containsEntry("SPRING_KAFKA_SSL_TRUSTSTORETYPE", "PEM")
				.containsEntry("SPRING_KAFKA_SSL_TRUSTSTORELOCATION", "file:/etc/kafka-ca/ca.pem");
			String tokenUri = environment.get("SPRING_KAFKA_PROPERTIES_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL");
			assertThat(environment.get("JAVA_TOOL_OPTIONS"))
				.contains("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=" + tokenUri);
			@SuppressWarnings("unchecked")
			List<String> volumes = (List<String>) ComposeFileTests.service(name).get("volumes");
			assertThat(volumes).contains("kafka-ca:/etc/kafka-ca:ro");
		}
	}

	private static String runCertificateScript(String hostNames, Path tls, Path ca) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash",
				ComposeFileTests.ROOT.resolve("docker/kafka/make-certs.sh").toString())
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("PATH",
				Path.of(System.getProperty("java.home"), "bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
		env.put("KAFKA_KEYSTORE_PASSWORD", "compose-test");
		env.put("KAFKA_TLS_HOSTNAMES", hostNames);
		env.put("TLS_DIR", tls.toString());
		env.put("CA_DIR", ca.toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static List<String> option(String line, String name) {
		List<String> values = new ArrayList<>();
		Matcher matcher = Pattern.compile(Pattern.quote(name) + " (\\S+)").matcher(line);
		while (matcher.find()) {
			values.add(matcher.group(1));
		}
		return values;
	}

	/** A service's environment as written (merge keys resolved by the YAML loader). */
	@SuppressWarnings("unchecked")
	static Map<String, String> rawEnvironment(String service) {
		Map<String, String> environment = new LinkedHashMap<>();
		((Map<String, Object>) ComposeFileTests.service(service).get("environment"))
			.forEach((key, value) -> environment.put(key, String.valueOf(value)));
		return environment;
	}

	/** A service's environment with compose's interpolation done on defaults. */
	static Map<String, String> environment(String service) {
		Map<String, String> resolved = new LinkedHashMap<>();
		rawEnvironment(service).forEach((key, value) -> {
			Matcher matcher = INTERPOLATION.matcher(value);
			StringBuilder text = new StringBuilder();
			while (matcher.find()) {
				String replacement = (matcher.group(2) != null) ? matcher.group(2) : "from-env-file";
				matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
			}
			matcher.appendTail(text);
			resolved.put(key, text.toString());
		});
		return resolved;
	}

	/**
	 * The apache/kafka image's rendering: {@code KAFKA_FOO_BAR} is {@code foo.bar},
	 * {@code __} an underscore, {@code ___} a dash; a few variables are JVM options.
	 */
	static Properties serverProperties(Map<String, String> environment) {
		Properties properties = new Properties();
		environment.forEach((key, value) -> {
			if (key.startsWith("KAFKA_") && !NOT_PROPERTIES.contains(key)) {
				String name = key.substring("KAFKA_".length())
					.toLowerCase(Locale.ROOT)
					.replace("___", "-")
					.replace("__", "\u0000")
					.replace('_', '.')
					.replace('\u0000', '_');
				properties.put(name, value);
			}
		});
		return properties;
	}

	private static Map<String, String> protocolMap(Properties properties) {
		Map<String, String> protocols = new HashMap<>();
		for (String mapping : properties.getProperty("listener.security.protocol.map").split(",")) {
			String[] pair = mapping.split(":");
			protocols.put(pair[0], pair[1]);
		}
		return protocols;
	}

}
