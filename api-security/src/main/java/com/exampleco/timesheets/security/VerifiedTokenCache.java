package com.exampleco.timesheets.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.Assert;

/**
 * A {@link JwtDecoder} that remembers tokens its delegate has fully verified (signature,
 * issuer, audience, type, subject, timestamps), keyed by the exact token string, so that
 * a client repeating its token does not pay an RS256 check, a JSON parse and the claim
 * conversion on every request.
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
 * beyond the token's own expiry.</li>
 * <li>At most {@code maxEntries} tokens are held; when full, expired entries are dropped
 * first, then arbitrary ones. Only tokens that passed verification can be added, so
 * garbage cannot fill it.</li>
 * <li>A different string is a different key: a tampered token is never a hit.</li>
 * </ul>
 */
final class VerifiedTokenCache implements JwtDecoder {

	private final JwtDecoder delegate;

	private final OAuth2TokenValidator<Jwt> timestamps;

	private final int maxEntries;

	private final Duration maxAge;

	private final Clock clock;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * Creates a cache in front of a decoder.
	 * @param delegate the decoder that verifies tokens
	 * @param timestamps the delegate's own {@code exp}/{@code nbf} validator (same skew)
	 * @param maxEntries how many tokens to remember at most, positive
	 * @param maxAge how long after verification an entry may serve, positive
	 * @param clock the clock of the timestamp validator
	 */
	VerifiedTokenCache(JwtDecoder delegate, OAuth2TokenValidator<Jwt> timestamps, int maxEntries, Duration maxAge,
			Clock clock) {
		Assert.isTrue(maxEntries > 0, "maxEntries must be positive");
		Assert.isTrue(!maxAge.isNegative() && !maxAge.isZero(), "maxAge must be positive");
		this.delegate = delegate;
		this.timestamps = timestamps;
		this.maxEntries = maxEntries;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Instant now = this.clock.instant();
		Entry entry = this.entries.get(token);
		if (entry != null) {
			if (now.isBefore(entry.servesUntil())) {
				OAuth2TokenValidatorResult result = this.timestamps.validate(entry.jwt());
				if (!result.hasErrors()) {
					return entry.jwt();
				}
			}
			// out of its time: forget it and let the delegate give the exact answer
			this.entries.remove(token, entry);
		}
		Jwt jwt = this.delegate.decode(token);
		remember(token, jwt, now);
		return jwt;
	}

	int size() {
		return this.entries.size();
	}

	// synchronized: only misses get here, each after a full RS256 check, so the lock
	// costs nothing worth measuring and keeps the size bound exact
	private synchronized void remember(String token, Jwt jwt, Instant now) {
		if (jwt.getExpiresAt() == null) {
			// the validator requires exp; without one there is no bound, so no entry
			return;
		}
		if (this.entries.size() >= this.maxEntries) {
			makeRoom(now);
		}
		Instant servesUntil = now.plus(this.maxAge);
		this.entries.put(token, new Entry(jwt, servesUntil));
	}

	private void makeRoom(Instant now) {
		this.entries.values().removeIf((entry) -> !now.isBefore(entry.servesUntil()) || isExpired(entry.jwt()));
		Iterator<String> keys = this.entries.keySet().iterator();
		while (this.entries.size() >= this.maxEntries && keys.hasNext()) {
			keys.next();
			keys.remove();
		}
	}

	private boolean isExpired(Jwt jwt) {
		return this.timestamps.validate(jwt).hasErrors();
	}

	private record Entry(Jwt jwt, Instant servesUntil) {

	}

}
