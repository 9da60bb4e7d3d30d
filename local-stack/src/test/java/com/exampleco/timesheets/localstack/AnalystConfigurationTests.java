package com.exampleco.timesheets.localstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.security.auth.login.AppConfigurationEntry;

import com.exampleco.timesheets.launcher.token.ClientCredentials;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

class AnalystConfigurationTests {

	static final AnalystConfiguration PLAINTEXT = new AnalystConfiguration("127.0.0.1:9092", "http://localhost:9000",
			AnalystConfiguration.DEMO_ANALYST, null);

	@Test
	void printsAFileKafkaReadsBackWithOAuthLoginReadCommittedAndAnAnalyticsGroup() {
		Properties read = AnalystConfiguration.parse(PLAINTEXT.fileText());

		assertThat(read).containsEntry("bootstrap.servers", "127.0.0.1:9092")
			.containsEntry("security.protocol", "SASL_PLAINTEXT")
			.containsEntry("sasl.mechanism", "OAUTHBEARER")
			.containsEntry("sasl.login.callback.handler.class",
					"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler")
			.containsEntry("sasl.oauthbearer.token.endpoint.url", "http://localhost:9000/oauth2/token")
			.containsEntry("isolation.level", "read_committed")
			.containsEntry("auto.offset.reset", "earliest")
			.doesNotContainKeys("ssl.truststore.type", "ssl.truststore.location");
		assertThat(read.getProperty("group.id")).startsWith("analytics-");
		assertThat(read).isEqualTo(properties(PLAINTEXT.properties()));
		// Kafka accepts every value
		Properties consumer = new Properties();
		consumer.putAll(read);
		consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		assertThat(new ConsumerConfig(consumer).getString(ConsumerConfig.ISOLATION_LEVEL_CONFIG))
			.isEqualTo("read_committed");
	}

	@Test
	void logsInWithTheDemoAnalystsClientCredentialsAndNoOtherSecret() {
		String jaas = AnalystConfiguration.parse(PLAINTEXT.fileText()).getProperty("sasl.jaas.config");

		List<AppConfigurationEntry> entries = JaasContext
			.loadClientContext(Map.of("sasl.jaas.config", new Password(jaas)))
			.configurationEntries();
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).getLoginModuleName())
			.isEqualTo("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule");
		assertThat(entries.get(0).getControlFlag()).isEqualTo(AppConfigurationEntry.LoginModuleControlFlag.REQUIRED);
		assertThat(Map.<String, Object>copyOf(entries.get(0).getOptions()))
			.isEqualTo(Map.of("clientId", "kafka-analyst", "clientSecret", AnalystConfiguration.DEMO_ANALYST.secret()));
		assertThat(PLAINTEXT.fileText()).doesNotContain(ClientCredentials.ADMIN.secret(),
				ClientCredentials.UPLOADER.secret());
	}

	@Test
	void trustsTheCaOverSaslSslWhenTheBrokerHasATlsListener(@TempDir Path directory) {
		Path ca = directory.resolve("tls/ca.pem");
		AnalystConfiguration tls = new AnalystConfiguration("localhost:9094", "http://localhost:9000",
				AnalystConfiguration.DEMO_ANALYST, ca);

		assertThat(AnalystConfiguration.parse(tls.fileText())).containsEntry("security.protocol", "SASL_SSL")
			.containsEntry("ssl.truststore.type", "PEM")
			.containsEntry("ssl.truststore.location", ca.toAbsolutePath().toString());
	}

	@Test
	void writesTheFileIntoTheDataFolderAndPrintsTheConsoleConsumerCommandThatReadsIt(@TempDir Path data)
			throws IOException {
		List<String> summary = PLAINTEXT.summary(data);

		Path file = data.resolve("analyst/client.properties");
		assertThat(Files.readString(file)).isEqualTo(PLAINTEXT.fileText());
		assertThat(summary).contains("  security.protocol=SASL_PLAINTEXT",
				"  export KAFKA_OPTS=\"-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=http://localhost:9000/oauth2/token\"");
		assertThat(summary).anySatisfy((line) -> assertThat(line).startsWith("  kafka-console-consumer.sh ")
			.contains("--bootstrap-server 127.0.0.1:9092 --topic timesheet-events")
			.contains("--consumer.config " + file.toAbsolutePath())
			.contains("--isolation-level read_committed"));
		assertThat(summary).anySatisfy((line) -> assertThat(line).contains("--topic timesheet-state"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDemoAnalystIsAClientOfTheLocalAuthServer() throws IOException {
		Map<String, Object> authServerYml;
		try (Reader reader = Files
			.newBufferedReader(ComposeFileTests.ROOT.resolve("auth-server/src/main/resources/auth-server.yml"))) {
			authServerYml = (Map<String, Object>) new Yaml(new LoaderOptions()).loadAll(reader).iterator().next();
		}
		Map<String, Map<String, Object>> clients = (Map<String, Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) authServerYml
			.get("timesheets")).get("auth")).get("clients");
		Map<String, Object> analyst = clients.values()
			.stream()
			.filter((client) -> AnalystConfiguration.DEMO_ANALYST.id().equals(client.get("client-id")))
			.findFirst()
			.orElse(null);
		assertThat(analyst).as("auth-server.yml registers the kafka-analyst client").isNotNull();
		assertThat(String.valueOf(analyst.get("secret")))
			.isEqualTo("{noop}" + AnalystConfiguration.DEMO_ANALYST.secret());
	}

	private static Properties properties(Map<String, String> map) {
		Properties properties = new Properties();
		properties.putAll(map);
		return properties;
	}

}
