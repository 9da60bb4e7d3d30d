package com.exampleco.timesheets.query;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Management data is not public: without a token only the health status answers; metrics
 * and the health components need {@code read:metrics}, whatever other scopes a token
 * holds.
 */
@QueryWebTest
class ManagementAccessTests {

	static final String[] API_SCOPES = { "create:timesheets", "read:timesheets", "approve:timesheets",
			"delete:timesheets" };

	@Autowired
	MockMvc mvc;

	@Test
	void answersHealthStatusWithoutTokenButNoComponentsOrDetails() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"))
				.andExpect(jsonPath("$.components").doesNotExist())
				.andExpect(jsonPath("$.details").doesNotExist());
		}
	}

	@Test
	void hidesHealthComponentsFromTokensWithoutMetricsScope() throws Exception {
		this.mvc.perform(get("/actuator/health").with(Tokens.machine(API_SCOPES)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void showsHealthComponentsAndDetailsToMetricsReader() throws Exception {
		this.mvc.perform(get("/actuator/health").with(Tokens.machine("read:metrics")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.db.details").exists());
	}

	@Test
	void refusesMetricsWithoutToken() throws Exception {
		String challenge = this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(challenge).startsWith("Bearer");
	}

	@Test
	void deniesMetricsToTokenWithEveryApiScopeButNotMetrics() throws Exception {
		String challenge = this.mvc.perform(get("/actuator/prometheus").with(Tokens.machine(API_SCOPES)))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(challenge).contains("error=\"insufficient_scope\"").contains("scope=\"read:metrics\"");
	}

	@Test
	void keepsOtherActuatorEndpointsClosedToMetricsReader() throws Exception {
		for (String path : new String[] { "/actuator", "/actuator/env", "/actuator/info", "/actuator/heapdump" }) {
			int status = this.mvc.perform(get(path).with(Tokens.machine("read:metrics")))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(path).isIn(403, 404);
		}
	}

}
