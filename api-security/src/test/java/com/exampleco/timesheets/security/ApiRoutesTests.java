package com.exampleco.timesheets.security;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in management rule of every API's routes. */
class ApiRoutesTests {

	private final ApiRoutes routes = ApiRoutes.builder()
		.route(HttpMethod.GET, "/timesheets", "read:timesheets")
		.route(HttpMethod.GET, "/actuator/{anything}", "read:timesheets")
		.build();

	@Test
	void namesTheMetricsScopeForPrometheus() {
		assertThat(this.routes.requiredScope(new MockHttpServletRequest("GET", "/actuator/prometheus")))
			.contains(ApiRoutes.METRICS_SCOPE);
		assertThat(ApiRoutes.METRICS_SCOPE).isEqualTo("read:metrics");
	}

	@Test
	void namesTheMetricsScopeForOneMeterAsJson() {
		assertThat(this.routes.requiredScope(new MockHttpServletRequest("GET", "/actuator/metrics")))
			.contains(ApiRoutes.METRICS_SCOPE);
		assertThat(this.routes
			.requiredScope(new MockHttpServletRequest("GET", "/actuator/metrics/timesheets.ingest.publish.group.size")))
			.contains(ApiRoutes.METRICS_SCOPE);
	}

	@Test
	void keepsTheMetricsRuleAheadOfAnAppRouteThatWouldOpenIt() {
		assertThat(this.routes.requiredScope(new MockHttpServletRequest("GET", "/actuator/prometheus")))
			.contains("read:metrics");
		assertThat(this.routes.requiredScope(new MockHttpServletRequest("GET", "/actuator/info")))
			.contains("read:timesheets");
	}

	@Test
	void leavesOtherRoutesToTheirOwnScope() {
		assertThat(this.routes.requiredScope(new MockHttpServletRequest("GET", "/timesheets")))
			.contains("read:timesheets");
		assertThat(this.routes.requiredScope(new MockHttpServletRequest("POST", "/actuator/prometheus"))).isEmpty();
	}

}
