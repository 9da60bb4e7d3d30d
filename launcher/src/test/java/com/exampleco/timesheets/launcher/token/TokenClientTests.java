package com.exampleco.timesheets.launcher.token;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The client-credentials request on the wire, against a local HTTP endpoint that records
 * what it receives and answers as the test says.
 */
class TokenClientTests {

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final List<String> forms = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private volatile int status = 200;

	private volatile String answer = "{\"access_token\":\"eyJ.abc.def\",\"token_type\":\"Bearer\",\"expires_in\":300}";

	@BeforeEach
	void startEndpoint() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/oauth2/token", (exchange) -> {
			this.authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
			this.forms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] body = this.answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stopEndpoint() {
		this.server.stop(0);
	}

	private TokenClient client() {
		return TokenClient.forIssuer("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	@Test
	void sendsTheClientAsBasicAuthAndTheScopesAsOneFormField() {
		String token = client().accessToken(ClientCredentials.ADMIN, "create:timesheets", "read:timesheets");

		assertThat(token).isEqualTo("eyJ.abc.def");
		assertThat(this.authorizations).containsExactly("Basic "
				+ Base64.getEncoder().encodeToString("timesheets-admin:admin-secret".getBytes(StandardCharsets.UTF_8)));
		assertThat(this.forms).hasSize(1);
		assertThat(URLDecoder.decode(this.forms.get(0), StandardCharsets.UTF_8))
			.isEqualTo("grant_type=client_credentials&scope=create:timesheets read:timesheets");
	}

	@Test
	void asksForNoScopeWhenNoneIsGiven() {
		client().accessToken(ClientCredentials.UPLOADER);

		assertThat(this.forms).containsExactly("grant_type=client_credentials");
	}

	@Test
	void reportsARefusalWithItsStatusAndAnswer() {
		this.status = 401;
		this.answer = "{\"error\":\"invalid_client\"}";

		assertThatIllegalStateException().isThrownBy(() -> client().accessToken(ClientCredentials.CONTRACTOR))
			.withMessageContaining("contractor-app")
			.withMessageContaining("401")
			.withMessageContaining("invalid_client");
	}

	@Test
	void refusesAnAnswerWithoutAnAccessToken() {
		this.answer = "{\"token_type\":\"Bearer\"}";

		assertThatIllegalStateException().isThrownBy(() -> client().accessToken(ClientCredentials.UPLOADER))
			.withMessageContaining("no access_token");
	}

	@Test
	void neverShowsTheSecretInItsText() {
		assertThat(ClientCredentials.ADMIN.toString()).contains("timesheets-admin").doesNotContain("admin-secret");
		assertThat(client().tokenUri())
			.isEqualTo(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/token"));
	}

}
