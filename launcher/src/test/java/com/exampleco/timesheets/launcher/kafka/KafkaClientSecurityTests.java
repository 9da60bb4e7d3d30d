package com.exampleco.timesheets.launcher.kafka;

import com.exampleco.timesheets.launcher.token.ClientCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientSecurityTests {

	private final KafkaClientSecurity security = new KafkaClientSecurity("http://127.0.0.1:9000/oauth2/token",
			new ClientCredentials("kafka-analyst", "s3cret"));

	@Test
	void configuresKafkasClientCredentialsLogin() {
		assertThat(this.security.properties()).containsEntry("security.protocol", "SASL_PLAINTEXT")
			.containsEntry("sasl.mechanism", "OAUTHBEARER")
			.containsEntry("sasl.login.callback.handler.class",
					"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler")
			.containsEntry("sasl.oauthbearer.token.endpoint.url", "http://127.0.0.1:9000/oauth2/token")
			.containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule"
					+ " required clientId=\"kafka-analyst\" clientSecret=\"s3cret\" ;");
	}

	@Test
	void keepsTheSecretOffServicesCommandLinesAndOutOfMessages() {
		assertThat(this.security.serviceArguments())
			.containsExactly("--spring.kafka.security.protocol=SASL_PLAINTEXT",
					"--timesheets.kafka.oauth.token-endpoint=http://127.0.0.1:9000/oauth2/token",
					"--timesheets.kafka.oauth.client-id=kafka-analyst")
			.noneMatch((argument) -> argument.contains("s3cret"));
		assertThat(this.security.serviceEnvironment()).containsEntry("TIMESHEETS_KAFKA_OAUTH_CLIENT_SECRET", "s3cret");
		assertThat(this.security.toString()).doesNotContain("s3cret");
	}

	@Test
	void allowsExactlyTheTokenEndpoint() {
		assertThat(this.security.allowedUrlsOption())
			.isEqualTo("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=http://127.0.0.1:9000/oauth2/token");
	}

	@Test
	void addsUrlsToThoseThisJvmAllowsWithoutRepeatingThem() {
		String before = System.getProperty(BrokerSecurity.ALLOWED_URLS_PROPERTY);
		try {
			System.setProperty(BrokerSecurity.ALLOWED_URLS_PROPERTY, "http://a/jwks");
			KafkaClientSecurity.allowInThisJvm("http://b/token");
			KafkaClientSecurity.allowInThisJvm("http://b/token");

			assertThat(System.getProperty(BrokerSecurity.ALLOWED_URLS_PROPERTY))
				.isEqualTo("http://a/jwks,http://b/token");
		}
		finally {
			if (before == null) {
				System.clearProperty(BrokerSecurity.ALLOWED_URLS_PROPERTY);
			}
			else {
				System.setProperty(BrokerSecurity.ALLOWED_URLS_PROPERTY, before);
			}
		}
	}

}
