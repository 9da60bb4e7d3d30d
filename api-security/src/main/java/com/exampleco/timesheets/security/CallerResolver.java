package com.exampleco.timesheets.security;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * Derives the {@link Caller} from a validated token, reading the employee id from the
 * claim named by {@code timesheets.security.employee-claim}. Available as a bean;
 * controllers can also declare a {@code Caller} parameter directly.
 */
public final class CallerResolver {

	private final String employeeClaim;

	/**
	 * Creates a resolver.
	 * @param employeeClaim the name of the employee claim
	 */
	public CallerResolver(String employeeClaim) {
		this.employeeClaim = employeeClaim;
	}

	/**
	 * The caller a validated token stands for.
	 * @param jwt a token that passed validation (so it has a {@code sub})
	 * @return the caller, never null
	 */
	public Caller resolve(Jwt jwt) {
		String subject = jwt.getSubject();
		String clientId = firstText(jwt.getClaimAsString("azp"), jwt.getClaimAsString("client_id"), subject);
		Object employee = jwt.getClaims().get(this.employeeClaim);
		Optional<String> employeeId = Optional.ofNullable(employee).map(Object::toString).filter(StringUtils::hasText);
		return new Caller(clientId, subject, employeeId);
	}

	/**
	 * The caller behind an authentication made from a JWT.
	 * @param authentication the current authentication
	 * @return the caller, never null
	 * @throws AuthenticationCredentialsNotFoundException when the authentication is not a
	 * JWT bearer authentication (answered 401 by the entry point)
	 */
	public Caller resolve(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken token) {
			return resolve(token.getToken());
		}
		throw new AuthenticationCredentialsNotFoundException("A bearer access token is required");
	}

	private static String firstText(@Nullable String... candidates) {
		for (String candidate : candidates) {
			if (StringUtils.hasText(candidate)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("The token has neither azp, client_id nor sub");
	}

}
