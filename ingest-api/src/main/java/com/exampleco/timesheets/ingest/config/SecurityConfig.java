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
 * The ingest API's one filter chain: a scope per route, actuator health anonymous, the
 * metrics and API document for any valid token, everything else denied. Token validation
 * and the RFC 6750 answers come from {@code api-security}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final ApiRoutes ROUTES = ApiRoutes.builder()
		.route(HttpMethod.POST, "/timesheets", "create:timesheets")
		.route(HttpMethod.POST, "/timesheet-batches", "create:timesheets")
		.route(HttpMethod.POST, "/timesheets/{timesheetId}/approval", "approve:timesheets")
		.route(HttpMethod.DELETE, "/timesheets/{timesheetId}", "delete:timesheets")
		.build();

	@Bean
	SecurityFilterChain ingestApi(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((authorize) -> ROUTES.authorize(authorize).anyRequest().denyAll())
			.with(ApiSecurityConfigurer.apiSecurity(ROUTES), Customizer.withDefaults())
			.build();
	}

}
