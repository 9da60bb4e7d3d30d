package com.exampleco.timesheets.launcher.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.exampleco.timesheets.launcher.token.ClientCredentials;

/**
 * One Kafka client's side of {@link BrokerSecurity}: SASL/OAUTHBEARER with Kafka's own
 * client-credentials login ({@code OAuthBearerLoginCallbackHandler}), which fetches a
 * token from the issuer's token endpoint with the client's id and secret, keeps it and
 * fetches a new one before it expires (at about 80 % of its lifetime, Kafka's
 * {@code sasl.login.refresh.*} defaults); the broker then re-authenticates the connection
 * with it.
 * <p>
 * Every JVM that fetches a token must allow the token endpoint
 * ({@link BrokerSecurity#ALLOWED_URLS_PROPERTY}): {@link #allowedUrlsOption()} for a
 * child JVM, {@link #allowInThisJvm(String)} for this one.
 *
 * @param tokenEndpoint the issuer's token endpoint, e.g.
 * {@code http://127.0.0.1:9000/oauth2/token}
 * @param client the client's id and secret, registered at the issuer
 */
public record KafkaClientSecurity(String tokenEndpoint, ClientCredentials client) {

	/** The environment variable that carries a service's Kafka client secret. */
	public static final String SECRET_VARIABLE = "TIMESHEETS_KAFKA_OAUTH_CLIENT_SECRET";

	/**
	 * The client's properties for {@code Admin.create}, {@code new KafkaConsumer} and
	 * {@code new KafkaProducer}.
	 * @return a new mutable map
	 */
	public Map<String, Object> properties() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("security.protocol", BrokerSecurity.LISTENER);
		properties.put("sasl.mechanism", "OAUTHBEARER");
		properties.put("sasl.login.callback.handler.class",
				"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
		properties.put("sasl.oauthbearer.token.endpoint.url", this.tokenEndpoint);
		properties.put("sasl.jaas.config",
				"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required" + " clientId=\""
						+ this.client.id() + "\" clientSecret=\"" + this.client.secret() + "\" ;");
		return properties;
	}

	/**
	 * The client's properties with the broker's address.
	 * @param bootstrapServers the broker's address
	 * @return a new mutable map
	 */
	public Map<String, Object> properties(String bootstrapServers) {
		Map<String, Object> properties = properties();
		properties.put("bootstrap.servers", bootstrapServers);
		return properties;
	}

	/**
	 * What a service (ingest-api, processor) is told on its command line to use this
	 * client: the security protocol and its {@code timesheets.kafka.oauth.*} settings;
	 * the secret goes into its environment ({@link #serviceEnvironment()}).
	 * @return {@code --name=value} arguments
	 */
	public List<String> serviceArguments() {
		return List.of("--spring.kafka.security.protocol=" + BrokerSecurity.LISTENER,
				"--timesheets.kafka.oauth.token-endpoint=" + this.tokenEndpoint,
				"--timesheets.kafka.oauth.client-id=" + this.client.id());
	}

	/**
	 * A service's environment: the client secret, never on the command line.
	 * @return {@value #SECRET_VARIABLE}
	 */
	public Map<String, String> serviceEnvironment() {
		return Map.of(SECRET_VARIABLE, this.client.secret());
	}

	/**
	 * The option allowing a child JVM to fetch tokens from the endpoint.
	 * @return {@code -Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=<token endpoint>}
	 */
	public String allowedUrlsOption() {
		return "-D" + BrokerSecurity.ALLOWED_URLS_PROPERTY + "=" + this.tokenEndpoint;
	}

	/**
	 * Adds a URL to those this JVM's Kafka clients (or broker) may fetch, keeping the
	 * ones allowed already. Idempotent.
	 * @param url the token endpoint or JWKS URL
	 */
	public static synchronized void allowInThisJvm(String url) {
		Set<String> urls = new LinkedHashSet<>();
		String current = System.getProperty(BrokerSecurity.ALLOWED_URLS_PROPERTY, "");
		for (String allowed : current.split(",")) {
			if (!allowed.isBlank()) {
				urls.add(allowed.trim());
			}
		}
		urls.add(url);
		System.setProperty(BrokerSecurity.ALLOWED_URLS_PROPERTY, String.join(",", new ArrayList<>(urls)));
	}

	@Override
	public String toString() {
		// never the secret
		return "KafkaClientSecurity[tokenEndpoint=" + this.tokenEndpoint + ", client=" + this.client.id() + "]";
	}

}
