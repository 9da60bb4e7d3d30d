package com.exampleco.timesheets.webapp.person;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as the ID token says: login name, employee id, the team a manager
 * approves for, and the API scopes the issuer granted. Only for showing pages and
 * choosing what to ask; the APIs enforce the rules on the access token themselves.
 *
 * @param name the login name (the token's {@code sub}), never null
 * @param employeeId the employee id in upper case, empty when the ID token has none
 * @param team employee ids this person approves for (upper case), empty unless a manager
 * @param scopes API scopes granted to the app (not {@code openid}, {@code profile}),
 * never null
 * @param app the app (client registration id) the person signed in to
 */
public record Person(String name, String employeeId, List<String> team, Set<String> scopes, String app) {

	/** Scopes of the sign-in itself, not of the APIs. */
	private static final Set<String> OIDC_SCOPES = Set.of("SCOPE_openid", "SCOPE_profile", "SCOPE_email",
			"SCOPE_offline_access");

	/** Authority of a person whose ID token names a team (a manager). */
	public static final String MANAGER = "ROLE_MANAGER";

	/**
	 * @return whether this person manages a team and may approve (scope granted)
	 */
	public boolean manager() {
		return !this.team.isEmpty() && this.scopes.contains("approve:timesheets");
	}

	/**
	 * @return whether the app may create entries on this person's behalf
	 */
	public boolean mayCreate() {
		return this.scopes.contains("create:timesheets");
	}

	/**
	 * Reads the person from a sign-in.
	 * @param token the authentication of {@code oauth2Login}, never null
	 * @param employeeClaim name of the employee claim
	 * @param teamClaim name of the team claim
	 * @return the person, never null
	 */
	public static Person of(OAuth2AuthenticationToken token, String employeeClaim, String teamClaim) {
		OidcUser user = (OidcUser) token.getPrincipal();
		String employeeId = (user.getClaim(employeeClaim) instanceof String id) ? id.toUpperCase(Locale.ROOT) : "";
		Set<String> scopes = new TreeSet<>();
		for (GrantedAuthority authority : token.getAuthorities()) {
			if (authority.getAuthority().startsWith("SCOPE_") && !OIDC_SCOPES.contains(authority.getAuthority())) {
				scopes.add(authority.getAuthority().substring("SCOPE_".length()));
			}
		}
		return new Person(user.getSubject(), employeeId, teamOf(user.getClaim(teamClaim)), Set.copyOf(scopes),
				token.getAuthorizedClientRegistrationId());
	}

	/**
	 * The team claim as a list: a JSON array of employee ids (as the issuer sends it), or
	 * one comma-separated string.
	 * @param claim the claim's value, may be null
	 * @return upper-case employee ids, never null
	 */
	public static List<String> teamOf(Object claim) {
		Collection<?> values = List.of();
		if (claim instanceof Collection<?> list) {
			values = list;
		}
		else if (claim instanceof String text) {
			values = List.of(text.split(","));
		}
		return values.stream()
			.filter(String.class::isInstance)
			.map((value) -> ((String) value).strip().toUpperCase(Locale.ROOT))
			.filter((value) -> !value.isEmpty())
			.distinct()
			.toList();
	}

}
