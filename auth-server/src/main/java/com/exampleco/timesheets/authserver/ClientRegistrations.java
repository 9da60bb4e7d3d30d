package com.exampleco.timesheets.authserver;

import java.util.List;
import java.util.regex.Pattern;

import com.exampleco.timesheets.authserver.AuthServerProperties.Client;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Turns configured {@link Client clients} into {@link RegisteredClient registrations}:
 * client-credentials grant only, {@code client_secret_basic} or
 * {@code client_secret_post}, self-contained (JWT) access tokens. The employee id and the
 * permissions flag travel as custom {@link ClientSettings} so the token customizer reads
 * them from the registration, whatever repository holds it.
 */
final class ClientRegistrations {

	/** Client setting: the employee id the client acts as (a String, optional). */
	static final String EMPLOYEE_ID_SETTING = "timesheets.client.employee-id";

	/** Client setting: whether tokens carry a {@code permissions} claim (a Boolean). */
	static final String PERMISSIONS_SETTING = "timesheets.client.permissions";

	private static final Pattern ENCODED_SECRET = Pattern.compile("^\\{[^}]+}.*");

	private ClientRegistrations() {
	}

	static List<RegisteredClient> from(AuthServerProperties properties) {
		TokenSettings tokenSettings = TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(properties.accessTokenTtl())
			.build();
		return properties.clients().values().stream().map((client) -> registration(client, tokenSettings)).toList();
	}

	private static RegisteredClient registration(Client client, TokenSettings tokenSettings) {
		ClientSettings.Builder clientSettings = ClientSettings.builder()
			.requireAuthorizationConsent(false)
			.setting(PERMISSIONS_SETTING, client.permissions());
		if (client.employeeId() != null && !client.employeeId().isBlank()) {
			clientSettings.setting(EMPLOYEE_ID_SETTING, client.employeeId());
		}
		return RegisteredClient.withId(client.clientId())
			.clientId(client.clientId())
			.clientSecret(encoded(client.secret()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((scopes) -> scopes.addAll(client.scopes()))
			.clientSettings(clientSettings.build())
			.tokenSettings(tokenSettings)
			.build();
	}

	/**
	 * Plain secrets get the {@code {noop}} prefix; already encoded ones (any {@code {id}}
	 * prefix the delegating password encoder knows) stay as they are.
	 */
	static String encoded(String secret) {
		return ENCODED_SECRET.matcher(secret).matches() ? secret : "{noop}" + secret;
	}

}
