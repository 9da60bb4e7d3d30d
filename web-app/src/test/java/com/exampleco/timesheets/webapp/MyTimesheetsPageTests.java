package com.exampleco.timesheets.webapp;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "My timesheets": the person's own timesheets from the query API, with their token,
 * filters, cursor paging, status badges and the hours total.
 */
class MyTimesheetsPageTests extends WebAppTestSupport {

	private static final String SUBMITTED = timesheet("0b9a0000-0000-4000-8000-000000000001", "E1001", "2026-11-02",
			"7.5", "SUBMITTED", 1);

	private static final String APPROVED = timesheet("77d20000-0000-4000-8000-000000000002", "E1001", "2026-11-03",
			"8.25", "APPROVED", 2);

	@Test
	void listsOwnTimesheetsWithBadgesAndTheHoursTotal() throws Exception {
		QUERY.json("GET", "/timesheets", 200, page("AQAAAAAAAE", SUBMITTED, APPROVED));
		QUERY.json("GET", "/employees/E1001/summary", 200,
				"""
						{"employeeId":"E1001","totalHours":15.75,"timesheets":2,"byProject":[],
						 "byStatus":[{"status":"APPROVED","hours":8.25,"timesheets":1},{"status":"SUBMITTED","hours":7.5,"timesheets":1}]}""");

		this.mvc.perform(get("/timesheets").with(emma()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>My timesheets</h1>"),
					containsString("class=\"badge badge-submitted\">Submitted</span>"),
					containsString("class=\"badge badge-approved\">Approved</span>"),
					containsString("<strong id=\"total-hours\">15.75</strong>"),
					containsString("href=\"/timesheets?cursor=AQAAAAAAAE\""), not(containsString("Team approvals")))));

