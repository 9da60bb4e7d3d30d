package com.exampleco.timesheets.authserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.exampleco.timesheets.authserver.AuthServerProperties.User;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes tokens like Auth0's. Access tokens: {@code aud} is the API identifier (not the
 * client id; a client configured with an audience of its own, such as a Kafka client,
 * gets that one instead), {@code azp} is the client id, {@code scope} is one
 * space-separated string (Spring Authorization Server would write a JSON array). A
 * machine's token (client credentials) carries the employee claim and the
 * {@code permissions} array of the clients configured to carry them. A person's token
 * (authorization code, refresh) carries {@code sub} = the person, their employee claim,
 * for a manager the team claim, and {@code aud} as an array with the issuer's user-info
 * URL when {@code openid} was granted, as Auth0's user tokens have. ID tokens carry the
 * employee and team claims too, for the app's pages.
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String AUTHORIZED_PARTY = "azp";

	static final String PERMISSIONS = "permissions";

	private final String audience;

	private final String employeeClaim;

	private final String teamClaim;

	private final People people;

	AccessTokenClaims(String audience, String employeeClaim, String teamClaim, People people) {
		this.audience = audience;
		this.employeeClaim = employeeClaim;
		this.teamClaim = teamClaim;
		this.people = people;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean person = !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			accessToken(context, person);
		}
		else if (person && OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			personClaims(context);
		}
	}

	private void accessToken(JwtEncodingContext context, boolean person) {
		RegisteredClient client = context.getRegisteredClient();
		Set<String> scopes = new TreeSet<>(context.getAuthorizedScopes());
		JwtClaimsSet.Builder claims = context.getClaims();
		String clientAudience = client.getClientSettings().getSetting(ClientRegistrations.AUDIENCE_SETTING);
		List<String> audiences = new ArrayList<>(List.of((clientAudience != null) ? clientAudience : this.audience));
		if (person && scopes.contains("openid")) {
			audiences.add(context.getAuthorizationServerContext().getIssuer() + "/userinfo");
		}
		claims.audience(audiences);
		claims.claim(AUTHORIZED_PARTY, client.getClientId());
		if (scopes.isEmpty()) {
			claims.claims((all) -> all.remove(OAuth2ParameterNames.SCOPE));
		}
		else {
			claims.claim(OAuth2ParameterNames.SCOPE, String.join(" ", scopes));
		}
		if (person) {
			personClaims(context);
			return;
		}
		String employeeId = client.getClientSettings().getSetting(ClientRegistrations.EMPLOYEE_ID_SETTING);
		if (employeeId != null) {
			claims.claim(this.employeeClaim, employeeId);
		}
		if (Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientRegistrations.PERMISSIONS_SETTING))) {
			claims.claim(PERMISSIONS, List.copyOf(scopes));
		}
	}

	/**
	 * The person's employee and team claims. A person no longer configured (a refresh
	 * after their removal) gets neither, so the APIs refuse the token (fail closed).
	 */
	private void personClaims(JwtEncodingContext context) {
		User user = this.people.find(context.getPrincipal().getName()).orElse(null);
		if (user == null) {
			return;
		}
		context.getClaims().claim(this.employeeClaim, user.employeeId());
		if (!user.team().isEmpty()) {
			context.getClaims().claim(this.teamClaim, List.copyOf(new TreeSet<>(user.team())));
		}
	}

}
