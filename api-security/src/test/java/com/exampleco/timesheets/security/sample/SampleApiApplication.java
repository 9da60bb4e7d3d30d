package com.exampleco.timesheets.security.sample;

import java.util.List;
import java.util.Map;

import com.exampleco.timesheets.security.ApiRoutes;
import com.exampleco.timesheets.security.Caller;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.exampleco.timesheets.security.ApiSecurityConfigurer.apiSecurity;

/**
 * The smallest API that uses api-security the way ingest-api and query-api do.
 */
@SpringBootApplication
public class SampleApiApplication {

	/** The routes; public for the tests that compare them with the API document. */
	public static final ApiRoutes ROUTES = ApiRoutes.builder()
		.scope("create:timesheets", "Submit timesheets")
		.scope("read:timesheets", "Read timesheets")
		.route(HttpMethod.POST, "/timesheet-batches", "create:timesheets")
		.route(HttpMethod.GET, "/timesheets/{id}", "read:timesheets")
		.route(HttpMethod.POST, "/timesheets/{id}/approval", "approve:timesheets")
		.route(HttpMethod.DELETE, "/timesheets/{id}", "delete:timesheets")
		.build();

	@Bean
	ApiRoutes apiRoutes() {
		return ROUTES;
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiRoutes routes) {
		return http.authorizeHttpRequests((authorize) -> routes.authorize(authorize).anyRequest().denyAll())
			.with(apiSecurity(routes), Customizer.withDefaults())
			.build();
	}

	@RestController
	static class SampleController {

		@PostMapping("/timesheet-batches")
		Map<String, Object> create(Caller caller, Authentication authentication) {
			return Map.of("clientId", caller.clientId(), "subject", caller.subject(), "employeeId",
					caller.employeeId().orElse(""), "kind", caller.kind().name(), "team", caller.team(), "authorities",
					authorities(authentication));
		}

		@PostMapping("/timesheets/{id}/approval")
		Map<String, Object> approve(@PathVariable String id, Caller caller) {
			return Map.of("id", id, "approver", caller.employeeId().orElse(""));
		}

		@DeleteMapping("/timesheets/{id}")
		Map<String, Object> delete(@PathVariable String id, Caller caller) {
			return Map.of("id", id, "clientId", caller.clientId());
		}

		@GetMapping("/timesheets/{id}")
		Map<String, Object> read(@PathVariable String id, Authentication authentication) {
			return Map.of("id", id, "authorities", authorities(authentication));
		}

		@GetMapping("/not-routed")
		String notRouted() {
			return "never served: no route declares a scope for it";
		}

		private static List<String> authorities(Authentication authentication) {
			return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
		}

	}

}
