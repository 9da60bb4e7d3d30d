package com.exampleco.timesheets.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeAuthoritiesConverterTests {

	private final ScopeAuthoritiesConverter converter = new ScopeAuthoritiesConverter();

	@Test
	void readsSpaceSeparatedScope() {
		assertThat(authorities(jwt().claim("scope", " read:timesheets  create:timesheets ")))
			.containsExactly("SCOPE_read:timesheets", "SCOPE_create:timesheets");
	}

	@Test
	void readsScpAsStringOrList() {
		assertThat(authorities(jwt().claim("scp", "read:timesheets"))).containsExactly("SCOPE_read:timesheets");
		assertThat(authorities(jwt().claim("scp", List.of("read:timesheets", "approve:timesheets"))))
			.containsExactly("SCOPE_read:timesheets", "SCOPE_approve:timesheets");
	}

	@Test
	void readsPermissionsAndDeduplicates() {
		Jwt.Builder jwt = jwt().claim("scope", "read:timesheets")
			.claim("permissions", List.of("read:timesheets", "delete:timesheets"));

		assertThat(authorities(jwt)).containsExactly("SCOPE_read:timesheets", "SCOPE_delete:timesheets");
	}

	@Test
	void ignoresOtherShapes() {
		assertThat(authorities(jwt().claim("scope", 42).claim("permissions", true))).isEmpty();
	}

	private static Jwt.Builder jwt() {
		return Jwt.withTokenValue("token").header("alg", "RS256").subject("someone");
	}

	private List<String> authorities(Jwt.Builder jwt) {
		return this.converter.convert(jwt.build()).stream().map(GrantedAuthority::getAuthority).toList();
	}

}
