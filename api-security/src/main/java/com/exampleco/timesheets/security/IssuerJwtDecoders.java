package com.exampleco.timesheets.security;

import java.time.Clock;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * Builds the decoder every API uses. Keys come from the issuer's JWK Set over HTTP
 * (Nimbus caches the set for five minutes and refetches it when a token names an unknown
 * {@code kid}, which is how key rotation reaches us). The issuer is contacted only when
 * the first token arrives.
 */
final class IssuerJwtDecoders {

	private IssuerJwtDecoders() {
	}

	static JwtDecoder lazy(ApiSecurityProperties properties) {
		JwtTimestampValidator timestamps = timestamps(properties);
		JwtDecoder decoder = new SupplierJwtDecoder(() -> create(properties, timestamps));
		JwtDecoder translating = (token) -> {
			try {
				return decoder.decode(token);
			}
			catch (JwtDecoderInitializationException ex) {
				// The issuer's discovery document could not be read: the token cannot be
				// judged, which is no verdict on the token. As a JwtException that is not
				// a BadJwtException it becomes an AuthenticationServiceException,
				// answered
				// 503 by IssuerUnavailableFailureHandler instead of escaping as a 500.
				throw new JwtException("the issuer's keys cannot be resolved right now", ex);
			}
		};
		ApiSecurityProperties.TokenCache cache = properties.tokenCache();
		if (cache.maxEntries() == 0) {
			return translating;
		}
		// the same timestamp validator (skew, clock) judges a remembered token on every
		// hit
		return new VerifiedTokenCache(translating, timestamps, cache.maxEntries(), cache.maxAge(), Clock.systemUTC());
	}

	static NimbusJwtDecoder create(ApiSecurityProperties properties) {
		return create(properties, timestamps(properties));
	}

	private static NimbusJwtDecoder create(ApiSecurityProperties properties, JwtTimestampValidator timestamps) {
		String issuer = properties.issuerUri().toString();
		NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = (properties.jwkSetUri() != null)
				? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
				: NimbusJwtDecoder.withIssuerLocation(issuer);
		// An explicit algorithm replaces the algorithms a discovery document would
		// announce
		NimbusJwtDecoder decoder = builder.jwsAlgorithm(SignatureAlgorithm.RS256).build();
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
		return new DelegatingOAuth2TokenValidator<>(
				List.of(type, timestamps, new JwtIssuerValidator(properties.issuerUri().toString()),
						new JwtAudienceValidator(properties.audience()), IssuerJwtDecoders::requireSubject));
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
		return OAuth2TokenValidatorResult
			.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The sub claim is missing", null));
	}

}
