package com.exampleco.timesheets.authserver;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default configuration, started the way other modules start it, exercised over real
 * HTTP.
 */
class TokenIssuanceIntegrationTests {

	private static final String AUDIENCE = "https://api.timesheets.exampleco.com";

	private static final String EMPLOYEE_CLAIM = "https://timesheets.exampleco.com/employee_id";

	private static ConfigurableApplicationContext context;

	private static AuthServerHttp server;

	@BeforeAll
	static void startServer() {
		context = AuthServerApplication.start("--server.port=0");
		server = new AuthServerHttp(context);
	}

	@AfterAll
	static void stopServer() {
		context.close();
	}

	static Stream<Arguments> defaultClients() {
		return Stream.of(Arguments.of("timesheets-uploader", "uploader-secret", "create:timesheets", null, false),
				Arguments.of("contractor-app", "contractor-secret", "read:timesheets", null, false),
				Arguments.of("timesheets-approver", "approver-secret", "approve:timesheets read:timesheets", "E1002",
						false),
				Arguments.of("timesheets-admin", "admin-secret",
						"approve:timesheets create:timesheets delete:timesheets read:timesheets", null, true),
				Arguments.of("employee-e1001", "employee-secret", "read:timesheets", "E1001", false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("defaultClients")
	void issuesTokenWithApiAudienceScopesAndClientClaims(String clientId, String secret, String scope,
			String employeeId, boolean permissions) throws ParseException {
		JWTClaimsSet claims = server.accessToken(clientId, secret, scope).getJWTClaimsSet();

		assertThat(claims.getAudience()).containsExactly(AUDIENCE);
		assertThat(claims.getStringClaim("scope")).isEqualTo(scope);
		assertThat(claims.getStringClaim("azp")).isEqualTo(clientId);
		assertThat(claims.getSubject()).isEqualTo(clientId);
		assertThat(claims.getIssuer()).isEqualTo(server.baseUrl());
		assertThat(claims.getStringClaim(EMPLOYEE_CLAIM)).isEqualTo(employeeId);
		if (permissions) {
			assertThat(claims.getStringListClaim("permissions")).containsExactly(scope.split(" "));
		}
		else {
			assertThat(claims.getClaims()).doesNotContainKey("permissions");
		}
	}

	@Test
	void tokenLivesTenMinutesByDefault() throws ParseException {
		JWTClaimsSet claims = server.accessToken("contractor-app", "contractor-secret", "read:timesheets")
			.getJWTClaimsSet();

		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(10));
		Map<String, Object> response = server.tokenWithBasic("contractor-app", "contractor-secret", null).json();
		assertThat(response).containsEntry("token_type", "Bearer");
		assertThat(((Number) response.get("expires_in")).intValue()).isBetween(590, 600);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("kafkaClients")
	void issuesKafkaClientsTokensForTheKafkaAudienceOnly(String clientId, String secret) throws ParseException {
		JWTClaimsSet claims = server.accessToken(clientId, secret, null).getJWTClaimsSet();

		// the broker's principal is the sub; the APIs refuse the token (another audience)
		assertThat(claims.getAudience()).containsExactly("timesheets-kafka");
		assertThat(claims.getSubject()).isEqualTo(clientId);
		assertThat(claims.getStringClaim("scope")).isEqualTo("kafka");
	}

	static Stream<Arguments> kafkaClients() {
		return Stream.of(Arguments.of("kafka-ingest-api", "kafka-ingest-api-secret"),
				Arguments.of("kafka-processor", "kafka-processor-secret"),
				Arguments.of("kafka-analyst", "kafka-analyst-secret"),
				Arguments.of("kafka-admin", "kafka-admin-secret"));
	}

	@Test
	void grantsSubsetOfScopesWhenAsked() throws ParseException {
		JWTClaimsSet claims = server.accessToken("timesheets-admin", "admin-secret", "delete:timesheets")
			.getJWTClaimsSet();

		assertThat(claims.getStringClaim("scope")).isEqualTo("delete:timesheets");
		assertThat(claims.getStringListClaim("permissions")).containsExactly("delete:timesheets");
	}

	@Test
	void grantsEveryClientScopeWhenNoneRequested() throws ParseException {
		AuthServerHttp.Response response = server.tokenWithBasic("timesheets-approver", "approver-secret", null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("scope").toString().split(" ")).containsExactlyInAnyOrder("approve:timesheets",
				"read:timesheets");
		SignedJWT token = AuthServerHttp.parse((String) response.json().get("access_token"));
		assertThat(token.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("approve:timesheets read:timesheets");
	}

	@Test
	void acceptsClientSecretPost() {
		AuthServerHttp.Response response = server.tokenWithPost("timesheets-uploader", "uploader-secret",
				"create:timesheets");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).containsEntry("scope", "create:timesheets");
	}

	@Test
	void rejectsScopeTheClientDoesNotHave() {
		AuthServerHttp.Response response = server.tokenWithBasic("contractor-app", "contractor-secret",
				"read:timesheets delete:timesheets");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json()).containsEntry("error", "invalid_scope");
	}

	@Test
	void rejectsWrongSecretAsInvalidClient() {
		AuthServerHttp.Response response = server.tokenWithBasic("timesheets-admin", "not-the-secret",
				"read:timesheets");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json()).containsEntry("error", "invalid_client");
	}

	@Test
	void rejectsUnknownClientAsInvalidClient() {
		AuthServerHttp.Response response = server.tokenWithPost("nobody", "nothing", "read:timesheets");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json()).containsEntry("error", "invalid_client");
	}

