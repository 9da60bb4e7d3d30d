package com.exampleco.timesheets.authserver;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes access tokens like Auth0's: {@code aud} is the API identifier (not the client
 * id), {@code azp} is the client id, {@code scope} is one space-separated string (Spring
 * Authorization Server would write a JSON array), plus the employee claim and the
 * {@code permissions} array for the clients configured to carry them.
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String AUTHORIZED_PARTY = "azp";

	static final String PERMISSIONS = "permissions";

	private final String audience;

	private final String employeeClaim;

	AccessTokenClaims(String audience, String employeeClaim) {
		this.audience = audience;
		this.employeeClaim = employeeClaim;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		RegisteredClient client = context.getRegisteredClient();
		Set<String> scopes = new TreeSet<>(context.getAuthorizedScopes());
		JwtClaimsSet.Builder claims = context.getClaims();
		claims.audience(List.of(this.audience));
		claims.claim(AUTHORIZED_PARTY, client.getClientId());
		if (scopes.isEmpty()) {
			claims.claims((all) -> all.remove(OAuth2ParameterNames.SCOPE));
		}
		else {
			claims.claim(OAuth2ParameterNames.SCOPE, String.join(" ", scopes));
		}
		String employeeId = client.getClientSettings().getSetting(ClientRegistrations.EMPLOYEE_ID_SETTING);
		if (employeeId != null) {
			claims.claim(this.employeeClaim, employeeId);
		}
		if (Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientRegistrations.PERMISSIONS_SETTING))) {
			claims.claim(PERMISSIONS, List.copyOf(scopes));
		}
	}

}
