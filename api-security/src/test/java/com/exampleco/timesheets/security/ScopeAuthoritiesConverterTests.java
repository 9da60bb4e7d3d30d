package com.exampleco.timesheets.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScopeAuthoritiesConverterTests {

	private final ScopeAuthoritiesConverter converter = new ScopeAuthoritiesConverter(
			ApiSecurityProperties.PermissionsClaim.WHEN_NO_SCOPE);

	@Test
	void readsSpaceSeparatedScope() {
		assertThat(authorities(jwt().claim("scope", " read:timesheets  create:timesheets ")))
			.containsExactly("SCOPE_read:timesheets", "SCOPE_create:timesheets");
	}

	@Test
	void readsScpArray() {
		assertThat(authorities(jwt().claim("scp", List.of("read:timesheets", "approve:timesheets"))))
			.containsExactly("SCOPE_read:timesheets", "SCOPE_approve:timesheets");
	}

	@Test
	void scopeAloneDecidesWhenPermissionsAreWider() {
		Jwt.Builder jwt = jwt().claim("scope", "read:timesheets")
			.claim("permissions", List.of("read:timesheets", "approve:timesheets", "delete:timesheets"));

		assertThat(authorities(jwt)).containsExactly("SCOPE_read:timesheets");
	}

	@Test
	void scpAloneDecidesWhenPermissionsAreWider() {
		Jwt.Builder jwt = jwt().claim("scp", List.of("read:timesheets"))
			.claim("permissions", List.of("delete:timesheets"));

		assertThat(authorities(jwt)).containsExactly("SCOPE_read:timesheets");
	}

	@Test
	void anEmptyScopeStillDecides() {
		assertThat(authorities(jwt().claim("scope", "").claim("permissions", List.of("delete:timesheets")))).isEmpty();
	}

	@Test
	void readsPermissionsOnlyWithoutScopeAndScp() {
		Jwt.Builder jwt = jwt().claim("permissions",
				List.of("read:timesheets", "delete:timesheets", "read:timesheets"));

		assertThat(authorities(jwt)).containsExactly("SCOPE_read:timesheets", "SCOPE_delete:timesheets");
	}

	@Test
	void ignoresPermissionsWhenConfiguredTo() {
		ScopeAuthoritiesConverter ignoring = new ScopeAuthoritiesConverter(
				ApiSecurityProperties.PermissionsClaim.IGNORE);

		assertThat(ignoring.convert(jwt().claim("permissions", List.of("read:timesheets")).build())).isEmpty();
	}

	static List<Arguments> malformedScopeClaims() {
		return List.of(Arguments.of("scope as an array", Map.of("scope", List.of("read:timesheets"))),
				Arguments.of("scope as a number", Map.of("scope", 42)),
				Arguments.of("scope with a tab", Map.of("scope", "read:timesheets\tdelete:timesheets")),
				Arguments.of("scope with a newline", Map.of("scope", "read:timesheets\ndelete:timesheets")),
				Arguments.of("scope with a quote", Map.of("scope", "read:\"timesheets")),
				Arguments.of("scp as a string", Map.of("scp", "read:timesheets")),
				Arguments.of("scp element with a space", Map.of("scp", List.of("read:timesheets approve:timesheets"))),
				Arguments.of("scp element a number", Map.of("scp", List.of("read:timesheets", 7))),
				Arguments.of("scp element empty", Map.of("scp", List.of(""))),
				Arguments.of("scope and scp together",
						Map.of("scope", "read:timesheets", "scp", List.of("read:timesheets"))),
				Arguments.of("permissions as a string", Map.of("permissions", "read:timesheets")),
				Arguments.of("permissions element with a space",
						Map.of("permissions", List.of("read:timesheets approve:timesheets"))),
				Arguments.of("permissions element an object", Map.of("permissions", List.of(Map.of("a", "b")))),
				Arguments.of("malformed permissions beside a good scope",
						Map.of("scope", "read:timesheets", "permissions", List.of(true))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedScopeClaims")
	void refusesMalformedScopeClaims(String name, Map<String, Object> claims) {
		Jwt token = jwt().claims((all) -> all.putAll(claims)).build();

		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(token))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token");
				assertThat(ex.getError().getDescription()).isEqualTo("The access token's scope claims are malformed");
			});
		assertThat(this.converter.validate(token).getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getDescription())
				.isEqualTo("The access token's scope claims are malformed"));
	}

	@Test
	void validatesWellFormedClaims() {
		assertThat(this.converter.validate(jwt().claim("scope", "read:timesheets").build()).hasErrors()).isFalse();
		assertThat(this.converter.validate(jwt().build()).hasErrors()).isFalse();
	}

	private static Jwt.Builder jwt() {
		return Jwt.withTokenValue("token").header("alg", "RS256").subject("someone");
	}

	private List<String> authorities(Jwt.Builder jwt) {
		return this.converter.convert(jwt.build()).stream().map(GrantedAuthority::getAuthority).toList();
	}

}
