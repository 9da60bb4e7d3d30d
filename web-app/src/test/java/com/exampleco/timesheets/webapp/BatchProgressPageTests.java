package com.exampleco.timesheets.webapp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The progress page of an accepted request: "accepted, being processed" with a
 * self-refresh while the processor has not applied it, then the applied state or the
 * refusal in plain words.
 */
class BatchProgressPageTests extends WebAppTestSupport {

	private static final String BATCH = "6e66aa77-0000-4000-8000-000000000001";

	private static final String TIMESHEET = "0b9a0000-0000-4000-8000-000000000001";

	private static final String NOT_FOUND = """
			{"type":"https://timesheets.exampleco.com/problems/not-found","title":"Not found","status":404}""";

	@Test
	void requestNotYetRecordedIsBeingProcessedAndThePageRefreshesItself() throws Exception {
		QUERY.problem("GET", "/batches/" + BATCH, 404, NOT_FOUND);
		QUERY.problem("GET", "/timesheets/" + TIMESHEET, 404, NOT_FOUND);

		this.mvc.perform(get("/batches/" + BATCH).param("expected", "1").param("timesheet", TIMESHEET).with(emma()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Accepted, being processed</h1>"),
					containsString("<meta http-equiv=\"refresh\" content=\"2;url=/batches/" + BATCH
							+ "?expected=1&amp;poll=1&amp;timesheet=" + TIMESHEET + "\">"))));

		assertThat(QUERY.requests("GET", "/batches/" + BATCH).get(0).params()).containsEntry("expectedEvents", "1");
		assertThat(QUERY.requests("GET", "/batches/" + BATCH).get(0).header("Authorization"))
			.isEqualTo("Bearer token-emma");
	}

	@Test
	void completeBatchShowsTheAppliedStateWithoutRefreshing() throws Exception {
		QUERY.json("GET", "/batches/" + BATCH, 200,
				"""
						{"batchId":"%s","eventsSeen":1,"outcomes":{"APPLIED":1,"UNCHANGED":0,"REJECTED":0,"DUPLICATE":0},
						 "rejections":[],"rejectedEvents":[],"rejectedEventsTruncated":false,"expectedEvents":1,"complete":true}"""
					.formatted(BATCH));
		QUERY.json("GET", "/timesheets/" + TIMESHEET, 200,
				timesheet(TIMESHEET, "E1001", "2026-11-02", "7.5", "SUBMITTED", 1));

		this.mvc.perform(get("/batches/" + BATCH).param("expected", "1").param("timesheet", TIMESHEET).with(emma()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("<h1>Done</h1>"), containsString("Applied: <strong>1</strong>"),
						containsString("class=\"badge badge-submitted\">Submitted</span>"),
						not(containsString("http-equiv=\"refresh\"")))));
	}

	@Test
	void staleDecisionIsRefusedAndExplained() throws Exception {
		QUERY.json("GET", "/batches/" + BATCH, 200, """
				{"batchId":"%s","eventsSeen":1,"outcomes":{"APPLIED":0,"UNCHANGED":0,"REJECTED":1,"DUPLICATE":0},
				 "rejections":[{"reason":"stale: expected version 1, timesheet is at version 2","count":1}],
				 "rejectedEvents":[{"eventId":"9a710000-0000-4000-8000-000000000001","timesheetId":"%s",
				   "eventType":"APPROVED","reason":"stale: expected version 1, timesheet is at version 2"}],
				 "rejectedEventsTruncated":false,"expectedEvents":1,"complete":true}""".formatted(BATCH, TIMESHEET));
		QUERY.json("GET", "/timesheets/" + TIMESHEET, 200,
				timesheet(TIMESHEET, "E1001", "2026-11-02", "6", "SUBMITTED", 2));

		this.mvc
			.perform(get("/batches/" + BATCH).param("expected", "1")
				.param("timesheet", TIMESHEET)
				.param("version", "1")
				.with(maria()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Not everything was applied</h1>"), containsString(
					"Someone changed this timesheet after you opened it, so your decision was not " + "applied."),
					not(containsString("http-equiv=\"refresh\"")))));
	}

	@Test
	void newerVersionOfTheDecidedTimesheetCountsAsApplied() throws Exception {
		QUERY.problem("GET", "/batches/" + BATCH, 404, NOT_FOUND);
		QUERY.json("GET", "/timesheets/" + TIMESHEET, 200,
				timesheet(TIMESHEET, "E1001", "2026-11-02", "7.5", "APPROVED", 2));

		this.mvc
			.perform(get("/batches/" + BATCH).param("expected", "1")
				.param("timesheet", TIMESHEET)
				.param("version", "1")
				.with(maria()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Done</h1>"),
					containsString("class=\"badge badge-approved\">Approved</span>"),
					not(containsString("http-equiv=\"refresh\"")))));
	}

	@Test
	void stopsRefreshingAfterTheLastPollAndSaysNothingNeedsSendingAgain() throws Exception {
		QUERY.problem("GET", "/batches/" + BATCH, 404, NOT_FOUND);

		this.mvc.perform(get("/batches/" + BATCH).param("expected", "3").param("poll", "30").with(emma()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Accepted, still being processed</h1>"),
					containsString("href=\"/batches/" + BATCH + "?expected=3\">Check again</a>"),
					not(containsString("http-equiv=\"refresh\"")))));
	}

	@Test
	void queryApiDownIsATryAgainPageWithoutDetails() throws Exception {
		QUERY.problem("GET", "/batches/" + BATCH, 503, """
				{"type":"https://timesheets.exampleco.com/problems/store-unavailable","title":"Store unavailable",
				 "status":503,"detail":"The store is not available; retry later."}""", "Retry-After", "5");

		this.mvc.perform(get("/batches/" + BATCH).with(emma()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(allOf(containsString("<h1>Try again in a moment</h1>"),
					not(containsString("Exception")), not(containsString("127.0.0.1")))));
	}

}
