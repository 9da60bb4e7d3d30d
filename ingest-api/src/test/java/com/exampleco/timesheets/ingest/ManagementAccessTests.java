package com.exampleco.timesheets.ingest;

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
@IngestWebTest
class ManagementAccessTests {

	@Autowired
	MockMvc mvc;

	@Test
	void answersHealthStatusWithoutTokenButNoComponentsOrDetails() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		// no broker in this test: health is answered (DOWN, 503), never refused
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DOWN"))
			.andExpect(jsonPath("$.components").doesNotExist())
			.andExpect(jsonPath("$.details").doesNotExist());
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(jsonPath("$.status").exists())
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void hidesHealthComponentsFromTokensWithoutMetricsScope() throws Exception {
		this.mvc
			.perform(get("/actuator/health").with(RouteScopeTests.token("create:timesheets", "read:timesheets",
					"approve:timesheets", "delete:timesheets")))
			.andExpect(jsonPath("$.status").value("DOWN"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void showsHealthComponentsAndDetailsToMetricsReader() throws Exception {
		this.mvc.perform(get("/actuator/health").with(RouteScopeTests.token("read:metrics")))
			.andExpect(jsonPath("$.components.kafka.status").value("DOWN"))
			.andExpect(jsonPath("$.components.kafka.details").exists());
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
		String challenge = this.mvc
			.perform(get("/actuator/prometheus").with(RouteScopeTests.token("create:timesheets", "read:timesheets",
					"approve:timesheets", "delete:timesheets")))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(challenge).contains("error=\"insufficient_scope\"").contains("scope=\"read:metrics\"");
	}

	@Test
	void servesMetricsToMetricsReader() throws Exception {
		String metrics = this.mvc.perform(get("/actuator/prometheus").with(RouteScopeTests.token("read:metrics")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metrics).contains("jvm_memory_used_bytes");
	}

	@Test
	void servesOneMeterAsJsonToMetricsReaderOnly() throws Exception {
		String meter = "/actuator/metrics/timesheets.ingest.publish.group.size";
		this.mvc.perform(get(meter)).andExpect(status().isUnauthorized());
		this.mvc.perform(get(meter).with(RouteScopeTests.token("create:timesheets", "read:timesheets",
				"approve:timesheets", "delete:timesheets")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(meter).with(RouteScopeTests.token("read:metrics")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("timesheets.ingest.publish.group.size"))
			.andExpect(jsonPath("$.measurements[?(@.statistic == 'COUNT')]").exists());
	}

	@Test
	void keepsOtherActuatorEndpointsClosedToMetricsReader() throws Exception {
		for (String path : new String[] { "/actuator", "/actuator/env", "/actuator/info", "/actuator/heapdump" }) {
			int status = this.mvc.perform(get(path).with(RouteScopeTests.token("read:metrics")))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(path).isIn(403, 404);
		}
	}

}
