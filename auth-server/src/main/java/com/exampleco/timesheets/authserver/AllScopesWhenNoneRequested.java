package com.exampleco.timesheets.authserver;

import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads client-credentials token requests like Spring Authorization Server does, except
 * that a request without {@code scope} is granted every scope of the client, as Auth0
 * grants every permission given to the client for the API. (Spring Authorization Server
 * alone would issue a token without any scope.)
 */
final class AllScopesWhenNoneRequested implements AuthenticationConverter {

	private final AuthenticationConverter delegate = new OAuth2ClientCredentialsAuthenticationConverter();

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		Authentication converted = this.delegate.convert(request);
		if (converted instanceof OAuth2ClientCredentialsAuthenticationToken tokenRequest
				&& tokenRequest.getScopes().isEmpty()
				&& tokenRequest.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			return new OAuth2ClientCredentialsAuthenticationToken(client,
					new TreeSet<>(client.getRegisteredClient().getScopes()), tokenRequest.getAdditionalParameters());
		}
		return converted;
	}

}
