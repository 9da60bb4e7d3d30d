package com.exampleco.timesheets.authserver;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Talks to a running auth server over real HTTP, as its clients do.
 */
final class AuthServerHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	AuthServerHttp(ConfigurableApplicationContext context) {
		this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/** Token request with {@code client_secret_basic}; {@code scope} null for none. */
	Response tokenWithBasic(String clientId, String secret, String scope) {
		String credentials = Base64.getEncoder()
			.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		String form = "grant_type=client_credentials" + ((scope != null) ? "&scope=" + encode(scope) : "");
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/oauth2/token"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** Token request with {@code client_secret_post}. */
	Response tokenWithPost(String clientId, String secret, String scope) {
		String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret)
				+ "&scope=" + encode(scope);
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** The access token of a successful request with {@code client_secret_basic}. */
	SignedJWT accessToken(String clientId, String secret, String scope) {
		Response response = tokenWithBasic(clientId, secret, scope);
		if (response.status() != 200) {
			throw new IllegalStateException("Token request failed: " + response);
		}
		return parse((String) response.json().get("access_token"));
	}

	/** A request without body, with a bearer token unless {@code token} is null. */
	Response call(String method, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	JWKSet jwks() {
		try {
			return JWKSet.parse(get("/oauth2/jwks").body());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the token's signature verifies with the served key of the token's kid. */
	boolean verifiesAgainstServedJwks(SignedJWT token) {
		JWK key = jwks().getKeyByKeyId(token.getHeader().getKeyID());
		if (key == null) {
			return false;
		}
		try {
			return token.verify(new RSASSAVerifier(key.toRSAKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static SignedJWT parse(String token) {
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	record Response(int status, String body) {

		Map<String, Object> json() {
			return json.readValue(this.body, new TypeReference<Map<String, Object>>() {
			});
		}

	}

}
