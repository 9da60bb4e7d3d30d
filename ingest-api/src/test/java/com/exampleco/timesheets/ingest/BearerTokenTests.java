package com.exampleco.timesheets.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.testsupport.tokens.HostileClaims;
import com.exampleco.timesheets.testsupport.tokens.HostileTokens;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The bad-token suite against the ingest API's real token path: tokens signed by a real
 * issuer whose keys are fetched over HTTP, each hostile variant answered 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} (or {@code invalid_request}) and
 * nothing published.
 */
@SpringBootTest(
		properties = { "spring.kafka.admin.auto-create=false", "timesheets.ingest.idempotency.load-timeout=0s" })
@AutoConfigureMockMvc
class BearerTokenTests {

	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	static final String SEVERAL_TOKENS = "The access token was sent more than once; send it once, in the Authorization header";

	static final String ENTRY = "[{\"externalId\":\"tok-1\",\"employeeId\":\"E1001\",\"projectCode\":\"ALPHA\","
			+ "\"workDate\":\"2026-11-02\",\"hours\":1}]";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EventPublisher publisher;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("timesheets.security.issuer-uri", () -> issuer.issuer().toString());
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("com.exampleco.timesheets.testsupport.tokens.HostileTokens#all")
	void refusesHostileToken(HostileTokens.Variant hostile) throws Exception {
		String token = hostile.sign(issuer.token().scopes("create:timesheets"));
		MvcResult result = this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
		assertInvalidToken(result);
	}

	@Test
	void acceptsValidTokenOfTheIssuer() throws Exception {
		String token = issuer.token().scopes("create:timesheets").sign();
		MvcResult result = this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(202);
	}

	@Test
	void acceptsScopeFromAuth0PermissionsClaim() throws Exception {
		String token = issuer.token().permissions("create:timesheets").sign();
		MvcResult result = this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(202);
	}

	@Test
	void acceptsTokenExpiredWithinClockSkew() throws Exception {
		String token = issuer.token()
			.scopes("create:timesheets")
			.issuedAt(Instant.now().minus(Duration.ofMinutes(5)))
			.expiresAt(Instant.now().minusSeconds(10))
			.sign();
		MvcResult result = this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(202);
	}

