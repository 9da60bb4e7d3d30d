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

	/** api-security's default team claim. */
	static final String TEAM_CLAIM = "https://timesheets.exampleco.com/team";

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

	/**
	 * A person's token as the auth server issues it through the web app: {@code sub} =
	 * the login, {@code azp} = {@code timesheets-web}, the employee claim and, for a
	 * manager, the team claim.
	 * @param login the login
	 * @param employeeId the employee claim
	 * @param team the team claim's members, none for a person without a team
	 * @return the post-processor, with {@code read:timesheets}
	 */
	static RequestPostProcessor person(String login, String employeeId, String... team) {
		return jwt().jwt((jwt) -> {
			jwt.subject(login).claim("azp", "timesheets-web").claim(EMPLOYEE_CLAIM, employeeId);
			if (team.length > 0) {
				jwt.claim(TEAM_CLAIM, java.util.List.of(team));
			}
		}).authorities(authorities("read:timesheets"));
	}

}
