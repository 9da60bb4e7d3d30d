package com.exampleco.timesheets.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * Builds the decoder every API uses. Keys come from the issuer's JWK Set over HTTP
 * through an {@link IssuerKeySet} (cached, refreshed, refetched for an unknown
 * {@code kid} at most once per minimum interval, kept while the issuer is down). The
 * issuer is contacted only when the first token arrives.
 */
final class IssuerJwtDecoders {

	private IssuerJwtDecoders() {
	}

	static JwtDecoder lazy(ApiSecurityProperties properties) {
		return lazy(properties, keySet(properties));
	}

	/**
	 * The key set of the configured issuer, with the configured rules and the system
	 * clock.
	 * @param properties the settings
	 * @return a key set that has fetched nothing yet
	 */
	static IssuerKeySet keySet(ApiSecurityProperties properties) {
		ApiSecurityProperties.Jwks rules = properties.jwks();
		JwkSetClient client = new JwkSetClient(properties.issuerUri(), properties.jwkSetUri(), rules.timeout());
		return new IssuerKeySet(client::fetch, rules, Clock.systemUTC());
	}

	static JwtDecoder lazy(ApiSecurityProperties properties, IssuerKeySet keys) {
		JwtTimestampValidator timestamps = timestamps(properties);
		JwtDecoder decoder = create(properties, timestamps, keys);
		JwtDecoder translating = (token) -> {
			try {
				return decoder.decode(token);
			}
			catch (BadJwtException ex) {
				throw withFixedDescription(ex);
			}
			// any other JwtException (the issuer's keys cannot be had) becomes an
			// AuthenticationServiceException, answered 503 by
			// IssuerUnavailableFailureHandler
		};
		ApiSecurityProperties.TokenCache cache = properties.tokenCache();
		if (cache.maxEntries() == 0) {
			return translating;
		}
		// the same timestamp validator (skew, clock) judges
		// a remembered token on every hit
		return new VerifiedTokenCache(translating, timestamps, properties.clockSkew(), cache.maxEntries(),
				cache.maxAge(), Clock.systemUTC());
	}

	private static NimbusJwtDecoder create(ApiSecurityProperties properties, JwtTimestampValidator timestamps,
			IssuerKeySet keys) {
		JWKSource<SecurityContext> source = (selector, context) -> keys.get(selector);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(source)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(validator(properties, timestamps));
		return decoder;
	}

	/**
	 * Every check in one place, so that changing the clock skew can never drop the
	 * audience check.
	 */
	static OAuth2TokenValidator<Jwt> validator(ApiSecurityProperties properties) {
		return validator(properties, timestamps(properties));
	}

	private static OAuth2TokenValidator<Jwt> validator(ApiSecurityProperties properties,
			JwtTimestampValidator timestamps) {
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
		type.setAllowEmpty(true);
		ScopeAuthoritiesConverter scopes = new ScopeAuthoritiesConverter(properties.permissionsClaim());
		String employeeClaim = properties.employeeClaim();
		String teamClaim = properties.teamClaim();
		return new DelegatingOAuth2TokenValidator<>(List.of(describing(type, TokenRefusal.NOT_ACCEPTED),
				(jwt) -> times(timestamps, properties, jwt),
				describing(new JwtIssuerValidator(properties.issuerUri().toString()), TokenRefusal.NOT_ACCEPTED),
				describing(new JwtAudienceValidator(properties.audience()), TokenRefusal.NOT_ACCEPTED),
				IssuerJwtDecoders::requireSubject, (jwt) -> identity(jwt, employeeClaim, teamClaim), scopes::validate));
	}

	/** {@code exp} required, {@code exp} and {@code nbf} with the configured skew. */
	static JwtTimestampValidator timestamps(ApiSecurityProperties properties) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		return timestamps;
	}

	private static OAuth2TokenValidatorResult requireSubject(Jwt jwt) {
		if (StringUtils.hasText(jwt.getSubject())) {
			return OAuth2TokenValidatorResult.success();
		}
		return OAuth2TokenValidatorResult.failure(TokenRefusal.NOT_ACCEPTED.error());
	}

	/**
	 * The employee and team claims and the machine-client rule, see
	 * {@link IdentityClaims}.
	 */
	private static OAuth2TokenValidatorResult identity(Jwt jwt, String employeeClaim, String teamClaim) {
		TokenRefusal refusal = IdentityClaims.read(jwt, employeeClaim, teamClaim).refusal();
		return (refusal != null) ? OAuth2TokenValidatorResult.failure(refusal.error())
				: OAuth2TokenValidatorResult.success();
	}

	/**
	 * The library's {@code exp}/{@code nbf} verdict, told as expired or not yet valid
	 * (clients renew an expired token; a token without {@code exp} is simply not
	 * accepted).
	 */
	private static OAuth2TokenValidatorResult times(JwtTimestampValidator timestamps, ApiSecurityProperties properties,
			Jwt jwt) {
		if (!timestamps.validate(jwt).hasErrors()) {
			return OAuth2TokenValidatorResult.success();
		}
		Instant notBefore = jwt.getNotBefore();
		TokenRefusal refusal;
		if (jwt.getExpiresAt() == null) {
			refusal = TokenRefusal.NOT_ACCEPTED;
		}
		else if (notBefore != null && Instant.now().plus(properties.clockSkew()).isBefore(notBefore)) {
			refusal = TokenRefusal.NOT_YET_VALID;
		}
		else {
			refusal = TokenRefusal.EXPIRED;
		}
		return OAuth2TokenValidatorResult.failure(refusal.error());
	}

	/** A library validator whose failures carry one fixed description. */
	private static OAuth2TokenValidator<Jwt> describing(OAuth2TokenValidator<Jwt> validator, TokenRefusal refusal) {
		return (jwt) -> validator.validate(jwt).hasErrors() ? OAuth2TokenValidatorResult.failure(refusal.error())
				: OAuth2TokenValidatorResult.success();
	}

	/**
	 * The same failure with a fixed description: the first validation error's (each
	 * validator above fails with a {@link TokenRefusal} text), {@code MALFORMED} when the
	 * token could not be parsed, else {@code NOT_ACCEPTED} (signature, algorithm, key).
	 * The library's message stays in the cause, for the server's logs only.
	 */
	static BadJwtException withFixedDescription(BadJwtException ex) {
		TokenRefusal refusal;
		if (ex instanceof JwtValidationException validation && !validation.getErrors().isEmpty()) {
			refusal = TokenRefusal.of(validation.getErrors().iterator().next()).orElse(TokenRefusal.NOT_ACCEPTED);
		}
		else {
			refusal = causedByParsing(ex) ? TokenRefusal.MALFORMED : TokenRefusal.NOT_ACCEPTED;
		}
		JwtValidationException fixed = new JwtValidationException(refusal.description(), List.of(refusal.error()));
		fixed.initCause(ex);
		return fixed;
	}

	private static boolean causedByParsing(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ParseException) {
				return true;
			}
		}
		return false;
	}

}
