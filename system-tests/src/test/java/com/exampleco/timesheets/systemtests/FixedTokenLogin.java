package com.exampleco.timesheets.systemtests;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;

import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.auth.SaslExtensionsCallback;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

/**
 * A Kafka client login that presents one given token (the JAAS option {@code token}) as
 * it is, without checking it: so the broker, not the client, is the one that refuses a
 * hostile token. Only for tests.
 */
public final class FixedTokenLogin implements AuthenticateCallbackHandler {

	private String token;

	@Override
	public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
		this.token = (String) jaasConfigEntries.get(0).getOptions().get("token");
	}

	@Override
	public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
		for (Callback callback : callbacks) {
			if (callback instanceof OAuthBearerTokenCallback tokenCallback) {
				tokenCallback.token(new Presented(this.token, System.currentTimeMillis()));
			}
			else if (!(callback instanceof SaslExtensionsCallback)) {
				throw new UnsupportedCallbackException(callback);
			}
		}
	}

	@Override
	public void close() {
	}

	/**
	 * The token as the client holds it: the lifetime here only schedules the client's
	 * refresh (an hour away); the broker reads the real one from the JWT.
	 */
	private record Presented(String value, Long startTimeMs) implements OAuthBearerToken {

		@Override
		public Set<String> scope() {
			return Set.of();
		}

		@Override
		public long lifetimeMs() {
			return this.startTimeMs + 3_600_000;
		}

		@Override
		public String principalName() {
			return "presented";
		}

		@Override
		public Long startTimeMs() {
			return this.startTimeMs;
		}

	}

}
