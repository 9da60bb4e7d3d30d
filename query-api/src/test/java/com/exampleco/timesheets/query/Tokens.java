package com.exampleco.timesheets.query;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/** MockMvc authentication as api-security would produce it from a real token. */
final class Tokens {

	/** api-security's default employee claim. */
	static final String EMPLOYEE_CLAIM = "https://timesheets.exampleco.com/employee_id";

	private Tokens() {
	}

	/**
	 * A machine client's token (no employee claim).
	 * @param scopes its scopes
	 * @return the post-processor
	 */
	static RequestPostProcessor machine(String... scopes) {
		return client("contractor-app", scopes);
	}

	/**
	 * A machine client's token (no employee claim) of a given client, in the shape of
	 * Spring Authorization Server ({@code sub = azp}).
	 * @param clientId the client
	 * @param scopes its scopes
	 * @return the post-processor
	 */
	static RequestPostProcessor client(String clientId, String... scopes) {
		return jwt().jwt((jwt) -> jwt.subject(clientId).claim("azp", clientId)).authorities(authorities(scopes));
	}

	/**
	 * An employee-bound token.
	 * @param employeeId the employee claim
	 * @param scopes its scopes
	 * @return the post-processor
	 */
	static RequestPostProcessor employee(String employeeId, String... scopes) {
		return employeeOf("contractor-app", employeeId, scopes);
	}

	/**
	 * An employee-bound token obtained by a given client.
	 * @param clientId the client ({@code azp})
	 * @param employeeId the employee claim
	 * @param scopes its scopes
	 * @return the post-processor
	 */
	static RequestPostProcessor employeeOf(String clientId, String employeeId, String... scopes) {
		return jwt()
			.jwt((jwt) -> jwt.subject("auth0|" + employeeId).claim("azp", clientId).claim(EMPLOYEE_CLAIM, employeeId))
			.authorities(authorities(scopes));
	}

	private static Set<GrantedAuthority> authorities(String... scopes) {
		return Stream.of(scopes)
			.map((scope) -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + scope))
			.collect(Collectors.toSet());
	}

}
