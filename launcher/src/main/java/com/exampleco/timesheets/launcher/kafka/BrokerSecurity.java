package com.exampleco.timesheets.launcher.kafka;

import java.time.Duration;
import java.util.Properties;

/**
 * How the pipeline's broker authenticates and authorizes clients, written once for every
 * way it runs: the client listener {@value #LISTENER} takes SASL/OAUTHBEARER only, and
 * Kafka's own validator ({@code OAuthBearerValidatorCallbackHandler}) checks each token's
 * signature against the issuer's JWKS ({@code <issuer>/oauth2/jwks}), its {@code iss},
 * its {@code aud} ({@value #AUDIENCE} by default) and its lifetime; the principal is
 * {@code User:<sub>}, the client id of a client-credentials token. Authorization is the
 * KRaft {@code StandardAuthorizer}, deny by default ({@link TimesheetsAcls} grants what
 * each service needs); {@value #ADMIN_PRINCIPAL} is a super user. A connection
 * re-authenticates within {@link #reauthentication()} (and before its token expires), so
 * a client whose token expired or who can no longer get one is cut off.
 * <p>
 * The broker's own traffic (inter-broker on {@value #INTERNAL_LISTENER}, KRaft on
 * {@code CONTROLLER}) stays on PLAINTEXT listeners bound to 127.0.0.1, whose anonymous
 * principal is a super user: whoever can open a socket on the broker's host reaches them,
 * so they must never be bound to another interface.
 * <p>
 * The broker JVM must allow the JWKS URL ({@link #ALLOWED_URLS_PROPERTY}, see
 * {@link #allowedUrlsOption()}).
 *
 * @param issuer the token issuer, e.g. {@code http://127.0.0.1:9000} (no trailing slash)
 * @param audience the audience a token must carry
 * @param reauthentication {@code connections.max.reauth.ms}: the longest a connection
 * lives on one authentication
 * @param internalPort the port of the loopback {@value #INTERNAL_LISTENER} listener
 */
public record BrokerSecurity(String issuer, String audience, Duration reauthentication, int internalPort) {

	/** The Kafka cluster's audience: the {@code aud} of Kafka clients' tokens. */
	public static final String AUDIENCE = "timesheets-kafka";

	/** The super user that creates ACLs (and topics, as an operator). */
	public static final String ADMIN_PRINCIPAL = "User:kafka-admin";

	/** The client listener's name (and security protocol). */
	public static final String LISTENER = "SASL_PLAINTEXT";

	/** The loopback listener of the broker's own (inter-broker) traffic. */
	public static final String INTERNAL_LISTENER = "INTERNAL";

	/**
	 * The JVM system property Kafka 4 reads before it fetches a token or a JWKS: a
	 * comma-separated list of the URLs it may fetch (none by default).
	 */
	public static final String ALLOWED_URLS_PROPERTY = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

	/** {@code connections.max.reauth.ms} unless chosen otherwise. */
	public static final Duration DEFAULT_REAUTHENTICATION = Duration.ofMinutes(5);

	/**
	 * The defaults for an issuer: audience {@value #AUDIENCE}, re-authentication every 5
	 * minutes.
	 * @param issuer the issuer
	 * @param internalPort the port of the loopback internal listener
	 * @return the settings
	 */
	public static BrokerSecurity forIssuer(String issuer, int internalPort) {
		return new BrokerSecurity(issuer, AUDIENCE, DEFAULT_REAUTHENTICATION, internalPort);
	}

	/**
	 * A copy with another re-authentication interval.
	 * @param interval the interval
	 * @return a copy
	 */
	public BrokerSecurity withReauthentication(Duration interval) {
		return new BrokerSecurity(this.issuer, this.audience, interval, this.internalPort);
	}

	/**
	 * The issuer's JWKS, which the broker fetches and refreshes.
	 * @return {@code <issuer>/oauth2/jwks}
	 */
	public String jwksUrl() {
		return this.issuer + "/oauth2/jwks";
	}

	/**
	 * The issuer's token endpoint, where clients get their tokens.
	 * @return {@code <issuer>/oauth2/token}
	 */
	public String tokenUrl() {
		return this.issuer + "/oauth2/token";
	}

	/**
	 * The broker JVM's option allowing its JWKS URL.
	 * @return {@code -Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=<jwks>}
	 */
	public String allowedUrlsOption() {
		return "-D" + ALLOWED_URLS_PROPERTY + "=" + jwksUrl();
	}

	/**
	 * Adds the authentication and authorization properties to a broker's configuration
	 * ({@link KraftConfig} writes the listeners).
	 * @param properties the broker's properties
	 */
	void addTo(Properties properties) {
		String listener = "listener.name." + LISTENER.toLowerCase(java.util.Locale.ROOT) + ".oauthbearer.";
		properties.put("sasl.enabled.mechanisms", "OAUTHBEARER");
		properties.put(listener + "sasl.server.callback.handler.class",
				"org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler");
		properties.put(listener + "sasl.jaas.config",
				"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
		properties.put("sasl.oauthbearer.jwks.endpoint.url", jwksUrl());
		// the issuer's keys read again every 30 s (Kafka's default: hourly), so tokens of
		// a
		// rotated-in key are accepted within seconds of the issuer publishing it
		properties.put("sasl.oauthbearer.jwks.endpoint.refresh.ms", "30000");
		properties.put("sasl.oauthbearer.expected.issuer", this.issuer);
		properties.put("sasl.oauthbearer.expected.audience", this.audience);
		properties.put("sasl.oauthbearer.sub.claim.name", "sub");
		properties.put("connections.max.reauth.ms", Long.toString(this.reauthentication.toMillis()));
		properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		properties.put("allow.everyone.if.no.acl.found", "false");
		// ANONYMOUS: the broker itself on the loopback INTERNAL and CONTROLLER listeners
		properties.put("super.users", ADMIN_PRINCIPAL + ";User:ANONYMOUS");
	}

}
