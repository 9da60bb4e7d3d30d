package com.exampleco.timesheets.webapp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contractor portal: its own sign-in (public client, PKCE,
 * {@code openid read:timesheets} only), the contractor's own timesheets read only, a
 * session of its own apart from the web app's, sign-out at the issuer back to the portal.
 */
class ContractorPortalTests extends WebAppTestSupport {

	@Test
	void contractorSeesOwnTimesheetsReadOnlyWithWhatTheAppMayDo() throws Exception {
		QUERY.json("GET", "/timesheets", 200, page(null,
				timesheet("c41f0000-0000-4000-8000-000000000003", "C2001", "2026-11-04", "6", "APPROVED", 2)));
		QUERY.json("GET", "/employees/C2001/summary", 200,
				"{\"employeeId\":\"C2001\",\"totalHours\":6,\"timesheets\":1,\"byProject\":[],\"byStatus\":[]}");

		this.mvc.perform(get("/contractor/timesheets").with(carla()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Your timesheets</h1>"),
					containsString("<span id=\"granted-scopes\">read:timesheets</span>"),
					containsString("class=\"badge badge-approved\">Approved</span>"),
					containsString("action=\"/contractor/logout\""), not(containsString("method=\"post\" action=\"/t")),
					not(containsString("/upload")), not(containsString("Team approvals")))));

		RecordingApi.Request list = QUERY.requests("GET", "/timesheets").get(0);
		assertThat(list.header("Authorization")).isEqualTo("Bearer token-carla");
		assertThat(list.params()).containsEntry("employeeId", "C2001");
	}

	@Test
	void anonymousVisitorIsSentToThePortalsOwnSignIn() throws Exception {
		this.mvc.perform(get("/contractor/timesheets"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/contractor/oauth2/authorization/contractor-portal"));
		this.mvc.perform(get("/contractor/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/contractor/oauth2/authorization/contractor-portal\"")));
	}

	@Test
	void portalSignInAsksTheIssuerForReadOnlyWithPkce() throws Exception {
		String location = this.mvc.perform(get("/contractor/oauth2/authorization/contractor-portal"))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(location).startsWith(ISSUER + "/oauth2/authorize?");
		Map<String, String> query = query(location);
		assertThat(query).containsEntry("client_id", "contractor-portal")
			.containsEntry("response_type", "code")
			.containsEntry("scope", "openid read:timesheets")
			.containsEntry("redirect_uri", "http://localhost/contractor/login/oauth2/code/contractor-portal")
			.containsEntry("code_challenge_method", "S256")
			.containsKey("code_challenge");
	}

	@Test
	void webAppSessionDoesNotOpenThePortalNorTheOtherWayRound() throws Exception {
		QUERY.json("GET", "/timesheets", 200, page(null));
		QUERY.json("GET", "/employees/E1001/summary", 200,
				"{\"employeeId\":\"E1001\",\"totalHours\":0,\"timesheets\":0,\"byProject\":[],\"byStatus\":[]}");
		MockHttpSession webSession = session(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, "emma",
				"E1001", "timesheets", "read:timesheets", "create:timesheets");
		MockHttpSession portalSession = session("CONTRACTOR_PORTAL_SECURITY_CONTEXT", "carla", "C2001",
				"contractor-portal", "read:timesheets");

		this.mvc.perform(get("/timesheets").session(webSession)).andExpect(status().isOk());
		assertThat(QUERY.requests("GET", "/timesheets").get(0).header("Authorization")).isEqualTo("Bearer token-emma");
		this.mvc.perform(get("/contractor/timesheets").session(webSession))
			.andExpect(redirectedUrl("/contractor/oauth2/authorization/contractor-portal"));
		this.mvc.perform(get("/timesheets").session(portalSession))
			.andExpect(redirectedUrl("/oauth2/authorization/timesheets"));
	}

	@Test
	void portalSignOutEndsTheSessionAtTheIssuerAndReturnsToThePortal() throws Exception {
		String location = this.mvc.perform(post("/contractor/logout").with(carla()).with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(location).startsWith(ISSUER + "/connect/logout?");
		assertThat(query(location)).containsEntry("id_token_hint", "id-token-carla")
			.containsEntry("post_logout_redirect_uri", "http://localhost/contractor/");
	}

	private MockHttpSession session(String key, String login, String employeeId, String app, String... scopes) {
		DefaultOidcUser user = oidcUser(login, employeeId, java.util.List.of(), registration(app), scopes);
		OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(user, user.getAuthorities(), app);
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(key, new SecurityContextImpl(authentication));
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(session);
		Instant now = Instant.now();
		this.authorizedClients.saveAuthorizedClient(
				new OAuth2AuthorizedClient(registration(app), login, new OAuth2AccessToken(
						OAuth2AccessToken.TokenType.BEARER, "token-" + login, now, now.plusSeconds(300))),
				authentication, request, new MockHttpServletResponse());
		return session;
	}

	static Map<String, String> query(String location) {
		return UriComponentsBuilder.fromUriString(location)
			.build()
			.getQueryParams()
			.toSingleValueMap()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					(entry) -> URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
	}

}
