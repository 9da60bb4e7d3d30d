package com.exampleco.timesheets.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.testsupport.tokens.HostileClaims;
import com.exampleco.timesheets.testsupport.tokens.HostileTokens;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The query API's real token path: tokens signed by a real issuer whose keys are fetched
 * over HTTP; hostile variants are 401 {@code invalid_token}; the employee claim of a real
 * token restricts what is seen.
 */
@SpringBootTest(properties = { "spring.datasource.url=" + TestRows.H2_URL, "spring.datasource.username=sa",
		"spring.datasource.password=" })
@AutoConfigureMockMvc
class BearerTokenTests {

	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	static UUID alices;

	static final UUID aliceBatch = UUID.randomUUID();

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("timesheets.security.issuer-uri", () -> issuer.issuer().toString());
	}

	@BeforeAll
	static void rows() {
		TestRows rows = TestRows.h2();
		alices = rows.timesheet(UUID.randomUUID(), aliceBatch, "TOKEN-ALICE", "TOKEN", LocalDate.of(2026, 8, 3), "3",
				"SUBMITTED");
		rows.outcome(aliceBatch, alices, "APPLIED", null);
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("com.exampleco.timesheets.testsupport.tokens.HostileTokens#all")
	void refusesHostileToken(HostileTokens.Variant hostile) throws Exception {
		String token = hostile.sign(issuer.token().scopes("read:timesheets"));
		MvcResult result = this.mvc
			.perform(get("/timesheets/" + alices).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")
			.contains("error=\"invalid_token\"");
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType())
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(result.getResponse().getContentAsString()).doesNotContain("TOKEN-ALICE");
	}

	@Test
	void refusesTokenInQueryString() throws Exception {
		String token = issuer.token().scopes("read:timesheets").sign();
		MvcResult result = this.mvc.perform(get("/timesheets/" + alices + "?access_token=" + token)).andReturn();
		assertChallenge(result, 400, "invalid_request",
				"Access tokens are accepted in the Authorization header only, not in the URL");
	}

	@Test
	void refusesTokenInHeaderAndQueryStringAsBadRequest() throws Exception {
		String token = issuer.token().scopes("read:timesheets").sign();
		MvcResult result = this.mvc
			.perform(get("/timesheets/" + alices + "?access_token=" + token).header(HttpHeaders.AUTHORIZATION,
					"Bearer " + token))
			.andReturn();
		assertChallenge(result, 400, "invalid_request",
				"The access token was sent more than once; send it once, in the Authorization header");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("TOKEN-ALICE").doesNotContain(token);
	}

	@Test
	void refusesExpiredTokenWithTheFixedDescription() throws Exception {
		String token = issuer.token()
			.scopes("read:timesheets")
			.expiresAt(Instant.now().minus(Duration.ofMinutes(2)))
			.sign();
		assertChallenge(perform(token, "/timesheets/" + alices), 401, "invalid_token", "The access token has expired");
	}

	@Test
	void refusesTokenOfAnotherAudienceWithTheFixedDescription() throws Exception {
		String token = issuer.token().scopes("read:timesheets").audience("https://api.other.example.com").sign();
		assertChallenge(perform(token, "/timesheets/" + alices), 401, "invalid_token",
				"The access token is not accepted by this API");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("com.exampleco.timesheets.testsupport.tokens.HostileClaims#all")
	void refusesHostileClaims(HostileClaims.Variant hostile) throws Exception {
		for (String uri : List.of("/timesheets?employeeId=TOKEN-ALICE", "/timesheets/" + alices,
				"/employees/TOKEN-ALICE/summary", "/batches/" + aliceBatch)) {
			MvcResult result = perform(hostile.sign(issuer.token(), "read:timesheets"), uri);
			assertChallenge(result, 401, "invalid_token", hostile.description());
			assertThat(result.getResponse().getContentAsString()).as(uri).doesNotContain("TOKEN-ALICE\",");
		}
	}

	@Test
	void readsEmployeeClaimInAnyCaseAsTheSameEmployee() throws Exception {
		String alice = issuer.token().scopes("read:timesheets").employee("token-alice").sign();
		String bob = issuer.token().scopes("read:timesheets").employee("Token-Bob").sign();
		assertThat(status(alice, "/timesheets/" + alices)).isEqualTo(200);
		assertThat(status(alice, "/employees/TOKEN-ALICE/summary")).isEqualTo(200);
		assertThat(status(bob, "/timesheets/" + alices)).isEqualTo(404);
	}

	@Test
	void answersAuth0ClientCredentialsTokenWithExactlyItsScope() throws Exception {
		String contractor = issuer.token()
			.auth0ClientCredentials("contractor-m2m")
			.scopes("read:timesheets")
			.permissions("read:timesheets", "create:timesheets")
			.sign();
		assertThat(status(contractor, "/timesheets/" + alices)).isEqualTo(200);
		assertThat(status(contractor, "/batches/" + aliceBatch)).as("unrestricted reader").isEqualTo(200);
		String uploader = issuer.token().auth0ClientCredentials("uploader-m2m").scopes("create:timesheets").sign();
		assertThat(status(uploader, "/timesheets/" + alices)).isEqualTo(403);
		assertThat(status(uploader, "/batches/" + aliceBatch)).as("another client's batch").isEqualTo(404);
	}

	@Test
	void answersAuth0UserTokenWithItsScopeNotItsPermissions() throws Exception {
		String withScope = issuer.token()
			.auth0User("auth0|alice", "contractor-portal")
			.scopes("openid profile read:timesheets")
			.permissions("read:timesheets", "approve:timesheets")
			.employee("TOKEN-ALICE")
			.sign();
		assertThat(status(withScope, "/timesheets/" + alices)).isEqualTo(200);
		assertThat(status(withScope, "/batches/" + aliceBatch)).as("not its client's batch").isEqualTo(404);
		String withoutApiScope = issuer.token()
			.auth0User("auth0|alice", "contractor-portal")
			.scopes("openid profile")
			.permissions("read:timesheets")
			.employee("TOKEN-ALICE")
			.sign();
		assertThat(status(withoutApiScope, "/timesheets/" + alices)).as("permissions do not count beside scope")
			.isEqualTo(403);
	}

	@Test
	void answersValidTokenOfTheIssuer() throws Exception {
		String token = issuer.token().scopes("read:timesheets").sign();
		assertThat(status(token, "/timesheets/" + alices)).isEqualTo(200);
	}

	@Test
	void answersScopeFromAuth0PermissionsClaim() throws Exception {
		String token = issuer.token().permissions("read:timesheets").sign();
		assertThat(status(token, "/timesheets/" + alices)).isEqualTo(200);
	}

	@Test
	void restrictsRealTokenWithEmployeeClaim() throws Exception {
		String alice = issuer.token().scopes("read:timesheets").claim(Tokens.EMPLOYEE_CLAIM, "TOKEN-ALICE").sign();
		String bob = issuer.token().scopes("read:timesheets").claim(Tokens.EMPLOYEE_CLAIM, "TOKEN-BOB").sign();
		assertThat(status(alice, "/timesheets/" + alices)).isEqualTo(200);
		assertThat(status(bob, "/timesheets/" + alices)).isEqualTo(404);
		assertThat(status(bob, "/employees/TOKEN-ALICE/summary")).isEqualTo(404);
	}

	private int status(String token, String uri) throws Exception {
		return perform(token, uri).getResponse().getStatus();
	}

	private MvcResult perform(String token, String uri) throws Exception {
		return this.mvc.perform(get(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
	}

	private static void assertChallenge(MvcResult result, int status, String error, String description)
			throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
			.isEqualTo("Bearer error=\"" + error + "\", error_description=\"" + description + "\"");
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType())
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(result.getResponse().getContentAsString()).contains("\"detail\":\"" + description);
	}

}
