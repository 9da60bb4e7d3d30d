package com.exampleco.timesheets.webapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app on a real port (Tomcat), for what only a real server does: the session cookie's
 * attributes and the error dispatch to the error pages. The cookie is configured for TLS
 * here ({@code TIMESHEETS_WEB_SECURE_COOKIE=true}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + WebAppApplication.CONFIG_NAME, "TIMESHEETS_WEB_SECURE_COOKIE=true" })
class RunningServerTests extends WebAppTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void sessionCookieIsHttpOnlySameSiteLaxAndSecure() throws Exception {
		HttpResponse<String> response = get("/timesheets", "text/html");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/oauth2/authorization/timesheets"));
		List<String> cookies = response.headers().allValues("Set-Cookie");
		assertThat(cookies).singleElement()
			.satisfies((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
				.contains("; HttpOnly")
				.contains("; Secure")
				.contains("; SameSite=Lax"));
	}

	@Test
	void unknownPageIsAPlainNotFoundPageWithTheSecurityHeaders() throws Exception {
		HttpResponse<String> response = get("/css/no-such-file.css", "text/html");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<h1>Page not found</h1>")
			.doesNotContain("no-such-file")
			.doesNotContain("Whitelabel")
			.doesNotContain("Exception");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
	}

	@Test
	void crossSitePostWithoutCsrfTokenIsRefused() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/timesheets/new"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Origin", "https://evil.example")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString("projectCode=ALPHA&workDate=2026-11-02&hours=7.5"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("<h1>Not allowed</h1>").doesNotContain("CSRF").doesNotContain("Exception");
		assertThat(INGEST.requests()).isEmpty();
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
