package com.exampleco.timesheets.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Derives the {@link Caller} from a validated token, reading the employee id from the
 * claim named by {@code timesheets.security.employee-claim} and a manager's team from
 * {@code timesheets.security.team-claim}, with the same strict rules as the decoder's
 * identity check ({@link IdentityClaims}): a malformed employee claim, or a token that
 * names neither an employee nor its own client, is refused with {@code invalid_token}.
 * The decoder already refused such tokens; checking again here keeps the rule when a
 * token reached the app another way (an app's own decoder, a test's {@code jwt()}).
 * Available as a bean; controllers can also declare a {@code Caller} parameter directly.
 */
public final class CallerResolver {

	private final String employeeClaim;

	private final String teamClaim;

	/**
	 * Creates a resolver with the default team claim
	 * ({@link ApiSecurityProperties#DEFAULT_TEAM_CLAIM}).
	 * @param employeeClaim the name of the employee claim
	 */
	public CallerResolver(String employeeClaim) {
		this(employeeClaim, ApiSecurityProperties.DEFAULT_TEAM_CLAIM);
	}

	/**
	 * Creates a resolver.
	 * @param employeeClaim the name of the employee claim
	 * @param teamClaim the name of the team claim (a manager's team)
	 */
	public CallerResolver(String employeeClaim, String teamClaim) {
		this.employeeClaim = employeeClaim;
		this.teamClaim = teamClaim;
	}

	/**
	 * The caller a validated token stands for.
	 * @param jwt a token that passed validation (so it has a {@code sub})
	 * @return the caller, never null
	 * @throws OAuth2AuthenticationException ({@code invalid_token}) when the identity
	 * claims are not acceptable
	 */
	public Caller resolve(Jwt jwt) {
		IdentityClaims.Verdict verdict = IdentityClaims.read(jwt, this.employeeClaim, this.teamClaim);
		if (verdict.caller() == null) {
			TokenRefusal refusal = (verdict.refusal() != null) ? verdict.refusal() : TokenRefusal.NOT_ACCEPTED;
			throw new OAuth2AuthenticationException(refusal.error());
		}
		return verdict.caller();
	}

	/**
	 * The caller behind an authentication made from a JWT.
	 * @param authentication the current authentication
	 * @return the caller, never null
	 * @throws AuthenticationCredentialsNotFoundException when the authentication is not a
	 * JWT bearer authentication (answered 401 by the entry point)
	 * @throws OAuth2AuthenticationException ({@code invalid_token}) when the identity
	 * claims are not acceptable
	 */
	public Caller resolve(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken token) {
			return resolve(token.getToken());
		}
		throw new AuthenticationCredentialsNotFoundException("A bearer access token is required");
	}

}
