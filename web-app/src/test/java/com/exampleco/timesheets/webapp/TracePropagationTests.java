package com.exampleco.timesheets.webapp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page's calls to the APIs continue the browser request's trace: the W3C
 * {@code traceparent} the web app sends names the trace the page request arrived with, so
 * one trace runs from the person's click through the APIs (and, for a submission, the
 * Kafka record and the processor's apply).
 */
class TracePropagationTests extends WebAppTestSupport {

	@Test
	void callsToTheApisCarryThePageRequestsTrace() throws Exception {
		String traceId = "5c1e6a6d2b8f4f0e9a7d3c2b1a0f9e8d";
		QUERY.json("GET", "/timesheets", 200, page(null));
		QUERY.json("GET", "/employees/E1001/summary", 200,
				"{\"employeeId\":\"E1001\",\"totalHours\":0,\"timesheets\":0,\"byProject\":[],\"byStatus\":[]}");

		this.mvc
			.perform(get("/timesheets").header("traceparent", "00-" + traceId + "-a1b2c3d4e5f60718-01").with(emma()))
			.andExpect(status().isOk());

		assertThat(QUERY.requests("GET", "/timesheets").get(0).header("traceparent"))
			.matches("00-" + traceId + "-[0-9a-f]{16}-01")
			.doesNotContain("a1b2c3d4e5f60718");
	}

}