	@Test
	void signsTokensWithServedRs256Key() {
		SignedJWT token = server.accessToken("timesheets-uploader", "uploader-secret", "create:timesheets");

		assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(token.getHeader().getKeyID()).isNotBlank();
		assertThat(server.jwks().getKeys()).singleElement()
			.satisfies((key) -> assertThat(key.isPrivate()).as("published key is private").isFalse());
		assertThat(server.verifiesAgainstServedJwks(token)).isTrue();
	}

	@Test
	void tamperedTokenDoesNotVerify() throws ParseException {
		SignedJWT token = server.accessToken("contractor-app", "contractor-secret", "read:timesheets");
		SignedJWT other = server.accessToken("timesheets-admin", "admin-secret", "delete:timesheets");
		String[] parts = token.serialize().split("\\.");
		String[] otherParts = other.serialize().split("\\.");

		SignedJWT forged = AuthServerHttp.parse(parts[0] + "." + otherParts[1] + "." + parts[2]);

		assertThat(server.verifiesAgainstServedJwks(forged)).isFalse();
	}

	@Test
	void discoveryDocumentsNameTheTokensIssuer() throws ParseException {
		String issuer = server.accessToken("contractor-app", "contractor-secret", "read:timesheets")
			.getJWTClaimsSet()
			.getIssuer();

		Map<String, Object> openId = server.get("/.well-known/openid-configuration").json();
		Map<String, Object> oauth = server.get("/.well-known/oauth-authorization-server").json();

		assertThat(openId).containsEntry("issuer", issuer)
			.containsEntry("jwks_uri", issuer + "/oauth2/jwks")
			.containsEntry("token_endpoint", issuer + "/oauth2/token");
		assertThat(oauth).containsEntry("issuer", issuer);
		assertThat(openId.get("token_endpoint_auth_methods_supported")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.contains("client_secret_basic", "client_secret_post");
	}

	@Test
	void healthIsOpenAndOtherPathsAreDenied() {
		assertThat(server.get("/actuator/health").status()).isEqualTo(200);
		assertThat(server.get("/actuator/health").json()).containsEntry("status", "UP");
		assertThat(List.of(server.get("/actuator/env").status(), server.get("/anything").status(),
				server.get("/userinfo").status()))
			.allSatisfy((status) -> assertThat(status).isIn(401, 403));
	}

}
