package com.exampleco.timesheets.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns {@code scope} (space separated), {@code scp} (string or array) and Auth0's
 * {@code permissions} (array) into {@code SCOPE_x} authorities, de-duplicated, in claim
 * order. Other claim shapes are ignored, never an error.
 */
final class ScopeAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

	static final String PREFIX = "SCOPE_";

	private static final List<String> CLAIMS = List.of("scope", "scp", "permissions");

	// compiled once: String.split("\\s+") compiles the pattern on every call
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		Set<String> scopes = new LinkedHashSet<>();
		for (String claim : CLAIMS) {
			addScopes(jwt.getClaims().get(claim), scopes);
		}
		return scopes.stream().<GrantedAuthority>map((scope) -> new SimpleGrantedAuthority(PREFIX + scope)).toList();
	}

	private static void addScopes(Object value, Set<String> scopes) {
		if (value instanceof String text) {
			for (String scope : WHITESPACE.split(text.trim())) {
				if (!scope.isEmpty()) {
					scopes.add(scope);
				}
			}
		}
		else if (value instanceof Collection<?> values) {
			values.forEach((element) -> addScopes(element, scopes));
		}
	}

}
