package com.exampleco.timesheets.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.exampleco.timesheets.launcher.process.JavaProcess;
import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.systemtests.harness.UploaderRun;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The authorization server's faults (issue 16): stopped for a minute while an upload
 * starts and the APIs keep serving; its signing key rotated under running APIs; a flood
 * of tokens with unknown {@code kid}s. The shared pipeline runs the APIs with short key
 * cache rules ({@link #KEY_CACHE_RULES}) and the auth server reading its key file every
 * second.
 */
@Order(11)
@ExtendWith(SystemTestPipeline.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IssuerFaultSystemTests {

	static final Duration MIN_REFETCH = Duration.ofSeconds(2);

	/** The APIs' key-set rules in the shared pipeline (api-security's README). */
	static final String[] KEY_CACHE_RULES = { "--timesheets.security.jwks.min-refetch-interval=2s",
			"--timesheets.security.jwks.cache-ttl=5s", "--timesheets.security.token-cache.max-age=5s" };

	/** How long the auth server stays down: 60 s as the issue asks. */
	static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("systemtests.issuer-outage-seconds", 60));

	static final String PREFIX = "if-";

	static final int ENTRIES = 2000;

	static final int FLOOD = 500;

	static final int THREADS = 8;

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	@Test
	@Order(1)
	void apisKeepServingAndTheUploaderFinishesAcrossAnIssuerOutage() throws Exception {
		String upload = this.pipeline.accessToken(Pipeline.UPLOADER, "create:timesheets");
		String read = this.pipeline.accessToken(Pipeline.CONTRACTOR, "read:timesheets");
		TrustedKeyTokens trusted = new TrustedKeyTokens(this.pipeline);
		String metrics = trusted.with((claims) -> claims.claim("scope", "read:metrics"));
		assertThat(probe(this.pipeline.queryUrl(), read)).isEqualTo(403);
		JwksMeters ingestBefore = JwksMeters.of(this.pipeline.ingestUrl(), metrics);
		Path inbox = this.pipeline.logDirectory().resolveSibling("inbox-issuer");
		List<String> ids = Entries.writeCsv(inbox.resolve("issuer.csv"), PREFIX, 0, ENTRIES);

		Instant down = Instant.now();
		this.pipeline.auth().stop();
		Figures.faultsInjected.incrementAndGet();
		JavaProcess uploader = this.pipeline.startUploader(inbox, "--batch-size=100",
				"--timesheets.uploader.backoff.max-delay=5s");
		List<String> direct = new ArrayList<>();
		for (int second = 0; Instant.now().isBefore(down.plus(OUTAGE)); second++) {
			Instant tick = Instant.now();
			// valid tokens keep working on the cached keys
			Http.Answer accepted = Http.post(this.pipeline.ingestUrl() + "/timesheet-batches", upload,
					"application/json", Entries.jsonArray(PREFIX + "direct-", second * 5, 5),
					Map.of("Idempotency-Key", PREFIX + "direct-" + second));
			assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
			for (int n = second * 5; n < second * 5 + 5; n++) {
				direct.add(Entries.externalId(PREFIX + "direct-", n));
			}
			assertThat(Http.get(this.pipeline.queryUrl() + "/timesheets?limit=1", read).status()).isEqualTo(200);
			// bad ones are refused as before; a token of a key nobody published too
			assertRefused(trusted.foreignKeyWithTrustedKid());
			assertRefused(trusted.with((claims) -> claims.audience("https://other.exampleco.com")));
			assertRefused(trusted.unknownKid());
			assertThat(uploader.isAlive()).as("the uploader retries its token request").isTrue();
			Outage.holdUntil(tick, Duration.ofSeconds(1));
		}
		assertThat(Files.readString(uploader.log())).contains("token: cannot reach the authorization server");
		this.pipeline.auth().start();
		this.pipeline.auth().awaitHealthy(Duration.ofMinutes(2));
		Figures.issuerOutageSeconds.set((int) Duration.between(down, Instant.now()).toSeconds());
		assertThat(JwksMeters.of(this.pipeline.ingestUrl(), metrics).since(ingestBefore).failures())
			.as("the ingest API tried to refresh its keys during the outage and went on without them")
			.isPositive();

		UploaderRun run = this.pipeline.finished(uploader, uploader.awaitExit(Duration.ofMinutes(5)));
		assertThat(run.exitCode()).as(run.text()).isZero();
		assertThat(run.text()).contains("token: obtained");
		Figures.acknowledged.addAll(ids);
		Figures.acknowledged.addAll(direct);
		await().atMost(Duration.ofMinutes(3))
			.untilAsserted(() -> assertThat(this.ledger.timesheets(PREFIX)).isEqualTo(ENTRIES + direct.size()));
		assertThat(this.ledger.outcomes(PREFIX))
			.isEqualTo(Map.of("SUBMITTED/APPLIED", (long) (ENTRIES + direct.size())));
		assertThat(this.ledger.doubled(PREFIX)).isZero();
		// nothing sent twice: each entry of the file once on the topic
		Set<UUID> keys = ids.stream().map(Entries::timesheetId).collect(Collectors.toSet());
		assertThat(Topic.recordsOf(this.pipeline.kafkaOperator(), keys)).hasSize(ENTRIES);
		Figures.faultsSurvived.incrementAndGet();
	}

	@Test
	@Order(2)
	void rotatesTheSigningKeyUnderRunningApisAndRefusesTheRetiredOne() throws Exception {
		RSAKey k1 = TrustedKeyTokens.signingKey(this.pipeline);
		RSAKey k2 = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.keyIDFromThumbprint(true)
			.generate();
		String k1Token = this.pipeline.accessToken(Pipeline.CONTRACTOR, "read:timesheets");
		assertThat(kid(k1Token)).isEqualTo(k1.getKeyID());
		assertAccepted(k1Token);

		writeKeyFile(k2, k1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> kid(this.pipeline.accessToken(Pipeline.CONTRACTOR, "read:timesheets")), k2.getKeyID()::equals);
		String k2Token = this.pipeline.accessToken(Pipeline.CONTRACTOR, "read:timesheets");
		// 401 until the minimum refetch interval allows the refetch that finds k2
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertAccepted(k2Token));
		assertAccepted(k1Token);

		writeKeyFile(k2);
		// refused once the key set (cache-ttl) and the verified token (max-age) expired
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(probes(k1Token)).containsExactly(401, 401));
		assertThat(probes(new TrustedKeyTokens(this.pipeline, k1).valid())).containsExactly(401, 401);
		assertAccepted(k2Token);
		assertAccepted(this.pipeline.accessToken(Pipeline.CONTRACTOR, "read:timesheets"));
		Figures.keysRotated.incrementAndGet();
	}

	@Test
	@Order(3)
	void aFloodOfUnknownKidsCostsAtMostOneJwksFetchPerMinimumInterval() throws Exception {
		TrustedKeyTokens trusted = new TrustedKeyTokens(this.pipeline);
		String metrics = trusted.with((claims) -> claims.claim("scope", "read:metrics"));
		List<String> apis = List.of(this.pipeline.ingestUrl(), this.pipeline.queryUrl());
		List<JwksMeters> before = apis.stream().map((api) -> JwksMeters.of(api, metrics)).toList();
		// one key nobody published, a new kid for every token (RSA key generation is
		// slow)
		RSAKey foreign = new RSAKeyGenerator(2048).generate();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < FLOOD; i++) {
			RSAKey named = new RSAKey.Builder(foreign).keyID(UUID.randomUUID().toString()).build();
			tokens.add(new TrustedKeyTokens(this.pipeline, named).valid());
		}

		Instant start = Instant.now();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < FLOOD; i++) {
				String api = apis.get(i % 2);
				String token = tokens.get(i);
				answers.add(pool.submit(() -> probe(api, token)));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(401);
			}
		}
		finally {
			pool.shutdown();
		}
		Duration flood = Duration.between(start, Instant.now());

		long bound = flood.toMillis() / MIN_REFETCH.toMillis() + 1;
		int fetches = 0;
		for (int i = 0; i < apis.size(); i++) {
			JwksMeters during = JwksMeters.of(apis.get(i), metrics).since(before.get(i));
			assertThat(during.fetches()).as("%s: %d requests in %s", apis.get(i), FLOOD / 2, flood)
				.isLessThanOrEqualTo(bound);
			// a lookup that waited for the lock while another thread fetched uses that
			// fetch: neither a fetch nor throttled (at most one per other thread)
			assertThat(during.throttled()).isGreaterThanOrEqualTo(FLOOD / 2 - bound * THREADS);
			fetches += (int) during.fetches();
		}
		Figures.unknownKidRequests.set(FLOOD);
		Figures.jwksFetchesDuringFlood.set(fetches);
	}

	/**
	 * The metrics endpoint with a token lacking {@code read:metrics}: 403 once accepted.
	 */
	private static int probe(String apiUrl, String token) {
		return Http.get(apiUrl + "/actuator/prometheus", token).status();
	}

	private List<Integer> probes(String token) {
		return List.of(probe(this.pipeline.ingestUrl(), token), probe(this.pipeline.queryUrl(), token));
	}

	private void assertAccepted(String token) {
		assertThat(probes(token)).as("accepted by ingest and query: 403 for lack of read:metrics")
			.containsExactly(403, 403);
		assertThat(Http.get(this.pipeline.queryUrl() + "/timesheets?limit=1", token).status()).isEqualTo(200);
	}

	private void assertRefused(String token) {
		assertThat(probes(token)).containsExactly(401, 401);
	}

	private void writeKeyFile(RSAKey... keys) throws Exception {
		Path file = this.pipeline.authSigningKeyFile();
		Path next = file.resolveSibling(".signing-key.json.next");
		Files.writeString(next, new JWKSet(List.of(keys)).toString(false));
		Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static String kid(String token) throws Exception {
		return SignedJWT.parse(token).getHeader().getKeyID();
	}

}
