package com.exampleco.timesheets.authserver;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The registered clients, some of which an administrator may have disabled
 * ({@link ClientAdminController}). A disabled client is not found, whatever the lookup:
 * the token endpoint answers it {@code 401 invalid_client}, so it gets no new token (fail
 * closed); tokens it already holds stay valid until they expire, which is why the Kafka
 * broker re-authenticates connections ({@code connections.max.reauth.ms}) and Kafka
 * clients' tokens are short-lived. The switch lives in memory: a restart enables every
 * configured client again. Thread-safe.
 */
final class EnabledClients implements RegisteredClientRepository {

	private final RegisteredClientRepository clients;

	private final Set<String> disabled = ConcurrentHashMap.newKeySet();

	EnabledClients(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		this.clients.save(registeredClient);
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		return enabledOnly(this.clients.findById(id));
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		return enabledOnly(this.clients.findByClientId(clientId));
	}

	/**
	 * Lets a client get tokens again.
	 * @param clientId the client id
	 * @return false when no such client is registered
	 */
	boolean enable(String clientId) {
		if (this.clients.findByClientId(clientId) == null) {
			return false;
		}
		this.disabled.remove(clientId);
		return true;
	}

	/**
	 * Stops issuing tokens to a client. Idempotent.
	 * @param clientId the client id
	 * @return false when no such client is registered
	 */
	boolean disable(String clientId) {
		if (this.clients.findByClientId(clientId) == null) {
			return false;
		}
		this.disabled.add(clientId);
		return true;
	}

	/**
	 * Whether a client may get tokens.
	 * @param clientId the client id
	 * @return null when no such client is registered
	 */
	@Nullable Boolean isEnabled(String clientId) {
		if (this.clients.findByClientId(clientId) == null) {
			return null;
		}
		return !this.disabled.contains(clientId);
	}

	private @Nullable RegisteredClient enabledOnly(@Nullable RegisteredClient client) {
		return (client == null || this.disabled.contains(client.getClientId())) ? null : client;
	}

}
