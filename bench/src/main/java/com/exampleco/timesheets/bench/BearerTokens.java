package com.exampleco.timesheets.bench;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw HTTP baseline's bearer-token check, the same rule as the APIs' (api-security):
 * RS256 only, the key by {@code kid} from the issuer's JWK Set (found through its
 * discovery document, fetched once, kept five minutes, fetched again for an unknown
 * {@code kid} at most every 30 s), {@code typ} JWT/at+jwt or absent, {@code iss},
 * {@code aud}, {@code sub}, {@code exp} required, {@code exp}/{@code nbf} with 30 s skew;
 * a verified token is remembered by its exact string for at most five minutes and never
 * past its {@code exp} + skew, its timestamps checked again on every hit (at most 1,000
 * tokens; the store is emptied when full). Plain JDK crypto and Jackson, no framework.
 * Thread-safe.
 */
final class BearerTokens {

	static final Duration SKEW = Duration.ofSeconds(30);

	private static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final Duration KEYS_REFETCH = Duration.ofSeconds(30);

	private static final int MAX_ENTRIES = 1000;

	private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

	private static final ThreadLocal<Signature> RS256 = ThreadLocal.withInitial(() -> {
		try {
			return Signature.getInstance("SHA256withRSA");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private final String issuer;

	private final String audience;

	private final String employeeClaim;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, Caller> verified = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private volatile Map<String, PublicKey> keys;

	private volatile Instant keysFetchedAt = Instant.MIN;

	BearerTokens(String issuer, String audience, String employeeClaim, JsonMapper json, Clock clock) {
		this.issuer = issuer;
		this.audience = audience;
		this.employeeClaim = employeeClaim;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Who a verified token speaks for.
	 *
	 * @param scopes its scopes
	 * @param employeeId its employee claim, null for a machine client
	 * @param expiresAt {@code exp}
	 * @param notBefore {@code nbf}, may be null
	 * @param keptUntil when a remembered entry stops serving
	 */
	record Caller(Set<String> scopes, String employeeId, Instant expiresAt, Instant notBefore, Instant keptUntil) {

		boolean timely(Instant now) {
			return !now.isAfter(this.expiresAt.plus(SKEW))
					&& (this.notBefore == null || !now.isBefore(this.notBefore.minus(SKEW)));
		}

	}

	/** A refused token (answered 401 {@code invalid_token}). */
	static final class Refused extends Exception {

		Refused(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * The caller of a token.
	 * @param token the compact JWT of the {@code Authorization} header
	 * @return the caller, never null
	 * @throws Refused when the token is not accepted
	 */
	Caller verify(String token) throws Refused {
		Instant now = this.clock.instant();
		Caller remembered = this.verified.get(token);
		if (remembered != null) {
			if (remembered.timely(now) && now.isBefore(remembered.keptUntil())) {
				return remembered;
			}
			this.verified.remove(token, remembered);
		}
		Caller caller = decode(token, now);
		if (this.verified.size() >= MAX_ENTRIES) {
			this.verified.clear();
		}
		this.verified.put(token, caller);
		return caller;
	}

	private Caller decode(String token, Instant now) throws Refused {
		int first = token.indexOf('.');
		int second = token.indexOf('.', first + 1);
		if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
			throw new Refused("malformed");
		}
		JsonNode header = parse(token.substring(0, first));
		if (!"RS256".equals(header.path("alg").asString(""))) {
			throw new Refused("algorithm");
		}
		String type = header.path("typ").asString(null);
		if (type != null && !type.equalsIgnoreCase("JWT") && !type.equalsIgnoreCase("at+jwt")) {
			throw new Refused("type");
		}
		PublicKey key = key(header.path("kid").asString(""));
		try {
			Signature signature = RS256.get();
			signature.initVerify(key);
			signature.update(token.substring(0, second).getBytes(StandardCharsets.US_ASCII));
			if (!signature.verify(BASE64URL.decode(token.substring(second + 1)))) {
				throw new Refused("signature");
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new Refused("signature");
		}
		return claims(parse(token.substring(first + 1, second)), now);
	}

	private Caller claims(JsonNode claims, Instant now) throws Refused {
		if (!this.issuer.equals(claims.path("iss").asString(""))) {
			throw new Refused("issuer");
		}
		JsonNode aud = claims.path("aud");
		boolean audienceMatches = aud.isArray() ? aud.valueStream().anyMatch((a) -> this.audience.equals(a.asString()))
				: this.audience.equals(aud.asString(""));
		if (!audienceMatches) {
			throw new Refused("audience");
		}
		if (claims.path("sub").asString("").isBlank()) {
			throw new Refused("subject");
		}
		if (!claims.path("exp").isNumber()) {
			throw new Refused("no exp");
		}
		Instant expiresAt = Instant.ofEpochSecond(claims.path("exp").asLong());
		Instant notBefore = claims.path("nbf").isNumber() ? Instant.ofEpochSecond(claims.path("nbf").asLong()) : null;
		Set<String> scopes = new HashSet<>();
		if (claims.path("scope").isString()) {
			for (String scope : claims.path("scope").asString().split(" ")) {
				scopes.add(scope);
			}
		}
		else {
			claims.path("scp").valueStream().forEach((s) -> scopes.add(s.asString()));
		}
		JsonNode employee = claims.path(this.employeeClaim);
		if (!employee.isMissingNode() && (!employee.isString() || employee.asString().isBlank())) {
			throw new Refused("employee claim");
		}
		Instant refusedFrom = expiresAt.plus(SKEW);
		Instant keptUntil = now.plus(MAX_AGE).isBefore(refusedFrom) ? now.plus(MAX_AGE) : refusedFrom;
		Caller caller = new Caller(Set.copyOf(scopes), employee.isString() ? employee.asString() : null, expiresAt,
				notBefore, keptUntil);
		if (!caller.timely(now)) {
			throw new Refused("expired or not yet valid");
		}
		return caller;
	}

	private JsonNode parse(String base64url) throws Refused {
		try {
			return this.json.readTree(BASE64URL.decode(base64url));
		}
		catch (RuntimeException ex) {
			throw new Refused("malformed");
		}
	}

	/** The issuer's key of that id, from the cached JWK Set or a fresh one. */
	private PublicKey key(String kid) throws Refused {
		Instant now = this.clock.instant();
		Map<String, PublicKey> current = this.keys;
		if (current == null || now.isAfter(this.keysFetchedAt.plus(MAX_AGE))
				|| (!current.containsKey(kid) && now.isAfter(this.keysFetchedAt.plus(KEYS_REFETCH)))) {
			current = fetchKeys(current, now);
		}
		PublicKey key = current.get(kid);
		if (key == null) {
			throw new Refused("unknown key");
		}
		return key;
	}

	/**
	 * The issuer's keys fetched anew, unless another thread did so since the caller saw
	 * {@code seen}.
	 */
	private synchronized Map<String, PublicKey> fetchKeys(Map<String, PublicKey> seen, Instant now) {
		if (this.keys != seen) {
			return this.keys;
		}
		try {
			JsonNode discovery = get(this.issuer + "/.well-known/openid-configuration");
			JsonNode set = get(discovery.path("jwks_uri").asString());
			Map<String, PublicKey> keys = new HashMap<>();
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			for (JsonNode jwk : set.path("keys")) {
				if ("RSA".equals(jwk.path("kty").asString("")) && !"enc".equals(jwk.path("use").asString(""))) {
					keys.put(jwk.path("kid").asString(""),
							rsa.generatePublic(
									new RSAPublicKeySpec(new BigInteger(1, BASE64URL.decode(jwk.path("n").asString())),
											new BigInteger(1, BASE64URL.decode(jwk.path("e").asString())))));
				}
			}
			this.keys = keys;
			this.keysFetchedAt = now;
			return keys;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read the issuer's keys", ex);
		}
	}

	private JsonNode get(String url) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode());
		}
		return this.json.readTree(response.body());
	}

}
