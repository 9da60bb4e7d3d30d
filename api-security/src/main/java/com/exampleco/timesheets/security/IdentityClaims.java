package com.exampleco.timesheets.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.exampleco.timesheets.events.EmployeeIds;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who a token stands for, decided strictly (fail closed). Used twice with the same
 * verdict: as a validator of the decoder (so a bad token is a 401 before any controller
 * runs, on every route) and by {@link CallerResolver}.
 * <ul>
 * <li>The employee claim, when present, must be a JSON string matching the employee-id
 * rule ({@link EmployeeIds}); blank, whitespace, numbers, arrays, objects, {@code null}
 * and over-long values are refused. The caller then acts for that employee, in canonical
 * (upper-case) form.</li>
 * <li>Without the employee claim the token must be a client-credentials token: its
 * {@code sub} names the client itself, {@code sub = azp} (or {@code client_id}), as the
 * project's auth-server and Spring Authorization Server issue them, or
 * {@code sub = <client id>@clients} as Auth0 does; and {@code gty}, when present, is
 * {@code client-credentials}. Anything else (a user's token, say {@code sub =
 * auth0|…}, or {@code gty = password}) is refused: no employee claim does not mean "no
 * restriction" unless the token is a machine client's.</li>
 * <li>The team claim (a manager's team), when present, must be a JSON array of at most
 * {@value #MAX_TEAM} strings, each matching the employee-id rule (duplicates are
 * harmless); a string, number, object, {@code null}, or a blank or invalid member refuses
 * the token. A team claim without an employee claim refuses the token too: only an
 * employee manages a team.</li>
 * <li>{@code azp} and {@code client_id}, when present, must be non-blank strings.</li>
 * </ul>
 */
final class IdentityClaims {

	static final String AUTHORIZED_PARTY = "azp";

	static final String CLIENT_ID = "client_id";

	static final String GRANT_TYPE = "gty";

	static final String CLIENT_CREDENTIALS = "client-credentials";

	static final String AUTH0_CLIENT_SUFFIX = "@clients";

	/** The most members a team claim may list; a longer one is refused, not truncated. */
	static final int MAX_TEAM = 1000;

	private IdentityClaims() {
	}

	/**
	 * The verdict on a token's identity claims.
	 * @param jwt a token whose signature and standard claims were checked
	 * @param employeeClaim the name of the employee claim
	 * @param teamClaim the name of the team claim
	 * @return the caller, or the refusal
	 */
	static Verdict read(Jwt jwt, String employeeClaim, String teamClaim) {
		Map<String, Object> claims = jwt.getClaims();
		String subject = jwt.getSubject();
		if (subject == null || subject.isBlank()) {
			return Verdict.refused(TokenRefusal.NOT_ACCEPTED);
		}
		Object azp = claims.get(AUTHORIZED_PARTY);
		Object clientIdClaim = claims.get(CLIENT_ID);
		if (!isAbsentOrText(claims, AUTHORIZED_PARTY, azp) || !isAbsentOrText(claims, CLIENT_ID, clientIdClaim)) {
			return Verdict.refused(TokenRefusal.NO_IDENTITY);
		}
		String client = (azp != null) ? (String) azp : (String) clientIdClaim;
		String clientId = (client != null) ? client : subject;
		if (claims.containsKey(employeeClaim)) {
			if (!(claims.get(employeeClaim) instanceof String employee) || !EmployeeIds.isValid(employee)) {
				return Verdict.refused(TokenRefusal.EMPLOYEE_CLAIM);
			}
			List<String> team = claims.containsKey(teamClaim) ? team(claims.get(teamClaim)) : List.of();
			if (team == null) {
				return Verdict.refused(TokenRefusal.TEAM_CLAIM);
			}
			return Verdict
				.of(new Caller(clientId, subject, Optional.of(EmployeeIds.canonical(employee)), Set.copyOf(team)));
		}
		if (claims.containsKey(teamClaim)) {
			return Verdict.refused(TokenRefusal.TEAM_CLAIM);
		}
		if (client == null || !namesTheClient(subject, client) || !isClientCredentialsGrant(claims)) {
			return Verdict.refused(TokenRefusal.NO_IDENTITY);
		}
		return Verdict.of(new Caller(clientId, subject, Optional.empty()));
	}

	/** The team's members, or null when the claim is not in its strict shape. */
	private static @Nullable List<String> team(@Nullable Object claim) {
		if (!(claim instanceof Collection<?> members) || members.size() > MAX_TEAM) {
			return null;
		}
		List<String> team = new ArrayList<>(members.size());
		for (Object member : members) {
			if (!(member instanceof String id) || !EmployeeIds.isValid(id)) {
				return null;
			}
			team.add(id);
		}
		return team;
	}

	private static boolean isAbsentOrText(Map<String, Object> claims, String name, @Nullable Object value) {
		if (!claims.containsKey(name)) {
			return true;
		}
		return value instanceof String text && !text.isBlank();
	}

	private static boolean namesTheClient(String subject, String clientId) {
		return subject.equals(clientId) || subject.equals(clientId + AUTH0_CLIENT_SUFFIX);
	}

	private static boolean isClientCredentialsGrant(Map<String, Object> claims) {
		return !claims.containsKey(GRANT_TYPE) || CLIENT_CREDENTIALS.equals(claims.get(GRANT_TYPE));
	}

	/**
	 * A caller, or why there is none.
	 *
	 * @param caller the caller, null when refused
	 * @param refusal the refusal, null when accepted
	 */
	record Verdict(@Nullable Caller caller, @Nullable TokenRefusal refusal) {

		static Verdict of(Caller caller) {
			return new Verdict(caller, null);
		}

		static Verdict refused(TokenRefusal refusal) {
			return new Verdict(null, refusal);
		}

	}

}
