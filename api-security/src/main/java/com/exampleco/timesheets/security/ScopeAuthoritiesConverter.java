package com.exampleco.timesheets.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a token's scopes into {@code SCOPE_x} authorities, least privilege first:
 * <ul>
 * <li>When {@code scope} or {@code scp} is present, it alone decides; Auth0's
 * {@code permissions} is ignored (with RBAC it lists everything the user or client may
 * do, whatever the token was requested for).</li>
 * <li>{@code permissions} counts only when neither is present, and only with
 * {@link ApiSecurityProperties.PermissionsClaim#WHEN_NO_SCOPE} (the default).</li>
 * <li>Strict shapes: {@code scope} a string of scope tokens separated by spaces;
 * {@code scp} and {@code permissions} JSON arrays whose every element is one scope token
 * (RFC 6749 section 3.3 characters, so no whitespace inside an element). {@code scope}
 * and {@code scp} together, or any other shape, is {@code invalid_token}: as a validator
 * of the decoder ({@link #validate}) and here again, so an app's own decoder cannot make
 * a malformed claim grant anything.</li>
 * </ul>
 * Authorities are de-duplicated, in claim order.
 */
final class ScopeAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

	static final String PREFIX = "SCOPE_";

	static final String SCOPE = "scope";

	static final String SCP = "scp";

	static final String PERMISSIONS = "permissions";

	// RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
	private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

	// compiled once: String.split(" +") compiles the pattern on every call
	private static final Pattern SPACES = Pattern.compile(" +");

	private final ApiSecurityProperties.PermissionsClaim permissionsClaim;

	ScopeAuthoritiesConverter(ApiSecurityProperties.PermissionsClaim permissionsClaim) {
		this.permissionsClaim = permissionsClaim;
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		Set<String> scopes = scopes(jwt.getClaims());
		if (scopes == null) {
			throw new OAuth2AuthenticationException(TokenRefusal.SCOPE_CLAIMS.error());
		}
		return scopes.stream().<GrantedAuthority>map((scope) -> new SimpleGrantedAuthority(PREFIX + scope)).toList();
	}

	/**
	 * The decoder's check of the scope claims' shapes.
	 * @param jwt the token
	 * @return success, or {@code invalid_token} with the fixed description
	 */
	OAuth2TokenValidatorResult validate(Jwt jwt) {
		return (scopes(jwt.getClaims()) != null) ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(TokenRefusal.SCOPE_CLAIMS.error());
	}

	/**
	 * The scopes a token grants.
	 * @param claims the token's claims
	 * @return the scopes in claim order, or null when a scope claim is malformed
	 */
	@Nullable Set<String> scopes(Map<String, Object> claims) {
		boolean hasScope = claims.containsKey(SCOPE);
		boolean hasScp = claims.containsKey(SCP);
		Set<String> scopes = new LinkedHashSet<>();
		// permissions must be well formed even when it does not count: a malformed claim
		// is a malformed token
		boolean permissionsWellFormed = !claims.containsKey(PERMISSIONS)
				|| addArray(claims.get(PERMISSIONS), new LinkedHashSet<>());
		if (!permissionsWellFormed || (hasScope && hasScp)) {
			return null;
		}
		if (hasScope) {
			return addString(claims.get(SCOPE), scopes) ? scopes : null;
		}
		if (hasScp) {
			return addArray(claims.get(SCP), scopes) ? scopes : null;
		}
		if (claims.containsKey(PERMISSIONS)
				&& this.permissionsClaim == ApiSecurityProperties.PermissionsClaim.WHEN_NO_SCOPE) {
			addArray(claims.get(PERMISSIONS), scopes);
		}
		return scopes;
	}

	private static boolean addString(@Nullable Object value, Set<String> scopes) {
		if (!(value instanceof String text)) {
			return false;
		}
		for (String scope : SPACES.split(text)) {
			if (scope.isEmpty()) {
				continue;
			}
			if (!SCOPE_TOKEN.matcher(scope).matches()) {
				return false;
			}
			scopes.add(scope);
		}
		return true;
	}

	private static boolean addArray(@Nullable Object value, Set<String> scopes) {
		if (!(value instanceof Collection<?> elements)) {
			return false;
		}
		for (Object element : elements) {
			if (!(element instanceof String scope) || !SCOPE_TOKEN.matcher(scope).matches()) {
				return false;
			}
			scopes.add(scope);
		}
		return true;
	}

}
