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
 * health anonymous, metrics and the API document for any valid token, everything else
 * denied. Token validation and the RFC 6750 answers come from {@code api-security}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String READ = "read:timesheets";

	static final String CREATE = "create:timesheets";

	static final String BATCH_ROUTE = "/batches/{batchId}";

	/** Batch status is open to either scope; a 403 names {@code read:timesheets}. */
	static final ApiRoutes ROUTES = ApiRoutes.builder()
		.route(HttpMethod.GET, "/timesheets", READ)
		.route(HttpMethod.GET, "/timesheets/{timesheetId}", READ)
		.route(HttpMethod.GET, BATCH_ROUTE, READ, CREATE)
		.route(HttpMethod.GET, "/employees/{employeeId}/summary", READ)
		.build();

	@Bean
	SecurityFilterChain queryApi(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((authorize) -> ROUTES.authorize(authorize).anyRequest().denyAll())
			.with(ApiSecurityConfigurer.apiSecurity(ROUTES), Customizer.withDefaults())
			.build();
	}

}
