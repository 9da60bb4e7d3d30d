package com.exampleco.timesheets.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallerResolverTests {

	static final String EMPLOYEE_CLAIM = "https://timesheets.exampleco.com/employee_id";

	static final String TEAM_CLAIM = "https://timesheets.exampleco.com/team";

	static final String TEAM_REFUSED = "The access token's team claim is not a list of employee ids";

	private final CallerResolver resolver = new CallerResolver(EMPLOYEE_CLAIM);

	@Test
	void prefersAzpAsClientId() {
		Caller caller = this.resolver.resolve(
				machine().claim("azp", "uploader").claim("client_id", "other").subject("uploader@clients").build());

		assertThat(caller).isEqualTo(new Caller("uploader", "uploader@clients", Optional.empty()));
		assertThat(caller.kind()).isEqualTo(Caller.Kind.MACHINE);
	}

	@Test
	void fallsBackToClientId() {
		Caller caller = this.resolver.resolve(jwt().subject("cron@clients").claim("client_id", "cron").build());

		assertThat(caller.clientId()).isEqualTo("cron");
		assertThat(caller.isMachine()).isTrue();
	}

	@Test
	void acceptsAuth0ClientCredentialsToken() {
		Caller caller = this.resolver
			.resolve(jwt().subject("AbC123@clients").claim("azp", "AbC123").claim("gty", "client-credentials").build());

		assertThat(caller.kind()).isEqualTo(Caller.Kind.MACHINE);
		assertThat(caller.clientId()).isEqualTo("AbC123");
	}

	@Test
	void acceptsSpringAuthorizationServerClientCredentialsToken() {
		Caller caller = this.resolver
			.resolve(jwt().subject("timesheets-uploader").claim("azp", "timesheets-uploader").build());

		assertThat(caller.isMachine()).isTrue();
		assertThat(caller.subject()).isEqualTo("timesheets-uploader");
	}

	@Test
	void readsEmployeeFromTheConfiguredClaimInCanonicalForm() {
		Caller caller = this.resolver.resolve(jwt().subject("auth0|42")
			.claim("azp", "portal")
			.claim(EMPLOYEE_CLAIM, "e-7")
			.claim("employee_id", "E-8")
			.build());

		assertThat(caller.employeeId()).contains("E-7");
		assertThat(caller.kind()).isEqualTo(Caller.Kind.EMPLOYEE);
		assertThat(caller.isEmployee()).isTrue();
	}

	@Test
	void canonicalizesEmployeeIdsMadeByHand() {
		assertThat(new Caller("c", "s", Optional.of("e1001")).employeeId()).contains("E1001");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new Caller("c", "s", Optional.of(" ")));
	}

	static List<Arguments> refusedEmployeeClaims() {
		return List.<Arguments>of(Arguments.of("empty", ""), Arguments.of("blank", " "), Arguments.of("tab", "\t"),
				Arguments.of("padded", " E1001 "), Arguments.of("number", 1234), Arguments.of("boolean", true),
				Arguments.of("array", List.of("E1001")), Arguments.of("object", Map.of("id", "E1001")),
				Arguments.of("oversized", "E".repeat(65)), Arguments.of("dot", "E.1001"),
				Arguments.of("non-ASCII letter", "É1001"), Arguments.of("NUL", "E1001\u0000"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedEmployeeClaims")
	void refusesMalformedEmployeeClaim(String name, Object value) {
		assertRefused((jwt) -> jwt.claim(EMPLOYEE_CLAIM, value),
				"The access token's employee claim is not a valid employee id");
	}

	@Test
	void acceptsEmployeeIdOfTheMaximumLength() {
		assertThat(this.resolver.resolve(machine().claim(EMPLOYEE_CLAIM, "e".repeat(64)).build()).employeeId())
			.contains("E".repeat(64));
	}

	static List<Arguments> refusedWithoutEmployeeClaim() {
		UnaryOperator<Jwt.Builder> userOfAuth0 = (jwt) -> jwt.subject("auth0|5f1c").claim("azp", "contractor-app");
		UnaryOperator<Jwt.Builder> userOfAuth0WithGty = (
				jwt) -> jwt.subject("auth0|5f1c").claim("azp", "contractor-app").claim("gty", "client-credentials");
		UnaryOperator<Jwt.Builder> passwordGrant = (
				jwt) -> jwt.subject("portal@clients").claim("azp", "portal").claim("gty", "password");
		UnaryOperator<Jwt.Builder> noClientId = (jwt) -> jwt.subject("uploader");
		UnaryOperator<Jwt.Builder> otherClientsName = (jwt) -> jwt.subject("other@clients").claim("azp", "uploader");
		UnaryOperator<Jwt.Builder> azpNotText = (jwt) -> jwt.subject("uploader").claim("azp", List.of("uploader"));
		UnaryOperator<Jwt.Builder> azpBlank = (jwt) -> jwt.subject(" ").claim("azp", " ");
		return List.of(Arguments.of("Auth0 user token", userOfAuth0),
				Arguments.of("user subject with gty client-credentials", userOfAuth0WithGty),
				Arguments.of("gty password", passwordGrant), Arguments.of("no azp nor client_id", noClientId),
				Arguments.of("sub names another client", otherClientsName), Arguments.of("azp an array", azpNotText),
				Arguments.of("azp blank", azpBlank));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedWithoutEmployeeClaim")
	void refusesTokenWithoutEmployeeClaimThatIsNoClientCredentialsToken(String name, UnaryOperator<Jwt.Builder> shape) {
		Jwt token = shape.apply(jwt()).build();

		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.resolver.resolve(token))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).startsWith("The access token "));
	}

	@Test
	void refusesUserTokenWithoutEmployeeClaimWithTheFixedText() {
		assertRefused((jwt) -> jwt.subject("auth0|5f1c").claim("azp", "contractor-app"),
				"The access token names neither an employee nor a client acting for itself");
	}

	@Test
	void readsManagersTeamInCanonicalFormWithoutDuplicates() {
		Caller caller = this.resolver.resolve(person().claim(TEAM_CLAIM, List.of("e1003", "E1001", "E1003")).build());

		assertThat(caller.employeeId()).contains("E1002");
		assertThat(caller.team()).containsExactly("E1001", "E1003");
		assertThat(caller.ownAndTeam()).containsExactly("E1001", "E1002", "E1003");
		assertThat(caller.isOwnOrTeam("e1001")).isTrue();
		assertThat(caller.isOwnOrTeam("E1002")).isTrue();
		assertThat(caller.isOwnOrTeam("E1004")).isFalse();
	}

	@Test
	void employeeWithoutTeamClaimHasNoTeam() {
		Caller caller = this.resolver.resolve(person().build());

		assertThat(caller.team()).isEmpty();
		assertThat(caller.ownAndTeam()).containsExactly("E1002");
		assertThat(caller.isOwnOrTeam("E1001")).isFalse();
	}

	@Test
	void readsTeamFromTheConfiguredClaim() {
		CallerResolver custom = new CallerResolver(EMPLOYEE_CLAIM, "team");

		Caller caller = custom.resolve(person().claim("team", List.of("E1001")).claim(TEAM_CLAIM, "ignored").build());

		assertThat(caller.team()).containsExactly("E1001");
	}

	@Test
	void acceptsTeamOfTheMaximumSizeOnly() {
		List<String> thousand = java.util.stream.IntStream.range(0, 1000).mapToObj((i) -> "E" + i).toList();
		assertThat(this.resolver.resolve(person().claim(TEAM_CLAIM, thousand).build()).team()).hasSize(1000);

		List<String> more = java.util.stream.IntStream.range(0, 1001).mapToObj((i) -> "E" + i).toList();
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.resolver.resolve(person().claim(TEAM_CLAIM, more).build()))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).isEqualTo(TEAM_REFUSED));
	}

	static List<Arguments> refusedTeamClaims() {
		return List.<Arguments>of(Arguments.of("string", "E1001"), Arguments.of("number", 1001),
				Arguments.of("object", Map.of("id", "E1001")), Arguments.of("boolean", true),
				Arguments.of("blank member", List.of("E1001", " ")), Arguments.of("empty member", List.of("")),
				Arguments.of("invalid member", List.of("E.1001")), Arguments.of("number member", List.of(1001)),
				Arguments.of("null member", java.util.Arrays.asList("E1001", null)),
				Arguments.of("nested array", List.of(List.of("E1001"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedTeamClaims")
	void refusesMalformedTeamClaim(String name, Object value) {
		Jwt token = person().claim(TEAM_CLAIM, value).build();

		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.resolver.resolve(token))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token");
				assertThat(ex.getError().getDescription()).isEqualTo(TEAM_REFUSED);
			});
	}

	@Test
	void refusesNullTeamClaim() {
		Map<String, Object> claims = new java.util.HashMap<>(person().build().getClaims());
		claims.put(TEAM_CLAIM, null);
		Jwt token = new Jwt("token", null, null, Map.of("alg", "RS256"), claims);

		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.resolver.resolve(token))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).isEqualTo(TEAM_REFUSED));
	}

	@Test
	void refusesTeamClaimWithoutEmployeeClaim() {
		assertRefused((jwt) -> jwt.claim(TEAM_CLAIM, List.of("E1001")), TEAM_REFUSED);
	}

	@Test
	void teamNeedsAnEmployee() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new Caller("c", "s", Optional.empty(), java.util.Set.of("E1001")));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new Caller("c", "s", Optional.of("E1"), java.util.Set.of("E 1")));
	}

	private void assertRefused(UnaryOperator<Jwt.Builder> shape, String description) {
		Jwt token = shape.apply(machine()).build();
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.resolver.resolve(token))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token");
				assertThat(ex.getError().getDescription()).isEqualTo(description);
			});
	}

	/** A person's token as the auth server issues it: maria (E1002) via the web app. */
	private static Jwt.Builder person() {
		return jwt().subject("maria").claim("azp", "timesheets-web").claim(EMPLOYEE_CLAIM, "E1002");
	}

	/** A client-credentials token of client {@code uploader}, Auth0's shape. */
	private static Jwt.Builder machine() {
		return jwt().subject("uploader@clients").claim("azp", "uploader").claim("gty", "client-credentials");
	}

	private static Jwt.Builder jwt() {
		return Jwt.withTokenValue("token").header("alg", "RS256");
	}

}
