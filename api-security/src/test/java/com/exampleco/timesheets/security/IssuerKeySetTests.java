package com.exampleco.timesheets.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.exampleco.timesheets.testsupport.MutableClock;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The key-cache rules against a real HTTP JWKS endpoint that counts its requests, on a
 * test clock: cached, refreshed after the TTL, refetched for an unknown {@code kid} at
 * most once per minimum interval, kept while the issuer is down.
 */
class IssuerKeySetTests {

	private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

	private static final ApiSecurityProperties.Jwks RULES = new ApiSecurityProperties.Jwks(Duration.ofMinutes(5),
			Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(2));

	private final JwksEndpoint endpoint = new JwksEndpoint();

	private final MutableClock clock = new MutableClock(T0);

	private final RSAKey k1 = JwksEndpoint.newKey();

	private final RSAKey k2 = JwksEndpoint.newKey();

	private final IssuerKeySet keys = keySet(this.endpoint.jwkSetUri(), RULES);

	@AfterEach
	void stop() {
		this.endpoint.close();
	}

	@Test
	void fetchesOnceAndServesTheCachedSet() throws Exception {
		this.endpoint.publish(this.k1);

		for (int i = 0; i < 20; i++) {
			assertThat(find(this.k1)).containsExactly(this.k1.toPublicJWK());
			this.clock.set(T0.plusSeconds(i * 10));
		}

		assertThat(this.endpoint.requests()).isEqualTo(1);
		assertThat(this.keys.fetches()).isEqualTo(1);
	}

	@Test
	void discoversTheJwkSetUriFromTheIssuer() throws Exception {
		this.endpoint.publish(this.k1);
		IssuerKeySet discovered = new IssuerKeySet(
				new JwkSetClient(this.endpoint.issuer(), null, Duration.ofSeconds(2))::fetch, RULES, this.clock);

		assertThat(discovered.get(selector(this.k1.getKeyID()))).hasSize(1);
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void refetchesForAnUnknownKidAtMostOncePerMinimumInterval() throws Exception {
		this.endpoint.publish(this.k1);
		find(this.k1);
		this.clock.set(T0.plusSeconds(30));

		for (int i = 0; i < 500; i++) {
			assertThat(this.keys.get(selector("unknown-" + i))).isEmpty();
		}
		assertThat(this.endpoint.requests()).as("first fetch and one refetch").isEqualTo(2);
		assertThat(this.keys.throttled()).isEqualTo(499);

		this.clock.set(T0.plusSeconds(59));
		assertThat(this.keys.get(selector("unknown"))).isEmpty();
		assertThat(this.endpoint.requests()).isEqualTo(2);

		this.clock.set(T0.plusSeconds(60));
		assertThat(this.keys.get(selector("unknown"))).isEmpty();
		assertThat(this.endpoint.requests()).isEqualTo(3);
	}

	@Test
	void aFloodOfUnknownKidsFromManyThreadsCostsOneRefetch() throws Exception {
		this.endpoint.publish(this.k1);
		find(this.k1);
		this.clock.set(T0.plusSeconds(31));
		List<Callable<List<JWK>>> lookups = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			String kid = "unknown-" + i;
			lookups.add(() -> this.keys.get(selector(kid)));
		}

		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			for (Future<List<JWK>> lookup : pool.invokeAll(lookups)) {
				assertThat(lookup.get()).isEmpty();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void findsARotatedKeyOnlyOnceTheMinimumIntervalAllowsARefetch() throws Exception {
		this.endpoint.publish(this.k1);
		find(this.k1);
		this.endpoint.publish(this.k2, this.k1);

		this.clock.set(T0.plusSeconds(29));
		assertThat(find(this.k2)).as("not yet: fetched 29 s ago").isEmpty();

		this.clock.set(T0.plusSeconds(30));
		assertThat(find(this.k2)).containsExactly(this.k2.toPublicJWK());
		assertThat(find(this.k1)).as("both keys during the overlap").hasSize(1);
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void dropsARetiredKeyWhenTheCacheIsRefreshedAfterItsTtl() throws Exception {
		this.endpoint.publish(this.k2, this.k1);
		find(this.k1);
		this.endpoint.publish(this.k2);

		this.clock.set(T0.plus(Duration.ofMinutes(5)).minusSeconds(1));
		assertThat(find(this.k1)).as("cached until the TTL").hasSize(1);

		this.clock.set(T0.plus(Duration.ofMinutes(5)));
		assertThat(find(this.k1)).isEmpty();
		assertThat(find(this.k2)).hasSize(1);
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void keepsTheCachedKeysWhileTheIssuerIsDown() throws Exception {
		this.endpoint.publish(this.k1);
		find(this.k1);
		this.endpoint.down(true);

		for (int second = 300; second <= 600; second++) {
			this.clock.set(T0.plusSeconds(second));
			assertThat(find(this.k1)).as("valid key at +%d s", second).hasSize(1);
			assertThat(find(this.k2)).as("unknown key at +%d s", second).isEmpty();
		}

		// one attempt at 300 s, then one per 30 s: 330, 360, … 600
		assertThat(this.endpoint.requests()).isEqualTo(1 + 11);
		assertThat(this.keys.failures()).isEqualTo(11);

		this.endpoint.down(false);
		this.endpoint.publish(this.k2, this.k1);
		this.clock.set(T0.plusSeconds(630));
		assertThat(find(this.k2)).as("back: the refresh finds the new key").hasSize(1);
	}

	@Test
	void refusesToJudgeTokensOnceTheOutageOutlastsItsTolerance() throws Exception {
		this.endpoint.publish(this.k1);
		find(this.k1);
		this.endpoint.down(true);

		this.clock.set(T0.plus(Duration.ofMinutes(5)).plus(Duration.ofHours(1)).minusSeconds(1));
		assertThat(find(this.k1)).hasSize(1);

		this.clock.set(T0.plus(Duration.ofMinutes(5)).plus(Duration.ofHours(1)));
		assertThatExceptionOfType(RemoteKeySourceException.class).isThrownBy(() -> find(this.k1));
	}

	@Test
	void retriesAFailedFirstFetchOnlyAfterTheMinimumInterval() throws Exception {
		this.endpoint.publish(this.k1);
		this.endpoint.down(true);

		assertThatExceptionOfType(RemoteKeySourceException.class).isThrownBy(() -> find(this.k1));
		this.clock.set(T0.plusSeconds(29));
		assertThatExceptionOfType(RemoteKeySourceException.class).isThrownBy(() -> find(this.k1));
		assertThat(this.endpoint.requests()).isEqualTo(1);

		this.endpoint.down(false);
		this.clock.set(T0.plusSeconds(30));
		assertThat(find(this.k1)).hasSize(1);
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void failsWhenTheIssuerCannotBeReachedAtAll() {
		IssuerKeySet unreachable = keySet(URI.create("http://127.0.0.1:9/jwks"), RULES);

		assertThatExceptionOfType(RemoteKeySourceException.class).isThrownBy(() -> unreachable.get(selector("any")))
			.withMessageContaining("cannot be fetched");
		assertThat(unreachable.failures()).isEqualTo(1);
	}

	private List<JWK> find(RSAKey key) throws RemoteKeySourceException {
		return this.keys.get(selector(key.getKeyID()));
	}

	private static JWKSelector selector(String kid) {
		return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
	}

	private IssuerKeySet keySet(URI jwkSetUri, ApiSecurityProperties.Jwks rules) {
		return new IssuerKeySet(new JwkSetClient(URI.create("http://127.0.0.1"), jwkSetUri, rules.timeout())::fetch,
				rules, this.clock);
	}

}
