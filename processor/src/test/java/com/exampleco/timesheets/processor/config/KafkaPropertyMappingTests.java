package com.exampleco.timesheets.processor.config;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor's own Kafka settings ({@code timesheets.processor.group-id},
 * {@code concurrency}, {@code max-poll-records}) reach Boot's {@code spring.kafka.*}
 * through {@code application.yml}: with nothing set, Boot sees the defaults
 * {@link ProcessorProperties} documents; with them set, the values set.
 */
class KafkaPropertyMappingTests {

	@Test
	void bootSeesTheProcessorPropertiesDefaults() throws IOException {
		StandardEnvironment environment = environment(Map.of());
		ProcessorProperties defaults = Binder.get(environment)
			.bindOrCreate("timesheets.processor", ProcessorProperties.class);
		assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo(defaults.groupId());
		assertThat(environment.getProperty("spring.kafka.listener.concurrency", Integer.class))
			.isEqualTo(defaults.concurrency());
		assertThat(environment.getProperty("spring.kafka.consumer.max-poll-records", Integer.class))
			.isEqualTo(defaults.maxPollRecords());
	}

	@Test
	void bootSeesTheProcessorPropertiesThatAreSet() throws IOException {
		StandardEnvironment environment = environment(Map.of("timesheets.processor.group-id", "other-group",
				"timesheets.processor.concurrency", "5", "timesheets.processor.max-poll-records", "250"));
		assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("other-group");
		assertThat(environment.getProperty("spring.kafka.listener.concurrency")).isEqualTo("5");
		assertThat(environment.getProperty("spring.kafka.consumer.max-poll-records")).isEqualTo("250");
	}

	@Test
	void bootSeesTheProcessorPropertiesSetAsEnvironmentVariables() throws IOException {
		// as docker-compose.yml sets them (TIMESHEETS_PROCESSOR_CONCURRENCY)
		StandardEnvironment environment = environment(
				new SystemEnvironmentPropertySource("env", Map.of("TIMESHEETS_PROCESSOR_GROUP_ID", "env-group",
						"TIMESHEETS_PROCESSOR_CONCURRENCY", "2", "TIMESHEETS_PROCESSOR_MAX_POLL_RECORDS", "300")));
		assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("env-group");
		assertThat(environment.getProperty("spring.kafka.listener.concurrency")).isEqualTo("2");
		assertThat(environment.getProperty("spring.kafka.consumer.max-poll-records")).isEqualTo("300");
	}

	@Test
	void kafkaClientsLogInWithTheConfiguredClientCredentials() throws IOException {
		// as the launcher starts it: the secret from the environment, the rest as
		// arguments
		StandardEnvironment environment = environment(
				new SystemEnvironmentPropertySource("env", Map.of("TIMESHEETS_KAFKA_OAUTH_CLIENT_SECRET", "p-secret",
						"TIMESHEETS_KAFKA_OAUTH_TOKEN_ENDPOINT", "http://issuer.test/oauth2/token")));
		assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("OAUTHBEARER");
		assertThat(environment.getProperty("spring.kafka.properties.sasl.oauthbearer.token.endpoint.url"))
			.isEqualTo("http://issuer.test/oauth2/token");
		assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config"))
			.isEqualTo("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
					+ " clientId=\"kafka-processor\" clientSecret=\"p-secret\" ;");
		// off unless asked for: the protocol stays Kafka's default (PLAINTEXT)
		assertThat(environment.getProperty("spring.kafka.security.protocol")).isNull();
	}

	private static StandardEnvironment environment(Map<String, Object> set) throws IOException {
		return environment(new MapPropertySource("set", set));
	}

	private static StandardEnvironment environment(PropertySource<?> set) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(set);
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		return environment;
	}

}
