package com.exampleco.timesheets.testsupport.tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real, local OAuth 2.0 / OIDC token issuer for tests.
 * <p>
 * It generates an RSA signing key, serves OIDC discovery
 * ({@code /.well-known/openid-configuration}) and the JWK Set ({@code /jwks}) over HTTP
 * on {@code 127.0.0.1} and a free port, so a resource server under test fetches its keys
 * exactly as in production. Tokens are minted with {@link #token()}.
 * <p>
 * Use it as a static field and close it yourself, or register it as a JUnit extension,
 * which closes it after all tests of the class: <pre>
 * &#64;RegisterExtension
 * static TestTokenIssuer issuer = TestTokenIssuer.start();
 * </pre> Thread-safe; {@link #close()} is idempotent.
 */
public final class TestTokenIssuer implements AutoCloseable, AfterAllCallback {

	/** The API identifier the tokens are minted for unless told otherwise. */
	public static final String DEFAULT_AUDIENCE = "https://api.timesheets.exampleco.com";

	/** The APIs' default employee claim ({@code timesheets.security.employee-claim}). */
	public static final String EMPLOYEE_CLAIM = "https://timesheets.exampleco.com/employee_id";

	private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

	private static final String JWKS_PATH = "/jwks";

	private final HttpServer server;

	private final URI issuer;

	private final String defaultAudience;

	private final AtomicInteger jwksRequests = new AtomicInteger();

	private final List<RSAKey> publishedKeys = new ArrayList<>();

	private volatile RSAKey signingKey;

	private TestTokenIssuer(String defaultAudience) {
		this.defaultAudience = defaultAudience;
		this.signingKey = generateKey("test-key-" + UUID.randomUUID());
		this.publishedKeys.add(this.signingKey);
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the test token issuer", ex);
		}
		this.issuer = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		this.server.createContext(DISCOVERY_PATH, (exchange) -> respond(exchange, this::discoveryDocument));
		this.server.createContext(JWKS_PATH, (exchange) -> {
			this.jwksRequests.incrementAndGet();
			respond(exchange, this::jwkSetDocument);
		});
		this.server.start();
	}

	/**
	 * Starts an issuer whose tokens are minted for {@link #DEFAULT_AUDIENCE}.
	 * @return a running issuer, never null
	 */
	public static TestTokenIssuer start() {
		return start(DEFAULT_AUDIENCE);
	}

	/**
	 * Starts an issuer whose tokens are minted for the given audience by default.
	 * @param defaultAudience the {@code aud} of tokens that do not set one
	 * @return a running issuer, never null
	 */
	public static TestTokenIssuer start(String defaultAudience) {
		return new TestTokenIssuer(defaultAudience);
	}

	/**
	 * The issuer identifier ({@code iss}), e.g. {@code http://127.0.0.1:54321}, without a
	 * trailing slash. Discovery lives at
	 * {@code issuer() + "/.well-known/openid-configuration"}.
	 * @return the issuer URI
	 */
	public URI issuer() {
		return this.issuer;
	}

	/**
	 * The JWK Set URI that discovery announces.
	 * @return the JWKS URI
	 */
	public URI jwkSetUri() {
		return URI.create(this.issuer + JWKS_PATH);
	}

	/**
	 * The audience tokens get unless the builder sets another.
	 * @return the default audience
	 */
	public String defaultAudience() {
		return this.defaultAudience;
	}

	/**
	 * The key id ({@code kid}) of the key that signs new tokens.
	 * @return the current key id
	 */
	public String keyId() {
		return this.signingKey.getKeyID();
	}

	/**
	 * How many times the JWK Set was fetched; lets tests assert caching and refetching.
	 * @return the number of JWKS requests served so far
	 */
	public int jwkSetRequests() {
		return this.jwksRequests.get();
	}

	/**
	 * Rotates the signing key as an authorization server does: a new key with a new
	 * {@code kid} signs tokens from now on; the old keys stay published so tokens already
	 * issued remain verifiable.
	 * @return the new key id
	 */
	public synchronized String rotateKey() {
		RSAKey next = generateKey("test-key-" + UUID.randomUUID());
		this.publishedKeys.add(0, next);
		this.signingKey = next;
		return next.getKeyID();
	}

	/**
	 * Starts a token with good defaults: this issuer, the default audience, subject
	 * {@code test-client@clients}, {@code azp} {@code test-client}, issued now, valid for
	 * five minutes, no scopes, signed RS256 with the current key.
	 * @return a new builder, never null
	 */
	public TokenBuilder token() {
		return new TokenBuilder(this);
	}

	RSAKey signingKey() {
		return this.signingKey;
	}

	/** Stops the HTTP server; idempotent. */
	@Override
	public void close() {
		this.server.stop(0);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	static RSAKey generateKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

	private String discoveryDocument() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("issuer", this.issuer.toString());
		document.put("jwks_uri", jwkSetUri().toString());
		document.put("token_endpoint", this.issuer + "/oauth2/token");
		document.put("response_types_supported", List.of("token"));
		document.put("grant_types_supported", List.of("client_credentials"));
		document.put("subject_types_supported", List.of("public"));
		document.put("id_token_signing_alg_values_supported", List.of("RS256"));
		return JSONObjectUtils.toJSONString(document);
	}

	private synchronized String jwkSetDocument() {
		return JSONObjectUtils.toJSONString(new JWKSet(new ArrayList<JWK>(this.publishedKeys)).toJSONObject(true));
	}

	private static void respond(HttpExchange exchange, Supplier<String> body) throws IOException {
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

}