		RecordingApi.Request list = QUERY.requests("GET", "/timesheets").get(0);
		assertThat(list.header("Authorization")).isEqualTo("Bearer token-emma");
		assertThat(list.params()).containsEntry("employeeId", "E1001").containsEntry("limit", "20");
		assertThat(list.params()).doesNotContainKeys("status", "from", "to", "cursor");
	}

	@Test
	void nextPageReplaysTheFiltersWithTheCursorAndTotalsTheChosenStatus() throws Exception {
		QUERY.json("GET", "/timesheets", 200, page(null, SUBMITTED));
		QUERY.json("GET", "/employees/E1001/summary", 200,
				"""
						{"employeeId":"E1001","totalHours":15.75,"timesheets":2,"byProject":[],
						 "byStatus":[{"status":"APPROVED","hours":8.25,"timesheets":1},{"status":"SUBMITTED","hours":7.5,"timesheets":1}]}""");

		this.mvc
			.perform(get("/timesheets").param("from", "2026-11-01")
				.param("to", "2026-11-30")
				.param("status", "SUBMITTED")
				.param("cursor", "AQAAAAAAAE")
				.with(emma()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<strong id=\"total-hours\">7.5</strong>"),
					containsString("href=\"/timesheets?from=2026-11-01&amp;to=2026-11-30&amp;status=SUBMITTED\""),
					not(containsString("rel=\"next\"")))));

		assertThat(QUERY.requests("GET", "/timesheets").get(0).params()).containsEntry("from", "2026-11-01")
			.containsEntry("to", "2026-11-30")
			.containsEntry("status", "SUBMITTED")
			.containsEntry("cursor", "AQAAAAAAAE");
		assertThat(QUERY.requests("GET", "/employees/E1001/summary").get(0).params())
			.containsEntry("from", "2026-11-01")
			.containsEntry("to", "2026-11-30");
	}

	@Test
	void emptyFilterFieldsAreNotSentAsEmptyParameters() throws Exception {
		QUERY.json("GET", "/timesheets", 200, page(null));
		QUERY.json("GET", "/employees/E1001/summary", 200,
				"{\"employeeId\":\"E1001\",\"totalHours\":0,\"timesheets\":0,\"byProject\":[],\"byStatus\":[]}");

		this.mvc.perform(get("/timesheets?from=&to=&status=").with(emma()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No timesheets match these filters.")));

		assertThat(QUERY.requests("GET", "/timesheets").get(0).params()).containsOnlyKeys("employeeId", "limit");
	}

	@Test
	void unreadableDateIsShownByItsFieldWithoutAskingTheApi() throws Exception {
		this.mvc.perform(get("/timesheets").param("from", "30.11.2026").with(emma()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("aria-describedby=\"from-error\""),
					containsString("<p id=\"from-error\" class=\"field-error\">Enter a date like 2026-11-30.</p>"))));

		assertThat(QUERY.requests()).isEmpty();
	}

	@Test
	void tamperedCursorOffersTheFirstPage() throws Exception {
		QUERY.problem("GET", "/timesheets", 400, """
				{"type":"https://timesheets.exampleco.com/problems/invalid-parameter","title":"Invalid parameter",
				 "status":400,"detail":"'cursor' is not valid","parameter":"cursor"}""");

		this.mvc.perform(get("/timesheets").param("cursor", "garbage").with(emma()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("This page link is no longer valid"),
					containsString("href=\"/timesheets\">First page</a>"))));
	}

	@Test
	void anonymousVisitorIsSentToSignIn() throws Exception {
		this.mvc.perform(get("/timesheets"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/oauth2/authorization/timesheets"));
	}

	@Test
	void expiredAccessTokenIsRefreshedBeforeTheApiIsCalled() throws Exception {
		// the token endpoint of this registration answers as the auth server does to a
		// refresh
		INGEST.json("POST", "/token", 200, """
				{"access_token":"fresh-token","token_type":"Bearer","expires_in":600,"refresh_token":"refresh-2",
				 "scope":"openid profile read:timesheets create:timesheets"}""");
		QUERY.json("GET", "/timesheets", 200, page(null));
		QUERY.json("GET", "/employees/E1001/summary", 200,
				"{\"employeeId\":\"E1001\",\"totalHours\":0,\"timesheets\":0,\"byProject\":[],\"byStatus\":[]}");
		ClientRegistration registration = ClientRegistration.withClientRegistration(registration("timesheets"))
			.tokenUri(INGEST.uri() + "/token")
			.build();
		Instant past = Instant.now().minusSeconds(600);
		OAuth2AccessToken expired = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired-token", past,
				past.plusSeconds(300));

		this.mvc
			.perform(get("/timesheets").with(signedInWithSession("emma", "E1001", "timesheets", expired,
					new OAuth2RefreshToken("refresh-1", past), registration, "read:timesheets")))
			.andExpect(status().isOk());

		RecordingApi.Request refresh = INGEST.requests("POST", "/token").get(0);
		assertThat(refresh.body()).contains("grant_type=refresh_token").contains("refresh_token=refresh-1");
		assertThat(refresh.header("Authorization")).startsWith("Basic ");
		assertThat(QUERY.requests("GET", "/timesheets").get(0).header("Authorization")).isEqualTo("Bearer fresh-token");
	}

	@Test
	void refusedRefreshSendsThePersonToSignInAgain() throws Exception {
		INGEST.answer("POST", "/token", 400, "application/json",
				"{\"error\":\"invalid_grant\",\"error_description\":\"refresh token expired\"}");
		ClientRegistration registration = ClientRegistration.withClientRegistration(registration("timesheets"))
			.tokenUri(INGEST.uri() + "/token")
			.build();
		Instant past = Instant.now().minusSeconds(600);
		OAuth2AccessToken expired = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired-token", past,
				past.plusSeconds(300));

		this.mvc
			.perform(get("/timesheets").with(signedInWithSession("emma", "E1001", "timesheets", expired,
					new OAuth2RefreshToken("refresh-1", past), registration, "read:timesheets")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/oauth2/authorization/timesheets"));

		assertThat(INGEST.requests("POST", "/token")).hasSize(1);
		assertThat(QUERY.requests()).isEmpty();
	}

}
