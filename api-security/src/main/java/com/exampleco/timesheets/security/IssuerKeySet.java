package com.exampleco.timesheets.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The issuer's signing keys as the decoder sees them: fetched on the first token, cached,
 * refreshed, and refetched for a token whose key is not in the set — never more often
 * than the minimum interval, whatever the cause. The rules
 * ({@link ApiSecurityProperties.Jwks}, module README):
 * <ol>
 * <li>No keys yet: the first token fetches them. A failure is answered 503 (the token
 * cannot be judged); the next attempt waits for the minimum interval.</li>
 * <li>Keys older than {@code cache-ttl}: the next request refreshes them (one thread; the
 * others keep using the cached set meanwhile). A failed refresh keeps the cached set
 * (outage tolerance) until {@code cache-ttl + outage-tolerance} after the last successful
 * fetch; beyond that tokens are answered 503.</li>
 * <li>No key matches the token (unknown {@code kid}): one refetch, if the minimum
 * interval since the last request to the issuer has passed; otherwise, or when the
 * refetch fails or does not know the key either, the token is refused (401) as any token
 * signed by an unknown key.</li>
 * </ol>
 * Thread-safe; requests to the issuer are serialised by a lock. Counts its fetches. Not a
 * {@code JWKSource} bean itself (the decoder adapts it), so that it never stands in for
 * an authorization server's own {@code JWKSource} in the same application context.
 */
final class IssuerKeySet {

	private static final Log logger = LogFactory.getLog(IssuerKeySet.class);

	private final Fetch fetch;

	private final ApiSecurityProperties.Jwks rules;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final AtomicLong fetched = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong throttled = new AtomicLong();

	private volatile @Nullable Snapshot current;

	/** Guarded by {@link #lock}. */
	private @Nullable Instant lastAttempt;

	IssuerKeySet(Fetch fetch, ApiSecurityProperties.Jwks rules, Clock clock) {
		this.fetch = fetch;
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * The keys the selector matches, by the rules above.
	 * @param selector the token's key selector
	 * @return the matching keys; empty when none is known (a 401)
	 * @throws RemoteKeySourceException when there are no usable keys at all (a 503)
	 */
	List<JWK> get(JWKSelector selector) throws RemoteKeySourceException {
		Snapshot snapshot = this.current;
		if (snapshot == null) {
			snapshot = first();
		}
		else if (snapshot.isOlderThan(this.rules.cacheTtl(), this.clock.instant())) {
			snapshot = refreshStale(snapshot);
		}
		List<JWK> keys = selector.select(snapshot.keys());
		if (keys.isEmpty()) {
			snapshot = refetchForUnknownKey(snapshot);
			keys = selector.select(snapshot.keys());
		}
		return keys;
	}

	/**
	 * Successful requests to the issuer for keys so far.
	 * @return the count
	 */
	long fetches() {
		return this.fetched.get();
	}

	/**
	 * Failed requests to the issuer for keys so far.
	 * @return the count
	 */
	long failures() {
		return this.failed.get();
	}

	/**
	 * Times a token's key was looked for in the issuer's set (unknown key, or no keys
	 * yet) but the minimum interval had not passed, so the issuer was not asked.
	 * @return the count
	 */
	long throttled() {
		return this.throttled.get();
	}

	private Snapshot first() throws RemoteKeySourceException {
		this.lock.lock();
		try {
			Snapshot snapshot = this.current;
			if (snapshot != null) {
				return snapshot;
			}
			if (!mayFetch()) {
				this.throttled.incrementAndGet();
				throw new RemoteKeySourceException("the issuer's keys could not be fetched recently; "
						+ "next attempt after the minimum refetch interval", null);
			}
			try {
				return fetchNow();
			}
			catch (IOException ex) {
				throw new RemoteKeySourceException("the issuer's keys cannot be fetched: " + ex.getMessage(), ex);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private Snapshot refreshStale(Snapshot stale) throws RemoteKeySourceException {
		// another thread refreshing: use the cached set meanwhile, never queue behind it
		if (this.lock.tryLock()) {
			try {
				Snapshot snapshot = this.current;
				if (snapshot == stale && mayFetch()) {
					snapshot = fetchOrKeep(stale);
				}
				stale = snapshot;
			}
			finally {
				this.lock.unlock();
			}
		}
		if (stale.isOlderThan(this.rules.cacheTtl().plus(this.rules.outageTolerance()), this.clock.instant())) {
			throw new RemoteKeySourceException(
					"the issuer's keys are older than cache-ttl + outage-tolerance and " + "cannot be refreshed", null);
		}
		return stale;
	}

	private Snapshot refetchForUnknownKey(Snapshot seen) {
		this.lock.lock();
		try {
			Snapshot snapshot = this.current;
			if (snapshot != seen) {
				// fetched by another thread while this one waited
				return snapshot;
			}
			if (!mayFetch()) {
				this.throttled.incrementAndGet();
				return seen;
			}
			return fetchOrKeep(seen);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether the minimum interval since the last request to the issuer has passed. Holds
	 * the lock.
	 */
	private boolean mayFetch() {
		return this.lastAttempt == null
				|| !this.clock.instant().isBefore(this.lastAttempt.plus(this.rules.minRefetchInterval()));
	}

	/** A fetch whose failure keeps the cached set. Holds the lock. */
	private Snapshot fetchOrKeep(Snapshot cached) {
		try {
			return fetchNow();
		}
		catch (IOException ex) {
			logger.warn("Keeping the cached issuer keys: " + ex.getMessage());
			return cached;
		}
	}

	/** Holds the lock. */
	private Snapshot fetchNow() throws IOException {
		this.lastAttempt = this.clock.instant();
		try {
			JWKSet keys = this.fetch.keys();
			Snapshot snapshot = new Snapshot(keys, this.clock.instant());
			this.current = snapshot;
			this.fetched.incrementAndGet();
			return snapshot;
		}
		catch (IOException ex) {
			this.failed.incrementAndGet();
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.failed.incrementAndGet();
			throw new IOException("interrupted while fetching the issuer's keys", ex);
		}
	}

	/** Where the keys come from ({@link JwkSetClient#fetch()}). */
	@FunctionalInterface
	interface Fetch {

		JWKSet keys() throws IOException, InterruptedException;

	}

	private record Snapshot(JWKSet keys, Instant fetchedAt) {

		boolean isOlderThan(Duration age, Instant now) {
			return !now.isBefore(this.fetchedAt.plus(age));
		}

	}

}
