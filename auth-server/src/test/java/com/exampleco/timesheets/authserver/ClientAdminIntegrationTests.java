package com.exampleco.timesheets.authserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client administration API over real HTTP: who may use it (401 without or with a
 * wrong token, 403 without the scope), what it does (a disabled client gets no token
 * until enabled again) and 404 for unknown clients.
 */
class ClientAdminIntegrationTests {

	private static ConfigurableApplicationContext context;

	private static AuthServerHttp server;

	@BeforeAll
	static void startServer() {
		// a client with the admin audience but without the admin scope
		context = AuthServerApplication.start("--server.port=0",
				"--timesheets.auth.clients.half-admin.client-id=half-admin",
				"--timesheets.auth.clients.half-admin.secret=half-admin-secret",
				"--timesheets.auth.clients.half-admin.scopes=kafka",
				"--timesheets.auth.clients.half-admin.audience=timesheets-auth-admin",
				"--timesheets.auth.clients.short.client-id=short-lived",
				"--timesheets.auth.clients.short.secret=short-secret", "--timesheets.auth.clients.short.scopes=kafka",
				"--timesheets.auth.clients.short.access-token-ttl=20s");
		server = new AuthServerHttp(context);
	}

	@AfterAll
	static void stopServer() {
		context.close();
	}

	@Test
	void disabledClientGetsNoTokenUntilEnabledAgain() {
		String admin = adminToken();

		assertThat(send("DELETE", "kafka-analyst", admin)).isEqualTo(204);
		assertThat(server.tokenWithBasic("kafka-analyst", "kafka-analyst-secret", null).status()).isEqualTo(401);
		assertThat(server.tokenWithPost("kafka-analyst", "kafka-analyst-secret", "kafka").status()).isEqualTo(401);
		assertThat(get("kafka-analyst", admin).body()).contains("\"enabled\":false");
		// other clients are not affected
		assertThat(server.tokenWithBasic("kafka-processor", "kafka-processor-secret", null).status()).isEqualTo(200);

		assertThat(send("PUT", "kafka-analyst", admin)).isEqualTo(204);
		assertThat(server.tokenWithBasic("kafka-analyst", "kafka-analyst-secret", null).status()).isEqualTo(200);
		assertThat(get("kafka-analyst", admin).body()).contains("\"enabled\":true");
	}

	@Test
	void unknownClientIsNotFound() {
		String admin = adminToken();

		assertThat(send("DELETE", "nobody", admin)).isEqualTo(404);
		assertThat(send("PUT", "nobody", admin)).isEqualTo(404);
		assertThat(get("nobody", admin).status()).isEqualTo(404);
	}

	@Test
	void refusesCallersWithoutAValidAdminToken() {
		assertThat(send("DELETE", "kafka-analyst", null)).isEqualTo(401);
		assertThat(send("DELETE", "kafka-analyst", "not-a-jwt")).isEqualTo(401);
		// a token of this issuer for another audience (the APIs', Kafka's)
		String uploader = (String) server.tokenWithBasic("timesheets-uploader", "uploader-secret", null)
			.json()
			.get("access_token");
		String kafkaAdmin = (String) server.tokenWithBasic("kafka-admin", "kafka-admin-secret", null)
			.json()
			.get("access_token");
		assertThat(send("DELETE", "kafka-analyst", uploader)).isEqualTo(401);
		assertThat(send("DELETE", "kafka-analyst", kafkaAdmin)).isEqualTo(401);
		// the admin audience without the scope
		String halfAdmin = (String) server.tokenWithBasic("half-admin", "half-admin-secret", null)
			.json()
			.get("access_token");
		assertThat(send("DELETE", "kafka-analyst", halfAdmin)).isEqualTo(403);
		assertThat(server.tokenWithBasic("kafka-analyst", "kafka-analyst-secret", null).status()).isEqualTo(200);
	}

	@Test
	void clientsMayHaveTheirOwnTokenLifetime() throws Exception {
		var claims = server.accessToken("short-lived", "short-secret", null).getJWTClaimsSet();

		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(20_000);
	}

	private static String adminToken() {
		AuthServerHttp.Response response = server.tokenWithBasic("timesheets-client-admin", "client-admin-secret",
				"admin:clients");
		assertThat(response.status()).isEqualTo(200);
		return (String) response.json().get("access_token");
	}

	private int send(String method, String clientId, String token) {
		return server.call(method, path(clientId), token).status();
	}

	private AuthServerHttp.Response get(String clientId, String token) {
		return server.call("GET", path(clientId), token);
	}

	private static String path(String clientId) {
		return "/admin/clients/" + clientId + "/enabled";
	}

}
