package com.exampleco.timesheets.authserver;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.exampleco.timesheets.authserver.AuthServerProperties.App;

import com.exampleco.timesheets.authserver.AuthServerProperties.Client;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Turns configured {@link Client clients} and {@link App apps} into
 * {@link RegisteredClient registrations}. Clients: client-credentials grant only,
 * {@code client_secret_basic} or {@code client_secret_post}, self-contained (JWT) access
 * tokens. The employee id and the permissions flag travel as custom
 * {@link ClientSettings} so the token customizer reads them from the registration,
 * whatever repository holds it.
 */
final class ClientRegistrations {

	/** Client setting: the employee id the client acts as (a String, optional). */
	static final String EMPLOYEE_ID_SETTING = "timesheets.client.employee-id";

	/** Client setting: the {@code aud} of the client's tokens (a String, optional). */
	static final String AUDIENCE_SETTING = "timesheets.client.audience";

	/** Client setting: whether tokens carry a {@code permissions} claim (a Boolean). */
	static final String PERMISSIONS_SETTING = "timesheets.client.permissions";

	private static final Pattern ENCODED_SECRET = Pattern.compile("^\\{[^}]+}.*");

	private ClientRegistrations() {
	}

	static List<RegisteredClient> from(AuthServerProperties properties) {
		TokenSettings appTokenSettings = TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(properties.accessTokenTtl())
			.refreshTokenTimeToLive(properties.refreshTokenTtl())
			.reuseRefreshTokens(false)
			.build();
		return Stream.concat(
				properties.clients()
					.values()
					.stream()
					.map((client) -> registration(client,
							TokenSettings.builder()
								.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
								.accessTokenTimeToLive((client.accessTokenTtl() != null) ? client.accessTokenTtl()
										: properties.accessTokenTtl())
								.build())),
				properties.apps().values().stream().map((app) -> registration(app, appTokenSettings)))
			.toList();
	}

	/**
	 * An app that signs people in: authorization code with PKCE required (Spring
	 * Authorization Server accepts only {@code S256}); a confidential app authenticates
	 * with its secret and gets refresh tokens (rotated on every use), a public one
	 * authenticates with nothing but PKCE and gets none.
	 */
	private static RegisteredClient registration(App app, TokenSettings tokenSettings) {
		RegisteredClient.Builder registration = RegisteredClient.withId(app.clientId())
			.clientId(app.clientId())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris((uris) -> uris.addAll(app.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(app.postLogoutRedirectUris()))
			.scopes((scopes) -> scopes.addAll(app.scopes()))
			.clientSettings(
					ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(app.consent()).build())
			.tokenSettings(tokenSettings);
		if (app.isPublic()) {
			registration.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		else {
			registration.clientSecret(encoded(app.secret()))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
		}
		return registration.build();
	}

	private static RegisteredClient registration(Client client, TokenSettings tokenSettings) {
		ClientSettings.Builder clientSettings = ClientSettings.builder()
			.requireAuthorizationConsent(false)
			.setting(PERMISSIONS_SETTING, client.permissions());
		if (client.employeeId() != null && !client.employeeId().isBlank()) {
			clientSettings.setting(EMPLOYEE_ID_SETTING, client.employeeId());
		}
		if (client.audience() != null && !client.audience().isBlank()) {
			clientSettings.setting(AUDIENCE_SETTING, client.audience());
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
