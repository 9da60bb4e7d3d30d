package com.exampleco.timesheets.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.Assert;

/**
 * A {@link JwtDecoder} that remembers tokens its delegate has fully verified (signature,
 * issuer, audience, type, subject, timestamps), keyed by the exact token string, so that
 * a client repeating its token does not pay an RS256 check, a JSON parse and the claim
 * conversion on every request. The store is a Caffeine cache.
 * <p>
 * The contract:
 * <ul>
 * <li>Only successes are remembered; every failure goes through the delegate again.</li>
 * <li>A hit is checked again with the same timestamp validator as a first decode
 * ({@code exp}/{@code nbf} with the configured clock skew), so a remembered token is
 * refused from the moment the delegate would refuse it for its time.</li>
 * <li>An entry lives at most {@code maxAge} after its verification (default five minutes,
 * the lifetime of the issuer's key set in the delegate's cache), so that a key the issuer
 * withdrew stops opening requests no later than it would without this cache; and never
 * beyond the token's own expiry plus the skew (a per-entry expiry).</li>
 * <li>At most {@code maxEntries} tokens are held (Caffeine's size bound); expired entries
 * are dropped before the size policy picks a victim. Only tokens that passed verification
 * can be added, so garbage cannot fill it.</li>
 * <li>A different string is a different key: a tampered token is never a hit.</li>
 * </ul>
 */
final class VerifiedTokenCache implements JwtDecoder {

	private final JwtDecoder delegate;

	private final OAuth2TokenValidator<Jwt> timestamps;

	private final Cache<String, Jwt> verified;

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	/**
	 * Creates a cache in front of a decoder.
	 * @param delegate the decoder that verifies tokens
	 * @param timestamps the delegate's own {@code exp}/{@code nbf} validator
	 * @param clockSkew the skew of that validator: an entry expires at {@code exp} plus
	 * this
	 * @param maxEntries how many tokens to remember at most, positive
	 * @param maxAge how long after verification an entry may serve, positive
	 * @param clock the clock of the timestamp validator, also the cache's ticker
	 */
	VerifiedTokenCache(JwtDecoder delegate, OAuth2TokenValidator<Jwt> timestamps, Duration clockSkew, int maxEntries,
			Duration maxAge, Clock clock) {
		Assert.isTrue(maxEntries > 0, "maxEntries must be positive");
		Assert.isTrue(!maxAge.isNegative() && !maxAge.isZero(), "maxAge must be positive");
		this.delegate = delegate;
		this.timestamps = timestamps;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maxEntries)
			.expireAfter(Expiry.<String, Jwt>writing((token, jwt) -> lifetime(jwt, clockSkew, maxAge, clock)))
			.ticker(() -> nanos(clock.instant()))
			// maintenance (expiry, size bound) on the writing thread: only misses write,
			// each after a full RS256 check, so it costs nothing worth measuring and
			// keeps the bound exact instead of leaving it to the common pool
			.executor(Runnable::run)
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt remembered = this.verified.getIfPresent(token);
		if (remembered != null) {
			if (!this.timestamps.validate(remembered).hasErrors()) {
				this.hits.increment();
				return remembered;
			}
			// out of its time: forget it and let the delegate give the exact answer
			this.verified.asMap().remove(token, remembered);
		}
		this.misses.increment();
		Jwt jwt = this.delegate.decode(token);
		if (jwt.getExpiresAt() != null) {
			// the validator requires exp; without one there is no bound, so no entry
			this.verified.put(token, jwt);
		}
		return jwt;
	}

	/**
	 * Tokens answered from the cache so far.
	 * @return the count
	 */
	long hits() {
		return this.hits.sum();
	}

	/**
	 * Tokens handed to the delegate so far (not cached, out of their time, or refused).
	 * @return the count
	 */
	long misses() {
		return this.misses.sum();
	}

	int size() {
		this.verified.cleanUp();
		return (int) this.verified.estimatedSize();
	}

	private static Duration lifetime(Jwt jwt, Duration clockSkew, Duration maxAge, Clock clock) {
		// the validator still accepts the token at exp + skew itself; Caffeine drops an
		// entry at its expiry instant, hence one nanosecond more
		Instant refused = jwt.getExpiresAt().plus(clockSkew).plusNanos(1);
		Duration untilExpired = Duration.between(clock.instant(), refused);
		return (untilExpired.compareTo(maxAge) < 0) ? untilExpired : maxAge;
	}

	private static long nanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

}