	@Test
	void refusesGarbageToken() throws Exception {
		assertInvalidToken(
				this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt")).andReturn());
	}

	@Test
	void refusesTokenInQueryString() throws Exception {
		String token = issuer.token().scopes("create:timesheets").sign();
		MvcResult result = this.mvc.perform(upload("?access_token=" + token)).andReturn();
		assertChallenge(result, 400, "invalid_request",
				"Access tokens are accepted in the Authorization header only, not in the URL");
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void refusesTokensInHeaderAndQueryStringAsBadRequest() throws Exception {
		String token = issuer.token().scopes("create:timesheets").sign();
		MvcResult result = this.mvc
			.perform(upload("?access_token=" + token).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn();
		assertChallenge(result, 400, "invalid_request", SEVERAL_TOKENS);
		assertThat(result.getResponse().getContentAsString()).doesNotContain(token);
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void refusesTokensInHeaderAndFormBodyAsBadRequest() throws Exception {
		String token = issuer.token().scopes("create:timesheets").sign();
		MvcResult result = this.mvc
			.perform(post("/timesheet-batches").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("access_token=" + token)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn();
		assertChallenge(result, 400, "invalid_request", SEVERAL_TOKENS);
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void refusesExpiredTokenWithTheFixedDescription() throws Exception {
		String token = issuer.token()
			.scopes("create:timesheets")
			.expiresAt(Instant.now().minus(Duration.ofMinutes(2)))
			.sign();
		MvcResult result = this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
		assertChallenge(result, 401, "invalid_token", "The access token has expired");
	}

	@Test
	void refusesTamperedTokenWithoutNamingTheCheck() throws Exception {
		String token = issuer.token().scopes("read:timesheets").tamperedPayload().sign();
		MvcResult result = this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
		assertChallenge(result, 401, "invalid_token", "The access token is not accepted by this API");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("signature").doesNotContain("Jwt");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("com.exampleco.timesheets.testsupport.tokens.HostileClaims#all")
	void refusesHostileClaims(HostileClaims.Variant hostile) throws Exception {
		MvcResult upload = this.mvc
			.perform(upload().header(HttpHeaders.AUTHORIZATION,
					"Bearer " + hostile.sign(issuer.token(), "create:timesheets")))
			.andReturn();
		assertChallenge(upload, 401, "invalid_token", hostile.description());
		MvcResult approval = this.mvc
			.perform(post("/timesheets/" + UUID.randomUUID() + "/approval").contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\":\"APPROVED\"}")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + hostile.sign(issuer.token(), "approve:timesheets")))
			.andReturn();
		assertChallenge(approval, 401, "invalid_token", hostile.description());
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void recordsTheEmployeeClaimInCanonicalFormAsTheActor() throws Exception {
		String token = issuer.token().scopes("create:timesheets").employee("e1001").sign();
		MvcResult result = this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(202);
		assertThat(published()).singleElement()
			.satisfies((event) -> assertThat(event.actor().employeeId()).isEqualTo("E1001"));
	}

	@Test
	void acceptsAuth0ClientCredentialsTokenWithExactlyItsScope() throws Exception {
		String token = issuer.token()
			.auth0ClientCredentials("Uq7mYc0uploader")
			.scopes("create:timesheets")
			.permissions("create:timesheets", "approve:timesheets", "delete:timesheets")
			.sign();
		assertThat(this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(202);
		assertThat(published()).singleElement().satisfies((event) -> {
			assertThat(event.actor().clientId()).isEqualTo("Uq7mYc0uploader");
			assertThat(event.actor().subject()).isEqualTo("Uq7mYc0uploader@clients");
			assertThat(event.actor().employeeId()).isNull();
		});
		assertForbidden(token);
	}

	@Test
	void acceptsAuth0UserTokenWithItsScopeNotItsWiderPermissions() throws Exception {
		String token = issuer.token()
			.auth0User("auth0|65f0c0ffee", "timesheets-portal")
			.scopes("openid profile create:timesheets")
			.permissions("create:timesheets", "approve:timesheets", "delete:timesheets")
			.employee("E1001")
			.sign();
		assertThat(this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(202);
		assertThat(published()).singleElement()
			.satisfies((event) -> assertThat(event.actor().employeeId()).isEqualTo("E1001"));
		assertForbidden(token);
	}

	@Test
	void refusesAuth0UserTokenWithoutEmployeeClaim() throws Exception {
		String token = issuer.token()
			.auth0User("auth0|65f0c0ffee", "timesheets-portal")
			.scopes("create:timesheets")
			.sign();
		MvcResult result = this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
		assertChallenge(result, 401, "invalid_token", HostileClaims.NO_IDENTITY);
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void refusesValidTokenWithoutTheScope() throws Exception {
		String token = issuer.token().scopes("read:timesheets").sign();
		MvcResult result = this.mvc.perform(upload().header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
			.contains("error=\"insufficient_scope\"")
			.contains("scope=\"create:timesheets\"");
	}

	private void assertInvalidToken(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")
			.contains("error=\"invalid_token\"");
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType()))
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		verify(this.publisher, never()).publish(any(), any());
	}

	/**
	 * Approval and deletion are beyond the token's scope whatever its permissions say.
	 */
	private void assertForbidden(String token) throws Exception {
		UUID timesheet = UUID.randomUUID();
		MvcResult approval = this.mvc
			.perform(post("/timesheets/" + timesheet + "/approval").contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\":\"APPROVED\"}")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn();
		assertThat(approval.getResponse().getStatus()).isEqualTo(403);
		assertThat(approval.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
			.isEqualTo("Bearer error=\"insufficient_scope\", scope=\"approve:timesheets\"");
		MvcResult deletion = this.mvc
			.perform(delete("/timesheets/" + timesheet).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn();
		assertThat(deletion.getResponse().getStatus()).isEqualTo(403);
	}

	private List<TimesheetSubmitted> published() {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		ArgumentCaptor<List<TimesheetEvent>> captor = (ArgumentCaptor) ArgumentCaptor.forClass(List.class);
		verify(this.publisher).publish(captor.capture(), any());
		return captor.getValue().stream().map(TimesheetSubmitted.class::cast).toList();
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

	private static MockHttpServletRequestBuilder upload() {
		return upload("");
	}

	private static MockHttpServletRequestBuilder upload(String query) {
		return post("/timesheet-batches" + query).contentType(MediaType.APPLICATION_JSON).content(ENTRY);
	}

}
