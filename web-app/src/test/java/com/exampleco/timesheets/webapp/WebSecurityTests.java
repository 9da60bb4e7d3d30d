package com.exampleco.timesheets.webapp;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web app's sign-in, sign-out, headers and error pages.
 */
class WebSecurityTests extends WebAppTestSupport {

	@Test
	void signInUsesPkceAlsoForTheConfidentialWebApp() throws Exception {
		String location = this.mvc.perform(get("/oauth2/authorization/timesheets"))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(location).startsWith(ISSUER + "/oauth2/authorize?");
		Map<String, String> query = ContractorPortalTests.query(location);
		assertThat(query).containsEntry("client_id", "timesheets-web")
			.containsEntry("scope", "openid profile read:timesheets create:timesheets approve:timesheets")
			.containsEntry("redirect_uri", "http://localhost/login/oauth2/code/timesheets")
			.containsEntry("code_challenge_method", "S256")
			.containsKey("code_challenge")
			.containsKey("nonce");
		assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
	}

	@Test
	void portalSignInCannotBeStartedFromTheWebAppsPath() throws Exception {
		this.mvc.perform(get("/oauth2/authorization/contractor-portal"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/oauth2/authorization/timesheets"));
	}

	@Test
	void homePageOffersSignInAndSendsSignedInPeopleToTheirList() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/oauth2/authorization/timesheets\">Sign in</a>")));
		this.mvc.perform(get("/").with(emma())).andExpect(redirectedUrl("/timesheets"));
	}

	@Test
	void everyPageCarriesTheSecurityHeaders() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("default-src 'self'"), containsString("script-src 'self'"),
							containsString("frame-ancestors 'none'"), containsString("object-src 'none'"),
							containsString("form-action 'self' " + ISSUER))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
		this.mvc.perform(get("/contractor/"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void signOutEndsTheSessionAtTheIssuersEndSessionEndpoint() throws Exception {
		String endSession = (String) registration("timesheets").getProviderDetails()
			.getConfigurationMetadata()
			.get("end_session_endpoint");
		assertThat(endSession).isEqualTo(ISSUER + "/connect/logout");

		String location = this.mvc.perform(post("/logout").with(emma()).with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(location).startsWith(endSession + "?");
		assertThat(ContractorPortalTests.query(location)).containsEntry("id_token_hint", "id-token-emma")
			.containsEntry("post_logout_redirect_uri", "http://localhost/");
	}

	@Test
	void signOutDeletesTheSessionCookieAndTheBrowsersCacheOfThisSite() throws Exception {
		var response = this.mvc.perform(post("/logout").with(emma()).with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse();
		// without these a browser's back button can show a signed-in page from its cache
		assertThat(response.getHeader("Clear-Site-Data")).isEqualTo("\"cache\"");
		assertThat(response.getCookie("JSESSIONID")).isNotNull();
		assertThat(response.getCookie("JSESSIONID").getMaxAge()).isZero();
	}

	@Test
	void signOutWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/logout").with(emma()))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Location", (String) null));
	}

	@Test
	void serverErrorPageLeaksNothing() throws Exception {
		this.mvc
			.perform(get("/error").accept("text/html")
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/timesheets")
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION,
						new IllegalStateException("secret-detail jdbc:postgresql://db/timesheets"))
				.requestAttr(RequestDispatcher.ERROR_MESSAGE, "secret-detail"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(allOf(containsString("<h1>Something went wrong</h1>"),
					not(containsString("secret-detail")), not(containsString("IllegalStateException")),
					not(containsString("jdbc:")), not(containsString("/timesheets</")), not(containsString("at com.")),
					not(containsString("Whitelabel")))));
	}

	@Test
	void notFoundAndForbiddenPagesSayOnlyThat() throws Exception {
		this.mvc
			.perform(get("/error").accept("text/html")
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/secret-path"))
			.andExpect(status().isNotFound())
			.andExpect(content()
				.string(allOf(containsString("<h1>Page not found</h1>"), not(containsString("secret-path")))));
		this.mvc
			.perform(get("/error").accept("text/html")
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/team")
				.requestAttr(RequestDispatcher.ERROR_MESSAGE, "Access Denied"))
			.andExpect(status().isForbidden())
			.andExpect(content()
				.string(allOf(containsString("<h1>Not allowed</h1>"), not(containsString("Access Denied")))));
	}

	@Test
	void errorAnswerForMachinesHasNoTraceNorMessage() throws Exception {
		this.mvc
			.perform(get("/error").accept("application/json")
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret-detail")))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(allOf(startsWith("{"), not(containsString("secret-detail")),
					not(containsString("trace")), not(containsString("exception")))));
	}

}
