package com.exampleco.timesheets.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;

/**
 * The scope each route of an API needs, declared once and used twice: to authorize
 * requests ({@code hasAuthority("SCOPE_…")}) and to name the missing scope in a 403's
 * {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="…"}.
 * <p>
 * Immutable once built; routes are matched in declaration order, first match wins. <pre>
 * ApiRoutes routes = ApiRoutes.builder()
 *     .route(HttpMethod.POST, "/timesheet-batches", "create:timesheets")
 *     .route(HttpMethod.DELETE, "/timesheets/{id}", "delete:timesheets")
 *     .build();
 * </pre>
 */
public final class ApiRoutes {

	/**
	 * The scope that opens the management data of the APIs: Prometheus metrics
	 * ({@code GET /actuator/prometheus}) and the details and components of
	 * {@code /actuator/health} (each app's {@code management.endpoint.health.roles} names
	 * {@code SCOPE_read:metrics}).
	 */
	public static final String METRICS_SCOPE = "read:metrics";

	private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

	private static final List<RequestMatcher> ANONYMOUS = List.of(
			PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/actuator/health/**"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.HEAD, "/actuator/health/**"));

	// the API description: readable with any valid token of
	// the issuer, whatever its scopes
	private static final List<RequestMatcher> AUTHENTICATED = List.of(
			PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/v3/api-docs"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/v3/api-docs/**"));

	private final List<Route> routes;

	// metrics are operational data (request rates per route, error counts, pool sizes):
	// only for a token that was given the dedicated scope
	private static final List<Route> MANAGEMENT = List.of(new Route(
			PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/actuator/prometheus"), List.of(METRICS_SCOPE)));

	private ApiRoutes(List<Route> routes) {
		List<Route> all = new ArrayList<>(MANAGEMENT);
		all.addAll(routes);
		this.routes = List.copyOf(all);
	}

	/**
	 * Starts declaring routes.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Adds the rules to an app's {@code authorizeHttpRequests}: actuator health
	 * ({@code GET|HEAD /actuator/health/**}) anonymous; the OpenAPI document
	 * ({@code GET /v3/api-docs}) for any valid token; metrics
	 * ({@code GET /actuator/prometheus}) for {@value #METRICS_SCOPE}; then each route
	 * with its scope. Returns the registry so the app ends the chain itself, normally
	 * with {@code .anyRequest().denyAll()}.
	 * @param authorize the registry of the app's filter chain
	 * @return the same registry
	 */
	public AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
		authorize.requestMatchers(ANONYMOUS.toArray(RequestMatcher[]::new)).permitAll();
		authorize.requestMatchers(AUTHENTICATED.toArray(RequestMatcher[]::new)).authenticated();
		for (Route route : this.routes) {
			authorize.requestMatchers(route.matcher())
				.hasAnyAuthority(route.scopes()
					.stream()
					.map((scope) -> ScopeAuthoritiesConverter.PREFIX + scope)
					.toArray(String[]::new));
		}
		return authorize;
	}

	/**
	 * The scope the first matching route needs ({@value #METRICS_SCOPE} for the metrics).
	 * For a route that any of several scopes opens, the first of them: one scope that is
	 * enough (a list would read as "all of these").
	 * @param request the request
	 * @return the scope, or empty when no declared route matches
	 */
	public Optional<String> requiredScope(HttpServletRequest request) {
		return this.routes.stream()
			.filter((route) -> route.matcher().matches(request))
			.map((route) -> route.scopes().get(0))
			.findFirst();
	}

	private record Route(RequestMatcher matcher, List<String> scopes) {

	}

	/**
	 * Collects routes; not thread-safe.
	 */
	public static final class Builder {

		private final List<Route> routes = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Declares that a route needs a scope.
		 * @param method the HTTP method
		 * @param pattern a Spring path pattern, e.g. {@code /timesheets/{id}/approval}
		 * @param scope the scope, without the {@code SCOPE_} prefix, e.g.
		 * {@code approve:timesheets}
		 * @return this builder
		 */
		public Builder route(HttpMethod method, String pattern, String scope) {
			return route(method, pattern, scope, new String[0]);
		}

		/**
		 * Declares that a route is open to any of several scopes.
		 * @param method the HTTP method
		 * @param pattern a Spring path pattern
		 * @param scope the scope a 403 names as the one needed
		 * @param alternatives further scopes that open the route as well
		 * @return this builder
		 */
		public Builder route(HttpMethod method, String pattern, String scope, String... alternatives) {
			Assert.notNull(method, "method must not be null");
			Assert.hasText(pattern, "pattern must not be empty");
			List<String> scopes = new ArrayList<>();
			scopes.add(scope);
			scopes.addAll(List.of(alternatives));
			for (String each : scopes) {
				Assert.isTrue(each != null && SCOPE_TOKEN.matcher(each).matches(),
						() -> "scope must be one RFC 6749 scope token without the SCOPE_ prefix: " + each);
				Assert.isTrue(!each.startsWith(ScopeAuthoritiesConverter.PREFIX),
						() -> "scope must be given without the SCOPE_ prefix: " + each);
			}
			this.routes.add(new Route(PathPatternRequestMatcher.pathPattern(method, pattern), List.copyOf(scopes)));
			return this;
		}

		/**
		 * Finishes the declaration.
		 * @return the routes, never null
		 */
		public ApiRoutes build() {
			return new ApiRoutes(this.routes);
		}

	}

}
