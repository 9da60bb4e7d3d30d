package com.exampleco.timesheets.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.exampleco.timesheets.launcher.token.ClientCredentials;
import com.exampleco.timesheets.launcher.token.TokenClient;

/**
 * The HTTP calls of the load drivers: tokens, uploads, reads (JDK HttpClient, HTTP/1.1).
 */
final class Http {

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
	 * A real access token from the auth server (client-credentials grant, the launcher's
	 * {@link TokenClient}).
	 * @param authBase the auth server's base URL
	 * @return the compact JWT
	 * @throws IllegalStateException when the server refuses
	 */
	static String token(HttpClient client, String authBase, String clientId, String secret, String scope) {
		return new TokenClient(client, URI.create(authBase + "/oauth2/token"))
			.accessToken(new ClientCredentials(clientId, secret), scope);
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
