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
 * "New entry": the form, the entry sent for the signed-in employee, the ingest API's 422
 * problems next to their fields, CSRF.
 */
class NewEntryPageTests extends WebAppTestSupport {

	private static final String ACCEPTED = """
			{"batchId":"3c1e0000-0000-4000-8000-000000000001","entries":1,
			 "timesheetIds":["0b9a0000-0000-4000-8000-000000000001"]}""";

	@Test
	void formHasALabelForEveryFieldAndACsrfToken() throws Exception {
		this.mvc.perform(get("/timesheets/new").with(emma()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<label for=\"projectCode\">Project code</label>"),
					containsString("<label for=\"workDate\">Work day</label>"),
					containsString("<label for=\"hours\">Hours (quarter hours, up to 24)</label>"),
					containsString("<label for=\"note\">Note (optional)</label>"), containsString("name=\"_csrf\""),
					containsString("name=\"externalId\" value=\"web-"), not(containsString("aria-invalid=\"true\"")))));
	}

	@Test
	void acceptedEntryIsSentForTheSignedInEmployeeAndLeadsToItsProgress() throws Exception {
		INGEST.json("POST", "/timesheets", 202, ACCEPTED);

		this.mvc
			.perform(post("/timesheets/new").param("externalId", "web-1")
				.param("projectCode", "ALPHA")
				.param("workDate", "2026-11-02")
				.param("hours", "7.5")
				.param("note", "")
				.with(emma())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/batches/3c1e0000-0000-4000-8000-000000000001?expected=1"
					+ "&timesheet=0b9a0000-0000-4000-8000-000000000001"));

		RecordingApi.Request sent = INGEST.requests("POST", "/timesheets").get(0);
		assertThat(sent.header("Authorization")).isEqualTo("Bearer token-emma");
		assertThat(sent.header("Idempotency-Key")).isEqualTo("web-entry-web-1");
		assertThat(sent.body())
			.isEqualTo("{\"externalId\":\"web-1\",\"employeeId\":\"E1001\",\"projectCode\":\"ALPHA\","
					+ "\"workDate\":\"2026-11-02\",\"hours\":7.5}");
	}

	@Test
	void everyProblemOfA422IsShownByItsFieldAndLinkedToIt() throws Exception {
		INGEST.problem("POST", "/timesheets", 422, """
				{"type":"https://timesheets.exampleco.com/problems/invalid-batch","title":"Invalid upload","status":422,
				 "detail":"3 problem(s) in the upload; nothing was accepted",
				 "errors":[{"index":0,"field":"hours","message":"must be at most 24"},
				           {"index":0,"field":"projectCode","message":"must not be blank"},
				           {"index":0,"field":"employeeId","message":"must be your own employee id"}]}""");

		this.mvc
			.perform(post("/timesheets/new").param("externalId", "web-2")
				.param("projectCode", "")
				.param("workDate", "2026-11-02")
				.param("hours", "25")
				.with(emma())
				.with(csrf()))
			.andDo((result) -> {
				String html = result.getResponse().getContentAsString();
				assertThat(control(html, "hours")).contains("value=\"25\"")
					.contains("aria-invalid=\"true\"")
					.contains("aria-describedby=\"hours-error\"");
				assertThat(control(html, "projectCode")).contains("aria-describedby=\"projectCode-error\"");
				assertThat(control(html, "workDate")).contains("aria-invalid=\"false\"")
					.doesNotContain("aria-describedby");
			})
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content()
				.string(allOf(containsString("<p id=\"hours-error\" class=\"field-error\">must be at most 24</p>"),
						containsString("<p id=\"projectCode-error\" class=\"field-error\">must not be blank</p>"),
						containsString("<li>employeeId: must be your own employee id</li>"),
						containsString("<a href=\"#hours\">must be at most 24</a>"),
						containsString("name=\"externalId\" value=\"web-2\""), not(containsString("workDate-error")))));
	}

	@Test
	void hoursThatAreNoNumberAreLeftToTheApiToName() throws Exception {
		INGEST.problem("POST", "/timesheets", 422, """
				{"type":"https://timesheets.exampleco.com/problems/invalid-batch","title":"Invalid upload","status":422,
				 "errors":[{"index":0,"field":"hours","message":"must be a number"}]}""");

		this.mvc
			.perform(post("/timesheets/new").param("externalId", "web-3")
				.param("projectCode", "ALPHA")
				.param("workDate", "2026-11-02")
				.param("hours", "seven")
				.with(emma())
				.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content()
				.string(containsString("<p id=\"hours-error\" class=\"field-error\">must be a number</p>")));

		assertThat(INGEST.requests("POST", "/timesheets").get(0).body()).contains("\"hours\":\"seven\"");
	}

	@Test
	void entryWithoutCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
		this.mvc
			.perform(post("/timesheets/new").param("projectCode", "ALPHA")
				.param("workDate", "2026-11-02")
				.param("hours", "7.5")
				.with(emma()))
			.andExpect(status().isForbidden());

		assertThat(INGEST.requests()).isEmpty();
	}

	@Test
	void refusalWithoutThePermissionIsExplainedInPlainWords() throws Exception {
		INGEST.problem("POST", "/timesheets", 403,
				"""
						{"type":"https://timesheets.exampleco.com/problems/insufficient-scope","title":"Forbidden","status":403}""",
				"WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"create:timesheets\"");

		this.mvc
			.perform(post("/timesheets/new").param("externalId", "web-4")
				.param("projectCode", "ALPHA")
				.param("workDate", "2026-11-02")
				.param("hours", "7.5")
				.with(emma())
				.with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(allOf(containsString("<h1>This was not done</h1>"),
					containsString("It needs the permission &quot;create:timesheets&quot;"))));
	}

}
