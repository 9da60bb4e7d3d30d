package com.exampleco.timesheets.query;

import java.time.LocalDate;
import java.util.UUID;

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

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("timesheets.security.issuer-uri", () -> issuer.issuer().toString());
	}

	@BeforeAll
	static void rows() {
		alices = TestRows.h2().timesheet("TOKEN-ALICE", "TOKEN", LocalDate.of(2026, 8, 3), "3", "SUBMITTED");
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
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
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
		return this.mvc.perform(get(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus();
	}

}
