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

	private void assertRefused(UnaryOperator<Jwt.Builder> shape, String description) {
		Jwt token = shape.apply(machine()).build();
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.resolver.resolve(token))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token");
				assertThat(ex.getError().getDescription()).isEqualTo(description);
			});
	}

	/** A client-credentials token of client {@code uploader}, Auth0's shape. */
	private static Jwt.Builder machine() {
		return jwt().subject("uploader@clients").claim("azp", "uploader").claim("gty", "client-credentials");
	}

	private static Jwt.Builder jwt() {
		return Jwt.withTokenValue("token").header("alg", "RS256");
	}

}
