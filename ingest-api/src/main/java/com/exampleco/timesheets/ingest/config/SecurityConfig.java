package com.exampleco.timesheets.ingest.config;

import com.exampleco.timesheets.security.ApiRoutes;
import com.exampleco.timesheets.security.ApiSecurityConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The ingest API's one filter chain: a scope per route, actuator health and the API
 * document anonymous, metrics for {@code read:metrics}, everything else denied. Token
 * validation and the RFC 6750 answers come from {@code api-security}; the same routes, as
 * a bean, write each operation's scopes into the API document.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final ApiRoutes ROUTES = ApiRoutes.builder()
		.scope("create:timesheets", "Submit timesheets, one at a time or as a batch")
		.scope("approve:timesheets", "Approve or reject a submitted timesheet")
		.scope("delete:timesheets", "Delete a timesheet")
		.route(HttpMethod.POST, "/timesheets", "create:timesheets")
		.route(HttpMethod.POST, "/timesheet-batches", "create:timesheets")
		.route(HttpMethod.POST, "/timesheets/{timesheetId}/approval", "approve:timesheets")
		.route(HttpMethod.DELETE, "/timesheets/{timesheetId}", "delete:timesheets")
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
	SecurityFilterChain ingestApi(HttpSecurity http, ApiRoutes routes) throws Exception {
		return http.authorizeHttpRequests((authorize) -> routes.authorize(authorize).anyRequest().denyAll())
			.with(ApiSecurityConfigurer.apiSecurity(routes), Customizer.withDefaults())
			.build();
	}

}
