package com.exampleco.timesheets.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP calls of the load drivers: tokens, uploads, reads (JDK HttpClient, HTTP/1.1).
 */
final class Http {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private Http() {
	}

	static HttpClient client() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * A real access token from the auth server (client-credentials grant).
	 * @param authBase the auth server's base URL
	 * @return the compact JWT
	 */
	static String token(HttpClient client, String authBase, String clientId, String secret, String scope)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(authBase + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=client_credentials&scope=" + scope.replace(":", "%3A")))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		Matcher matcher = ACCESS_TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !matcher.find()) {
			throw new IllegalStateException("token request for " + clientId + " answered " + response.statusCode());
		}
		return matcher.group(1);
	}

	static HttpResponse<String> postBatch(HttpClient client, String ingestBase, String token, String json)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(ingestBase + "/timesheet-batches"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static int get(HttpClient client, String url, String token) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/**
	 * The timesheet ids of a 202 answer, in order (a plain scan: the ids are the only
	 * UUIDs after the batch id).
	 */
	static List<UUID> timesheetIds(String body) {
		int at = body.indexOf("\"timesheetIds\"");
		List<UUID> ids = new ArrayList<>();
		if (at >= 0) {
			Matcher matcher = UUID_TEXT.matcher(body);
			matcher.region(at, body.length());
			while (matcher.find()) {
				ids.add(UUID.fromString(matcher.group()));
			}
		}
		return ids;
	}

}
