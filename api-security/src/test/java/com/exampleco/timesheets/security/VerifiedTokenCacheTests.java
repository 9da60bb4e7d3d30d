package com.exampleco.timesheets.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.exampleco.timesheets.testsupport.MutableClock;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cache of verified tokens: hits only while the token is valid, failures never
 * remembered, bounded, tampered tokens never hits.
 */
class VerifiedTokenCacheTests {

	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

	private static final Duration SKEW = Duration.ofSeconds(30);

	private final MutableClock clock = new MutableClock(T0);

	private final CountingDecoder delegate = new CountingDecoder(this.clock);

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@Test
	void servesARepeatedTokenWithoutVerifyingItAgain() {
		JwtDecoder cache = cache(100, Duration.ofMinutes(5));
		this.delegate.expiresAt = T0.plusSeconds(600);

		Jwt first = cache.decode("token-a");
		Jwt second = cache.decode("token-a");

		assertThat(second).isSameAs(first);
		assertThat(this.delegate.calls).containsExactly("token-a");
	}

	@Test
	void refusesACachedTokenOnceItExpiredBeyondTheSkew() {
		JwtDecoder cache = cache(100, Duration.ofMinutes(5));
		this.delegate.expiresAt = T0.plusSeconds(60);
		cache.decode("token-a");

		this.clock.set(T0.plusSeconds(60).plus(SKEW)); // the last second within the skew
		assertThat(cache.decode("token-a")).isNotNull();
		assertThat(this.delegate.calls).hasSize(1);

		this.clock.set(T0.plusSeconds(60).plus(SKEW).plusSeconds(1));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("token-a"))
			.withMessageContaining("expired");
		assertThat(this.delegate.calls).hasSize(2);
		assertThat(((VerifiedTokenCache) cache).size()).isZero();
	}

	@Test
	void refusesACachedTokenBeforeItsNotBeforeAsTheDelegateWould() {
		// a token whose nbf lies beyond the skew cannot be cached in the first place
		JwtDecoder cache = cache(100, Duration.ofMinutes(5));
		this.delegate.expiresAt = T0.plusSeconds(600);
		this.delegate.notBefore = T0.plusSeconds(120);

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("token-a"));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("token-a"));
		assertThat(this.delegate.calls).hasSize(2);
	}

	@Test
	void neverRemembersAFailure() {
		JwtDecoder cache = cache(100, Duration.ofMinutes(5));
		this.delegate.failing.set(true);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("bad"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("bad"));

		assertThat(this.delegate.calls).containsExactly("bad", "bad");
		assertThat(((VerifiedTokenCache) cache).size()).isZero();
	}

	@Test
	void holdsNoMoreThanItsMaximumNumberOfTokens() {
		VerifiedTokenCache cache = cache(3, Duration.ofMinutes(5));
		this.delegate.expiresAt = T0.plusSeconds(600);

		for (int i = 0; i < 50; i++) {
			cache.decode("token-" + i);
			assertThat(cache.size()).isLessThanOrEqualTo(3);
		}
		cache.decode("token-49");
		assertThat(this.delegate.calls).hasSize(50);
	}

	@Test
	void makesRoomByDroppingExpiredTokensFirst() {
		VerifiedTokenCache cache = cache(2, Duration.ofMinutes(5));
		this.delegate.expiresAt = T0.plusSeconds(10);
		cache.decode("short-lived");
		this.delegate.expiresAt = T0.plusSeconds(600);
		cache.decode("long-lived");

		this.clock.set(T0.plusSeconds(60));
		cache.decode("new");
		cache.decode("long-lived");

		assertThat(this.delegate.calls).containsExactly("short-lived", "long-lived", "new");
	}

	@Test
	void verifiesAgainAfterTheMaximumAgeSoAWithdrawnKeyStopsWorking() {
		// the issuer withdraws the key after the first use: the delegate would now refuse
		// the token. The cache may serve it only within max-age (the key set's own cache
		// lifetime), never beyond the token's expiry.
		JwtDecoder cache = cache(100, Duration.ofMinutes(5));
		this.delegate.expiresAt = T0.plusSeconds(3600);
		cache.decode("token-a");
		this.delegate.failing.set(true);

		this.clock.set(T0.plusSeconds(299));
		assertThat(cache.decode("token-a")).isNotNull();

		this.clock.set(T0.plusSeconds(300));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("token-a"));
		assertThat(this.delegate.calls).hasSize(2);
	}

	@Test
	void neverServesAWithdrawnKeysTokenBeyondItsExpiry() {
		JwtDecoder cache = cache(100, Duration.ofMinutes(5));
		this.delegate.expiresAt = T0.plusSeconds(60);
		cache.decode("token-a");
		this.delegate.failing.set(true);

		this.clock.set(T0.plusSeconds(60).plus(SKEW).plusSeconds(1));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("token-a"));
	}

	@Test
	void aTamperedCopyOfACachedTokenIsNoHit() {
		ApiSecurityProperties properties = new ApiSecurityProperties(TestTokenIssuer.DEFAULT_AUDIENCE, issuer.issuer(),
				null, SKEW, ApiSecurityProperties.DEFAULT_EMPLOYEE_CLAIM, ApiSecurityProperties.DEFAULT_TEAM_CLAIM,
				ApiSecurityProperties.PermissionsClaim.WHEN_NO_SCOPE,
				new ApiSecurityProperties.TokenCache(100, Duration.ofMinutes(5)));
		JwtDecoder decoder = IssuerJwtDecoders.lazy(properties);
		assertThat(decoder).isInstanceOf(VerifiedTokenCache.class);
		String token = issuer.token().scopes("read:timesheets").sign();
		assertThat(decoder.decode(token).getClaimAsString("scope")).isEqualTo("read:timesheets");

		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String widened = payload.replace("\"read:timesheets\"", "\"read:timesheets delete:timesheets\"");
		assertThat(widened).isNotEqualTo(payload);
		String tampered = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(tampered));
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder.decode(issuer.token().scopes("read:timesheets").tamperedPayload().sign()));
		assertThat(decoder.decode(token).getClaimAsString("scope")).isEqualTo("read:timesheets");
	}

	@Test
	void isOffWithZeroEntries() {
		ApiSecurityProperties properties = new ApiSecurityProperties(TestTokenIssuer.DEFAULT_AUDIENCE, issuer.issuer(),
				null, SKEW, ApiSecurityProperties.DEFAULT_EMPLOYEE_CLAIM, ApiSecurityProperties.DEFAULT_TEAM_CLAIM,
				ApiSecurityProperties.PermissionsClaim.WHEN_NO_SCOPE,
				new ApiSecurityProperties.TokenCache(0, Duration.ofMinutes(5)));

		assertThat(IssuerJwtDecoders.lazy(properties)).isNotInstanceOf(VerifiedTokenCache.class);
	}

	private VerifiedTokenCache cache(int maxEntries, Duration maxAge) {
		return new VerifiedTokenCache(this.delegate, this.delegate.timestamps, SKEW, maxEntries, maxAge, this.clock);
	}

	/**
	 * Stands in for the verifying decoder: a token of the configured times, checked with
	 * the same timestamp validator (and clock) that the cache uses.
	 */
	static final class CountingDecoder implements JwtDecoder {

		final List<String> calls = new ArrayList<>();

		final AtomicBoolean failing = new AtomicBoolean();

		final JwtTimestampValidator timestamps = new JwtTimestampValidator(SKEW);

		Instant expiresAt;

		Instant notBefore;

		CountingDecoder(Clock clock) {
			this.timestamps.setClock(clock);
			this.timestamps.setAllowEmptyExpiryClaim(false);
		}

		@Override
		public Jwt decode(String token) {
			this.calls.add(token);
			if (this.failing.get()) {
				throw new BadJwtException(
						"Signed JWT rejected: Another algorithm expected, or no matching key(s) found");
			}
			Jwt.Builder builder = Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("client")
				.issuer("https://issuer.example/")
				.issuedAt(T0)
				.expiresAt(this.expiresAt);
			if (this.notBefore != null) {
				builder.notBefore(this.notBefore);
			}
			Jwt jwt = builder.build();
			var result = this.timestamps.validate(jwt);
			if (result.hasErrors()) {
				throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
						result.getErrors());
			}
			return jwt;
		}

	}

}
