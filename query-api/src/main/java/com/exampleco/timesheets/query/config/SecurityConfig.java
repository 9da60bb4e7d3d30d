package com.exampleco.timesheets.query.config;

import com.exampleco.timesheets.security.ApiRoutes;
import com.exampleco.timesheets.security.ApiSecurityConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The query API's one filter chain: {@code read:timesheets} on every route, batch status
 * also for {@code create:timesheets} (so the uploader needs no read scope), actuator
 * health and the API document anonymous, metrics for {@code read:metrics}, everything
 * else denied. Token validation and the RFC 6750 answers come from {@code api-security};
 * the same routes, as a bean, write each operation's scopes into the API document.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String READ = "read:timesheets";

	static final String CREATE = "create:timesheets";

	static final String BATCH_ROUTE = "/batches/{batchId}";

	/** Batch status is open to either scope; a 403 names {@code read:timesheets}. */
	static final ApiRoutes ROUTES = ApiRoutes.builder()
		.scope(READ, "Read timesheets, batch status and employee summaries")
		.scope(CREATE, "Submit timesheets and batches; here: read the status of a batch")
		.route(HttpMethod.GET, "/timesheets", READ)
		.route(HttpMethod.GET, "/timesheets/{timesheetId}", READ)
		.route(HttpMethod.GET, BATCH_ROUTE, READ, CREATE)
		.route(HttpMethod.GET, "/employees/{employeeId}/summary", READ)
		.build();

	/**
	 * The routes as a bean: api-security documents them in {@code /v3/api-docs}.
	 * @return {@link #ROUTES}
	 */
	@Bean
	ApiRoutes apiRoutes() {
		return ROUTES;
	}

	@Bean
	SecurityFilterChain queryApi(HttpSecurity http, ApiRoutes routes) throws Exception {
		return http.authorizeHttpRequests((authorize) -> routes.authorize(authorize).anyRequest().denyAll())
			.with(ApiSecurityConfigurer.apiSecurity(routes), Customizer.withDefaults())
			.build();
	}

}
