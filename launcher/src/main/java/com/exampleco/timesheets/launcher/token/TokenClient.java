package com.exampleco.timesheets.launcher.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from an OAuth 2.0 token endpoint by the client-credentials grant (RFC
 * 6749 §4.4): client id and secret as HTTP Basic, the scopes as a form field. Every call
 * asks anew (no cache). Thread-safe.
 */
public final class TokenClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http;

	private final URI tokenUri;

	/**
	 * A client with its own HTTP client.
	 * @param tokenUri the token endpoint, e.g. {@code http://127.0.0.1:9000/oauth2/token}
	 */
	public TokenClient(URI tokenUri) {
		this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), tokenUri);
	}

	/**
	 * A client on a given HTTP client.
	 * @param http the HTTP client
	 * @param tokenUri the token endpoint
	 */
	public TokenClient(HttpClient http, URI tokenUri) {
		this.http = http;
		this.tokenUri = tokenUri;
	}

	/**
	 * The token endpoint of an issuer that serves it at {@code /oauth2/token} (Spring
	 * Authorization Server, the project's auth server).
	 * @param issuer the issuer's base URL, e.g. {@code http://127.0.0.1:9000}
	 * @return the client
	 */
	public static TokenClient forIssuer(String issuer) {
		return new TokenClient(URI.create(issuer + "/oauth2/token"));
	}

	/**
	 * The token endpoint.
	 * @return the URI, never null
	 */
	public URI tokenUri() {
		return this.tokenUri;
	}

	/**
	 * A new access token.
	 * @param client the client
	 * @param scopes the scopes asked for; none = all of the client's scopes
	 * @return the access token (a compact JWT here), never null
	 * @throws IllegalStateException when the server refuses (with its status and answer)
	 * or answers without a token
	 * @throws UncheckedIOException when the server cannot be reached
	 */
	public String accessToken(ClientCredentials client, String... scopes) {
		String form = "grant_type=client_credentials" + ((scopes.length > 0)
				? "&scope=" + URLEncoder.encode(String.join(" ", scopes), StandardCharsets.UTF_8) : "");
		String basic = Base64.getEncoder()
			.encodeToString((client.id() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(this.tokenUri)
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.timeout(TIMEOUT)
			.build();
		HttpResponse<String> response = send(request);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"token request for " + client.id() + " answered " + response.statusCode() + ": " + response.body());
		}
		return accessTokenOf(client, response.body());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("token request to " + this.tokenUri + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static String accessTokenOf(ClientCredentials client, String body) {
		try {
			JsonNode token = JsonMapper.shared().readTree(body).path("access_token");
			if (token.isString() && !token.asString().isEmpty()) {
				return token.asString();
			}
		}
		catch (JacksonException ex) {
			// reported below
		}
		throw new IllegalStateException("token answer for " + client.id() + " holds no access_token: " + body);
	}

}
