package com.exampleco.timesheets.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local issuer's key endpoints over real HTTP: {@code /jwks} serves the keys it is told
 * to publish and counts its requests; {@code /.well-known/openid-configuration} points
 * there. It can answer 503 as an issuer that is down.
 */
final class JwksEndpoint implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private volatile List<JWK> published = List.of();

	private volatile boolean down;

	JwksEndpoint() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/jwks", (exchange) -> {
			this.requests.incrementAndGet();
			if (this.down) {
				respond(exchange, 503, "{}");
				return;
			}
			respond(exchange, 200, new JWKSet(this.published).toPublicJWKSet().toString());
		});
		this.server.createContext("/.well-known/openid-configuration", (exchange) -> respond(exchange,
				this.down ? 503 : 200, "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwkSetUri() + "\"}"));
		this.server.setExecutor(null);
		this.server.start();
	}

	static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("k-" + UUID.randomUUID()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	URI issuer() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	URI jwkSetUri() {
		return URI.create(issuer() + "/jwks");
	}

	/** Publishes exactly these keys from now on. */
	void publish(JWK... keys) {
		this.published = List.of(keys);
	}

	/** Whether {@code /jwks} and discovery answer 503. */
	void down(boolean down) {
		this.down = down;
	}

	int requests() {
		return this.requests.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
