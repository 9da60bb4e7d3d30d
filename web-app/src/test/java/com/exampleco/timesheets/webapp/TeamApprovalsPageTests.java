package com.exampleco.timesheets.webapp;

import org.junit.jupiter.api.Test;

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
 * "Team approvals": managers only, the team's SUBMITTED timesheets asked per team member,
 * decisions bound to the version shown, comment problems by the field, CSRF.
 */
class TeamApprovalsPageTests extends WebAppTestSupport {

	private static final String EMMAS = "0b9a0000-0000-4000-8000-000000000001";

	private static final String ERICS = "77d20000-0000-4000-8000-000000000002";

	private static final String ACCEPTED = """
			{"batchId":"5e0b0000-0000-4000-8000-000000000001","eventId":"9a710000-0000-4000-8000-000000000001",
			 "timesheetId":"%s"}""".formatted(EMMAS);

	@Test
	void managerSeesTheTeamsSubmittedTimesheetsWithTheVersionToDecideOn() throws Exception {
		QUERY.json("GET", "/timesheets", 200,
				page(null, timesheet(EMMAS, "E1001", "2026-11-02", "7.5", "SUBMITTED", 3)));
		QUERY.json("GET", "/timesheets", 200,
				page("AQAAAAAAAE", timesheet(ERICS, "E1003", "2026-11-03", "8", "SUBMITTED", 1)));

		this.mvc.perform(get("/team").with(maria()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Team approvals</h1>"),
					containsString("<a href=\"/team\">Team approvals</a>"),
					containsString("action=\"/team/" + EMMAS + "/decision\""),
					containsString("<input type=\"hidden\" name=\"version\" value=\"3\">"),
					containsString("action=\"/team/" + ERICS + "/decision\""),
					containsString("<input type=\"hidden\" name=\"version\" value=\"1\">"),
					containsString("<label for=\"t-" + EMMAS + "-comment\">"),
					containsString("More timesheets of E1003 are waiting"))));

		assertThat(QUERY.requests("GET", "/timesheets")).hasSize(2)
			.allSatisfy((request) -> assertThat(request.params()).containsEntry("status", "SUBMITTED")
				.containsKey("employeeId")
				.doesNotContainKey("cursor"))
			.allSatisfy((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer token-maria"));
		assertThat(QUERY.requests("GET", "/timesheets").stream().map((request) -> request.params().get("employeeId")))
			.containsExactly("E1001", "E1003");
	}

	@Test
	void employeeWhoManagesNobodyIsRefusedTeamApprovals() throws Exception {
		this.mvc.perform(get("/team").with(emma())).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/team/" + EMMAS + "/decision").param("decision", "APPROVED")
				.param("version", "1")
				.with(emma())
				.with(csrf()))
			.andExpect(status().isForbidden());

		assertThat(QUERY.requests()).isEmpty();
		assertThat(INGEST.requests()).isEmpty();
	}

	@Test
	void teamWithoutTheApproveScopeIsRefusedToo() throws Exception {
		this.mvc
			.perform(get("/team")
				.with(person("maria", "E1002", java.util.List.of("E1001"), "timesheets", "read:timesheets")))
			.andExpect(status().isForbidden());
	}

	@Test
	void decisionIsBoundToTheVersionShownAndLeadsToItsProgress() throws Exception {
		INGEST.json("POST", "/timesheets/" + EMMAS + "/approval", 202, ACCEPTED);

		this.mvc
			.perform(post("/team/" + EMMAS + "/decision").param("decision", "APPROVED")
				.param("comment", "fine")
				.param("version", "3")
				.with(maria())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(
					"/batches/5e0b0000-0000-4000-8000-000000000001?expected=1&timesheet=" + EMMAS + "&version=3"));

		RecordingApi.Request sent = INGEST.requests("POST", "/timesheets/" + EMMAS + "/approval").get(0);
		assertThat(sent.header("If-Match")).isEqualTo("\"3\"");
		assertThat(sent.header("Authorization")).isEqualTo("Bearer token-maria");
		assertThat(sent.body()).isEqualTo("{\"decision\":\"APPROVED\",\"comment\":\"fine\"}");
	}

	@Test
	void rejectedCommentIsShownByItsField() throws Exception {
		INGEST.problem("POST", "/timesheets/" + EMMAS + "/approval", 422,
				"""
						{"type":"https://timesheets.exampleco.com/problems/invalid-approval","title":"Invalid approval","status":422,
						 "detail":"The body is well-formed JSON but not a valid approval.",
						 "errors":[{"field":"comment","message":"must be at most 1000 characters"}]}""");
		QUERY.json("GET", "/timesheets", 200,
				page(null, timesheet(EMMAS, "E1001", "2026-11-02", "7.5", "SUBMITTED", 3)));

		this.mvc
			.perform(post("/team/" + EMMAS + "/decision").param("decision", "REJECTED")
				.param("comment", "too long")
				.param("version", "3")
				.with(maria())
				.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andDo((result) -> assertThat(control(result.getResponse().getContentAsString(), "t-" + EMMAS + "-comment"))
				.contains("aria-invalid=\"true\"")
				.contains("aria-describedby=\"decision-error\""))
			.andExpect(content().string(allOf(
					containsString(
							"<p id=\"decision-error\" class=\"field-error\">must be at most 1000 characters</p>"),
					containsString(">too long</textarea>"))));
	}

	@Test
	void decisionWithoutCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
		this.mvc.perform(
				post("/team/" + EMMAS + "/decision").param("decision", "APPROVED").param("version", "3").with(maria()))
			.andExpect(status().isForbidden());

		assertThat(INGEST.requests()).isEmpty();
	}

	@Test
	void somethingOtherThanADecisionIsABadRequest() throws Exception {
		this.mvc
			.perform(post("/team/" + EMMAS + "/decision").param("decision", "DELETED")
				.param("version", "3")
				.with(maria())
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("IllegalArgumentException"))));

		assertThat(INGEST.requests()).isEmpty();
	}

}
