package com.exampleco.timesheets.bench;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import com.exampleco.timesheets.testsupport.MutableClock;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BearerTokensTests {

	private static final String AUDIENCE = "https://api.timesheets.exampleco.com";

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final AtomicInteger keySetFetches = new AtomicInteger();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));

	private HttpServer issuer;

	private String issuerUrl;

	private KeyPair keys;

	private BearerTokens tokens;

	@BeforeEach
	void startIssuer() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		this.keys = generator.generateKeyPair();
		RSAPublicKey publicKey = (RSAPublicKey) this.keys.getPublic();
		this.issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.issuerUrl = "http://127.0.0.1:" + this.issuer.getAddress().getPort();
		this.issuer.createContext("/.well-known/openid-configuration", (exchange) -> answer(exchange,
				"{\"issuer\":\"" + this.issuerUrl + "\",\"jwks_uri\":\"" + this.issuerUrl + "/jwks\"}"));
		this.issuer.createContext("/jwks", (exchange) -> {
			this.keySetFetches.incrementAndGet();
			answer(exchange, "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"n\":\""
					+ BASE64URL.encodeToString(unsigned(publicKey.getModulus().toByteArray())) + "\",\"e\":\""
					+ BASE64URL.encodeToString(unsigned(publicKey.getPublicExponent().toByteArray())) + "\"}]}");
		});
		this.issuer.start();
		this.tokens = new BearerTokens(this.issuerUrl, AUDIENCE, RawQueryServer.EMPLOYEE_CLAIM,
				JsonMapper.builder().build(), this.clock);
	}

	@AfterEach
	void stopIssuer() {
		this.issuer.stop(0);
	}

	@Test
	void acceptsAValidTokenAndReadsItsScopesAndEmployee() throws Exception {
		BearerTokens.Caller caller = this.tokens.verify(token("RS256", this.issuerUrl, "\"" + AUDIENCE + "\"", 3600,
				",\"scope\":\"read:timesheets create:timesheets\",\"" + RawQueryServer.EMPLOYEE_CLAIM
						+ "\":\"E1001\""));
		assertThat(caller.scopes()).containsExactlyInAnyOrder("read:timesheets", "create:timesheets");
		assertThat(caller.employeeId()).isEqualTo("E1001");
	}

	@Test
	void acceptsTheAudienceInAnArray() throws Exception {
		assertThat(this.tokens.verify(token("RS256", this.issuerUrl, "[\"other\",\"" + AUDIENCE + "\"]", 60, ""))
			.employeeId()).isNull();
	}

	@Test
	void refusesAnotherIssuerAudienceOrAlgorithm() {
		refused(token("RS256", "http://elsewhere", "\"" + AUDIENCE + "\"", 60, ""));
		refused(token("RS256", this.issuerUrl, "\"https://other-api\"", 60, ""));
		refused(token("RS512", this.issuerUrl, "\"" + AUDIENCE + "\"", 60, ""));
	}

	@Test
	void refusesATamperedToken() {
		String token = token("RS256", this.issuerUrl, "\"" + AUDIENCE + "\"", 60, ",\"scope\":\"read:timesheets\"");
		String[] parts = token.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("read:timesheets", "delete:timesheets");
		refused(parts[0] + "." + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
	}

	@Test
	void acceptsWithinTheSkewAndRefusesARememberedTokenOnceExpired() throws Exception {
		String token = token("RS256", this.issuerUrl, "\"" + AUDIENCE + "\"", 60, "");
		this.tokens.verify(token);
		this.clock.set(this.clock.instant().plusSeconds(60 + 29));
		this.tokens.verify(token);
		this.clock.set(this.clock.instant().plusSeconds(2));
		refused(token);
	}

	@Test
	void fetchesTheKeySetOnceForManyTokens() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.tokens.verify(token("RS256", this.issuerUrl, "\"" + AUDIENCE + "\"", 60 + i, ""));
		}
		assertThat(this.keySetFetches).hasValue(1);
	}

	private void refused(String token) {
		assertThatExceptionOfType(BearerTokens.Refused.class).isThrownBy(() -> this.tokens.verify(token));
	}

	private String token(String alg, String iss, String aud, int lifetimeSeconds, String moreClaims) {
		long now = this.clock.instant().getEpochSecond();
		String header = "{\"alg\":\"" + alg + "\",\"kid\":\"k1\",\"typ\":\"JWT\"}";
		String claims = "{\"iss\":\"" + iss + "\",\"aud\":" + aud + ",\"sub\":\"contractor-app\",\"iat\":" + now
				+ ",\"exp\":" + (now + lifetimeSeconds) + moreClaims + "}";
		String input = BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(this.keys.getPrivate());
			signature.update(input.getBytes(StandardCharsets.US_ASCII));
			return input + "." + BASE64URL.encodeToString(signature.sign());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] unsigned(byte[] bytes) {
		return (bytes[0] == 0) ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
