package com.exampleco.timesheets.ingest;

import java.time.Duration;
import java.time.Instant;

import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import com.exampleco.timesheets.testsupport.tokens.HostileTokens;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
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
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void refusesTokensInHeaderAndQueryString() throws Exception {
		String token = issuer.token().scopes("create:timesheets").sign();
		MvcResult result = this.mvc
			.perform(upload("?access_token=" + token).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isIn(400, 401);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
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

	private static MockHttpServletRequestBuilder upload() {
		return upload("");
	}

	private static MockHttpServletRequestBuilder upload(String query) {
		return post("/timesheet-batches" + query).contentType(MediaType.APPLICATION_JSON).content(ENTRY);
	}

}
