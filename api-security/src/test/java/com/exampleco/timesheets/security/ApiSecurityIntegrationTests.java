package com.exampleco.timesheets.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.exampleco.timesheets.security.sample.SampleApiApplication;
import com.exampleco.timesheets.testsupport.tokens.HostileClaims;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real token path: a running sample API, tokens signed by a real issuer whose keys
 * are fetched over HTTP, requests over HTTP.
 */
@SpringBootTest(classes = SampleApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,info",
				// short, so that a rotated key is found within the test
				"timesheets.security.jwks.min-refetch-interval=1s" })
class ApiSecurityIntegrationTests {

	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	static final String NOT_ACCEPTED = "The access token is not accepted by this API";

	static final String SEVERAL_TOKENS = "The access token was sent more than once; send it once, in the Authorization header";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) {
		registry.add("timesheets.security.issuer-uri", () -> issuer.issuer().toString());
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@Test
	void servesRequestWithTheRouteScope() throws Exception {
		HttpResponse<String> response = post("/timesheet-batches", issuer.token().scopes("create:timesheets").sign());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body(response).get("authorities").toString()).contains("SCOPE_create:timesheets");
	}

	@Test
	void resolvesCallerFromAzpSubjectAndEmployeeClaim() throws Exception {
		String token = issuer.token()
			.scopes("create:timesheets")
			.authorizedParty("uploader")
			.subject("uploader@clients")
			.claim(ApiSecurityProperties.DEFAULT_EMPLOYEE_CLAIM, "E-1001")
			.sign();

		JsonNode caller = body(post("/timesheet-batches", token));

		assertThat(caller.get("clientId").asString()).isEqualTo("uploader");
		assertThat(caller.get("subject").asString()).isEqualTo("uploader@clients");
		assertThat(caller.get("employeeId").asString()).isEqualTo("E-1001");
		assertThat(caller.get("kind").asString()).isEqualTo("EMPLOYEE");
	}

	@Test
	void deniesRequestWithoutTheRouteScopeNamingTheScope() throws Exception {
		HttpResponse<String> response = post("/timesheet-batches", issuer.token().scopes("read:timesheets").sign());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(challenge(response)).isEqualTo("Bearer error=\"insufficient_scope\", scope=\"create:timesheets\"");
		assertProblem(response, 403, "create:timesheets");
	}

	@Test
	void deniesUndeclaredRouteEvenWithEveryScope() throws Exception {
		HttpResponse<String> response = get("/not-routed",
				issuer.token().scopes("create:timesheets", "read:timesheets").sign());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(challenge(response)).isEqualTo("Bearer error=\"insufficient_scope\"");
		assertProblem(response, 403, "No scope");
	}

	@Test
	void challengesRequestWithoutTokenWithoutErrorCode() throws Exception {
		HttpResponse<String> response = post("/timesheet-batches", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(challenge(response)).isEqualTo("Bearer");
		assertProblem(response, 401, "requires a bearer access token");
	}

	@Test
	void leavesOnlyHealthAnonymous() throws Exception {
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
		assertThat(get("/not-routed", null).statusCode()).isEqualTo(401);
	}

	@Test
	void rejectsExpiredToken() throws Exception {
		assertInvalidToken(issuer.token().scopes("create:timesheets").expiresIn(Duration.ofMinutes(-2)).sign(),
				"The access token has expired");
	}

	@Test
	void acceptsTokenExpiredWithinClockSkew() throws Exception {
		String token = issuer.token().scopes("create:timesheets").expiresIn(Duration.ofSeconds(-10)).sign();

		assertThat(post("/timesheet-batches", token).statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsTokenWithoutExpiry() throws Exception {
		assertInvalidToken(issuer.token().scopes("create:timesheets").withoutClaim("exp").sign(), NOT_ACCEPTED);
	}

	@Test
	void rejectsTokenNotYetValidBeyondClockSkew() throws Exception {
		assertInvalidToken(
				issuer.token().scopes("create:timesheets").notBefore(Instant.now().plus(Duration.ofMinutes(2))).sign(),
				"The access token is not valid yet");
	}

	@Test
	void acceptsTokenNotYetValidWithinClockSkew() throws Exception {
		String token = issuer.token()
			.scopes("create:timesheets")
			.notBefore(Instant.now().plus(Duration.ofSeconds(10)))
			.sign();

		assertThat(post("/timesheet-batches", token).statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsTokenFromAnotherIssuer() throws Exception {
		assertInvalidToken(issuer.token().scopes("create:timesheets").wrongIssuer().sign(), NOT_ACCEPTED);
	}

	@Test
	void rejectsIssuerThatDiffersOnlyByTrailingSlash() throws Exception {
		assertInvalidToken(issuer.token().scopes("create:timesheets").issuer(issuer.issuer() + "/").sign(),
				NOT_ACCEPTED);
	}

	@Test
	void rejectsTokenForAnotherAudience() throws Exception {
		assertInvalidToken(issuer.token().scopes("create:timesheets").audience("https://api.other.example.com").sign(),
				NOT_ACCEPTED);
	}

	@Test
	void rejectsTokenWithoutAudience() throws Exception {
		assertInvalidToken(issuer.token().scopes("create:timesheets").noAudience().sign(), NOT_ACCEPTED);
	}

	@Test
	void acceptsTokenWhoseAudiencesIncludeTheApi() throws Exception {
		String token = issuer.token()
			.scopes("create:timesheets")
			.audience("https://tenant.auth0.com/userinfo", TestTokenIssuer.DEFAULT_AUDIENCE)
			.sign();

		assertThat(post("/timesheet-batches", token).statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsTokenWithoutSubject() throws Exception {
		assertInvalidToken(issuer.token().scopes("create:timesheets").withoutClaim("sub").sign(), NOT_ACCEPTED);
	}

	@Test
	void rejectsUnsignedToken() throws Exception {
		assertInvalidToken(issuer.token().scopes("create:timesheets").algNone().sign(), NOT_ACCEPTED);
	}

	@Test
	void rejectsHs256TokenKeyedWithThePublicKey() throws Exception {
		assertInvalidToken(issuer.token().scopes("create:timesheets").hs256WithPublicKey().sign(), NOT_ACCEPTED);
	}

	@Test
	void rejectsTamperedPayload() throws Exception {
		assertInvalidToken(issuer.token().scopes("read:timesheets").tamperedPayload().sign(), NOT_ACCEPTED);
	}

	@Test
	void rejectsTokenSignedWithUnknownKey() throws Exception {
		assertInvalidToken(issuer.token().scopes("create:timesheets").unknownKid().sign(), NOT_ACCEPTED);
	}

	@Test
	void rejectsGarbage() throws Exception {
		assertInvalidToken("not-a-jwt", "The access token is malformed");
	}

	@Test
	void rejectsHeaderThatIsNoBearerToken() throws Exception {
		assertInvalidToken("two words", "The access token is malformed");
	}

	@Test
	void rejectsTokenInQueryString() throws Exception {
		String token = issuer.token().scopes("read:timesheets").sign();

		HttpResponse<String> response = get("/timesheets/42?access_token=" + token, null);

		assertInvalidRequest(response, token,
				"Access tokens are accepted in the Authorization header only, not in the URL");
	}

	@Test
	void rejectsTokenInQueryStringAndHeaderAsBadRequest() throws Exception {
		String token = issuer.token().scopes("read:timesheets").sign();

		HttpResponse<String> response = get("/timesheets/42?access_token=" + token, token);

		assertInvalidRequest(response, token, SEVERAL_TOKENS);
	}

	@Test
	void rejectsTokenInFormBodyAndHeaderAsBadRequest() throws Exception {
		String token = issuer.token().scopes("create:timesheets").sign();

		HttpResponse<String> response = send(
				request("/timesheet-batches", token).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("access_token=" + token)));

		assertInvalidRequest(response, token, SEVERAL_TOKENS);
	}

	@Test
	void mapsPermissionsClaimToScopeAuthoritiesWhenThereIsNoScope() throws Exception {
		HttpResponse<String> response = get("/timesheets/42",
				issuer.token().permissions("read:timesheets", "approve:timesheets").sign());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(authorities(response)).contains("SCOPE_read:timesheets", "SCOPE_approve:timesheets");
	}

	@Test
	void mapsScpListToScopeAuthorities() throws Exception {
		HttpResponse<String> response = get("/timesheets/42", issuer.token().scp("read:timesheets").sign());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(authorities(response)).contains("SCOPE_read:timesheets");
	}

	@Test
	void letsScopeAloneDecideWhenPermissionsAreWider() throws Exception {
		String token = issuer.token()
			.scopes("read:timesheets")
			.permissions("read:timesheets", "approve:timesheets", "delete:timesheets")
			.sign();

		List<String> authorities = authorities(get("/timesheets/42", token));

		assertThat(authorities).filteredOn((authority) -> authority.startsWith("SCOPE_"))
			.containsExactly("SCOPE_read:timesheets");
		assertThat(post("/timesheets/42/approval", token).statusCode()).isEqualTo(403);
		assertThat(delete("/timesheets/42", token).statusCode()).isEqualTo(403);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("com.exampleco.timesheets.testsupport.tokens.HostileClaims#all")
	void rejectsHostileClaims(HostileClaims.Variant hostile) throws Exception {
		assertInvalidToken(hostile.sign(issuer.token(), "create:timesheets"), hostile.description());
		// at authentication, not only where a controller asks for the Caller
		HttpResponse<String> read = get("/timesheets/42", hostile.sign(issuer.token(), "read:timesheets"));
		assertThat(read.statusCode()).isEqualTo(401);
		assertThat(challenge(read))
			.isEqualTo("Bearer error=\"invalid_token\", error_description=\"" + hostile.description() + "\"");
	}

	@Test
	void resolvesManagersTeamFromSignedPersonToken() throws Exception {
		String token = issuer.token()
			.scopes("create:timesheets")
			.authorizedParty("timesheets-web")
			.subject("maria")
			.employee("E1002")
			.claim(ApiSecurityProperties.DEFAULT_TEAM_CLAIM, List.of("E1003", "e1001"))
			.sign();

		JsonNode caller = body(post("/timesheet-batches", token));

		assertThat(caller.get("employeeId").asString()).isEqualTo("E1002");
		assertThat(caller.get("team").toString()).isEqualTo("[\"E1001\",\"E1003\"]");
	}

	@Test
	void refusesSignedTokenWhoseTeamClaimIsNoListAtAuthentication() throws Exception {
		String team = "The access token's team claim is not a list of employee ids";
		assertInvalidToken(issuer.token()
			.scopes("create:timesheets")
			.employee("E1002")
			.claim(ApiSecurityProperties.DEFAULT_TEAM_CLAIM, "E1001")
			.sign(), team);
		assertInvalidToken(issuer.token()
			.scopes("create:timesheets")
			.claim(ApiSecurityProperties.DEFAULT_TEAM_CLAIM, List.of("E1001"))
			.sign(), team);
	}

	@Test
	void canonicalizesWrongCaseEmployeeClaim() throws Exception {
		JsonNode caller = body(
				post("/timesheet-batches", issuer.token().scopes("create:timesheets").employee("e1001").sign()));

		assertThat(caller.get("employeeId").asString()).isEqualTo("E1001");
		assertThat(caller.get("kind").asString()).isEqualTo("EMPLOYEE");
	}

	@Test
	void acceptsAuth0ClientCredentialsTokenWithExactlyItsScopes() throws Exception {
		String token = issuer.token()
			.auth0ClientCredentials("Uq7mYc0uploader")
			.scopes("create:timesheets read:timesheets")
			.sign();

		HttpResponse<String> created = post("/timesheet-batches", token);
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(body(created).get("kind").asString()).isEqualTo("MACHINE");
		assertThat(body(created).get("clientId").asString()).isEqualTo("Uq7mYc0uploader");
		assertThat(body(created).get("subject").asString()).isEqualTo("Uq7mYc0uploader@clients");
		assertThat(get("/timesheets/42", token).statusCode()).isEqualTo(200);
		assertThat(post("/timesheets/42/approval", token).statusCode()).isEqualTo(403);
		assertThat(delete("/timesheets/42", token).statusCode()).isEqualTo(403);
	}

	@Test
	void acceptsAuth0UserTokenWithTheRequestedScopeOnlyNotItsWiderPermissions() throws Exception {
		String token = issuer.token()
			.auth0User("auth0|65f0c0ffee", "contractor-portal")
			.scopes("openid profile read:timesheets approve:timesheets")
			.permissions("read:timesheets", "approve:timesheets", "delete:timesheets", "create:timesheets")
			.employee("e1002")
			.sign();

		assertThat(get("/timesheets/42", token).statusCode()).isEqualTo(200);
		HttpResponse<String> approved = post("/timesheets/42/approval", token);
		assertThat(approved.statusCode()).isEqualTo(200);
		assertThat(body(approved).get("approver").asString()).isEqualTo("E1002");
		assertThat(delete("/timesheets/42", token).statusCode()).isEqualTo(403);
		assertThat(post("/timesheet-batches", token).statusCode()).isEqualTo(403);
	}

	@Test
	void acceptsSpringAuthorizationServerClientCredentialsToken() throws Exception {
		String token = issuer.token().springClientCredentials("timesheets-uploader").scopes("create:timesheets").sign();

		JsonNode caller = body(post("/timesheet-batches", token));

		assertThat(caller.get("kind").asString()).isEqualTo("MACHINE");
		assertThat(caller.get("clientId").asString()).isEqualTo("timesheets-uploader");
	}

	@Test
	void rejectsAuth0UserTokenWithoutEmployeeClaim() throws Exception {
		String token = issuer.token()
			.auth0User("auth0|65f0c0ffee", "contractor-portal")
			.scopes("read:timesheets")
			.sign();

		HttpResponse<String> response = get("/timesheets/42", token);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(challenge(response))
			.isEqualTo("Bearer error=\"invalid_token\", error_description=\"" + HostileClaims.NO_IDENTITY + "\"");
	}

	@Test
	void cachesKeysAndRefetchesThemAfterRotation() throws Exception {
		String before = issuer.token().scopes("read:timesheets").sign();
		assertThat(get("/timesheets/1", before).statusCode()).isEqualTo(200);
		int fetches = issuer.jwkSetRequests();

		assertThat(get("/timesheets/2", before).statusCode()).isEqualTo(200);
		assertThat(issuer.jwkSetRequests()).as("cached JWKS").isEqualTo(fetches);

		issuer.rotateKey();
		String after = issuer.token().scopes("read:timesheets").sign();
		// 401 until a second has passed since the last fetch (the minimum interval)
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(get("/timesheets/3", after).statusCode()).isEqualTo(200));
		assertThat(issuer.jwkSetRequests()).as("refetched once for the new kid").isEqualTo(fetches + 1);
		assertThat(get("/timesheets/4", before).statusCode()).as("old key still published").isEqualTo(200);
	}

	@Test
	void decodesWithTheIssuerKeysNotWithALocalJwkSource() throws Exception {
		assertThat(this.context.getBeansOfType(JWKSource.class)).as("authorization-server auto-configuration active")
			.isNotEmpty();
		assertThat(this.context.getBeansOfType(JwtDecoder.class)).hasSize(1);
		@SuppressWarnings("unchecked")
		JWKSource<SecurityContext> localSource = this.context.getBean(JWKSource.class);
		RSAKey localKey = (RSAKey) localSource.get(new JWKSelector(new JWKMatcher.Builder().build()), null).get(0);
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(localKey.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(issuer.issuer().toString())
					.audience(TestTokenIssuer.DEFAULT_AUDIENCE)
					.subject("local")
					.expirationTime(Date.from(Instant.now().plusSeconds(60)))
					.claim("scope", "create:timesheets")
					.build());
		forged.sign(new RSASSASigner(localKey));

		assertInvalidToken(forged.serialize(), NOT_ACCEPTED);
	}

	private void assertInvalidToken(String token, String description) throws Exception {
		HttpResponse<String> response = post("/timesheet-batches", token);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(challenge(response))
			.isEqualTo("Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
		assertProblem(response, 401, description);
		assertThat(body(response).get("error").asString()).isEqualTo("invalid_token");
		assertThat(response.body()).doesNotContain(token);
	}

	private void assertInvalidRequest(HttpResponse<String> response, String token, String description) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(challenge(response))
			.isEqualTo("Bearer error=\"invalid_request\", error_description=\"" + description + "\"");
		assertProblem(response, 400, description);
		assertThat(response.body()).doesNotContain(token).doesNotContain("access_token");
	}

	private static void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		JsonNode problem = body(response);
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("title").asString())
			.isEqualTo((status == 401) ? "Unauthorized" : (status == 400) ? "Bad Request" : "Forbidden");
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).contains(detail);
	}

	private static String challenge(HttpResponse<String> response) {
		List<String> challenges = response.headers().allValues("WWW-Authenticate");
		assertThat(challenges).hasSize(1);
		return challenges.get(0);
	}

	private static JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private static List<String> authorities(HttpResponse<String> response) {
		return body(response).get("authorities").valueStream().map(JsonNode::asString).toList();
	}

	private HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
		return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
	}

	private HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
		return send(request(path, token).DELETE());
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return send(request(path, token).GET());
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
