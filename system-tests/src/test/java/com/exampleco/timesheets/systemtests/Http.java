package com.exampleco.timesheets.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls against the running services (JDK client, no framework in between).
 */
final class Http {

	private static final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private Http() {
	}

	static Answer get(String url, String token) {
		return send(request(url, token).GET());
	}

	static Answer post(String url, String token, String contentType, String body) {
		return post(url, token, contentType, body, Map.of());
	}

	static Answer post(String url, String token, String contentType, String body, Map<String, String> headers) {
		HttpRequest.Builder builder = request(url, token).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(builder::header);
		return send(builder);
	}

	static Answer postBytes(String url, String token, String contentType, byte[] body) {
		return send(request(url, token).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	static Answer delete(String url, String token) {
		return send(request(url, token).DELETE());
	}

	static Answer method(String method, String url, String token) {
		return send(request(url, token).method(method, HttpRequest.BodyPublishers.noBody()));
	}

	static HttpRequest.Builder request(String url, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	static Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(null),
					response.headers().firstValue("Content-Type").orElse(null),
					response.headers().firstValue("Retry-After").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, String wwwAuthenticate, String contentType, String retryAfter, String body) {

		JsonNode json() {
			return JsonMapper.shared().readTree(this.body);
		}

		boolean isProblem() {
			return this.contentType != null && this.contentType.startsWith("application/problem+json");
		}

		@Override
		public String toString() {
			return this.status + " " + this.wwwAuthenticate + " " + this.contentType + " "
					+ ((this.body.length() > 300) ? this.body.substring(0, 300) + "…" : this.body);
		}

	}

}
