package com.exampleco.timesheets.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;

import com.nimbusds.jose.jwk.JWKSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the issuer's JWK Set over HTTP. When no JWK Set URI is configured, the first
 * fetch reads it from the issuer's OpenID discovery document
 * ({@code <issuer>/.well-known/openid-configuration}, whose {@code issuer} must equal the
 * configured one) and keeps it for the life of the process. No caching and no rate
 * limiting here: {@link IssuerKeySet} decides when to call.
 */
class JwkSetClient {

	/** Larger answers are refused (Nimbus' default limit is 50 KB). */
	static final int MAX_BYTES = 256 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI issuer;

	private final HttpClient http;

	private final Duration timeout;

	private volatile @Nullable URI jwkSetUri;

	JwkSetClient(URI issuer, @Nullable URI jwkSetUri, Duration timeout) {
		this.issuer = issuer;
		this.jwkSetUri = jwkSetUri;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * Fetches the key set (after discovering its location, the first time).
	 * @return the public keys, never null
	 * @throws IOException when the issuer cannot be reached, answers other than 200, or
	 * with something that is no JWK Set
	 * @throws InterruptedException when interrupted while waiting for the answer
	 */
	JWKSet fetch() throws IOException, InterruptedException {
		URI location = this.jwkSetUri;
		if (location == null) {
			location = discover();
			this.jwkSetUri = location;
		}
		try {
			return JWKSet.parse(get(location));
		}
		catch (ParseException ex) {
			throw new IOException("the JWK Set at " + location + " cannot be parsed", ex);
		}
	}

	private URI discover() throws IOException, InterruptedException {
		String base = this.issuer.toString();
		URI discovery = URI.create((base.endsWith("/") ? base : base + "/") + ".well-known/openid-configuration");
		JsonNode document;
		try {
			document = JSON.readTree(get(discovery));
		}
		catch (JacksonException ex) {
			throw new IOException("the discovery document at " + discovery + " is not JSON", ex);
		}
		if (!base.equals(document.path("issuer").asString(""))) {
			throw new IOException("the discovery document at " + discovery + " names another issuer");
		}
		String jwksUri = document.path("jwks_uri").asString("");
		if (jwksUri.isBlank()) {
			throw new IOException("the discovery document at " + discovery + " has no jwks_uri");
		}
		return URI.create(jwksUri);
	}

	private String get(URI uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new IOException(uri + " answered HTTP " + response.statusCode());
			}
			byte[] bytes = body.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new IOException(uri + " answered more than " + MAX_BYTES + " bytes");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

}
