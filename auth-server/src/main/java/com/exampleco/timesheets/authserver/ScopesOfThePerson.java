package com.exampleco.timesheets.authserver;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads authorization requests like Spring Authorization Server does, then narrows the
 * requested scopes to what the signed-in person holds ({@link People#narrow}), as Auth0
 * does for an API with RBAC: an employee's web-app session never carries
 * {@code approve:timesheets}, whatever the app asked for. The narrowed scopes are what
 * the consent screen shows, what is stored with the authorization and what the token
 * response and the token say. Before sign-in (no person yet) the request passes
 * unchanged; it is read again after sign-in.
 */
final class ScopesOfThePerson implements AuthenticationConverter {

	private final AuthenticationConverter delegate = new OAuth2AuthorizationCodeRequestAuthenticationConverter();

	private final People people;

	ScopesOfThePerson(People people) {
		this.people = people;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		Authentication converted = this.delegate.convert(request);
		if (converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest
				&& authorizationRequest.getPrincipal() instanceof Authentication person && person.isAuthenticated()
				&& !(person instanceof AnonymousAuthenticationToken)) {
			return new OAuth2AuthorizationCodeRequestAuthenticationToken(authorizationRequest.getAuthorizationUri(),
					authorizationRequest.getClientId(), person, authorizationRequest.getRedirectUri(),
					authorizationRequest.getState(),
					this.people.narrow(person.getName(), authorizationRequest.getScopes()),
					authorizationRequest.getAdditionalParameters());
		}
		return converted;
	}

}
