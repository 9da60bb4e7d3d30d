package com.exampleco.timesheets.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The scope each route of an API needs, declared once and used three times: to authorize
 * requests ({@code hasAuthority("SCOPE_…")}), to name the missing scope in a 403's
 * {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="…"}, and to write
 * each operation's security requirement into the app's OpenAPI document (when the app
 * declares its routes as a bean, see {@link ApiRoutesOpenApiCustomizer}).
 * <p>
 * Immutable once built; routes are matched in declaration order, first match wins. <pre>
 * ApiRoutes routes = ApiRoutes.builder()
 *     .scope("create:timesheets", "Submit timesheets and batches")
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

	// health, and the API description: a client developer reads how to get a token
	// (the OAuth 2.0 flows, each operation's scope) before having one
	private static final List<RequestMatcher> ANONYMOUS = List.of(
			PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/actuator/health/**"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.HEAD, "/actuator/health/**"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/v3/api-docs"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/v3/api-docs/**"));

	// metrics are operational data (request rates per route, error counts, pool sizes):
	// only for a token that was given the dedicated scope
	private static final Route METRICS = new Route(HttpMethod.GET, "/actuator/prometheus", List.of(METRICS_SCOPE));

	// the same data as JSON, one meter at a time (an app that exposes the endpoint)
	private static final Route METRICS_JSON = new Route(HttpMethod.GET, "/actuator/metrics/**", List.of(METRICS_SCOPE));

	private final List<Route> declared;

	private final List<Rule> rules;

	private final Map<String, String> scopeDescriptions;

	private ApiRoutes(List<Route> declared, Map<String, String> scopeDescriptions) {
		this.declared = List.copyOf(declared);
		List<Rule> rules = new ArrayList<>();
		rules.add(new Rule(METRICS));
		rules.add(new Rule(METRICS_JSON));
		declared.forEach((route) -> rules.add(new Rule(route)));
		this.rules = List.copyOf(rules);
		this.scopeDescriptions = Map.copyOf(scopeDescriptions);
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
	 * ({@code GET|HEAD /actuator/health/**}) and the OpenAPI document
	 * ({@code GET /v3/api-docs}, {@code /v3/api-docs/**}) anonymous; metrics
	 * ({@code GET /actuator/prometheus}, {@code GET /actuator/metrics/**}) for
	 * {@value #METRICS_SCOPE}; then each route with its scope. Returns the registry so
	 * the app ends the chain itself, normally with {@code .anyRequest().denyAll()}.
	 * @param authorize the registry of the app's filter chain
	 * @return the same registry
	 */
	public AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
		authorize.requestMatchers(ANONYMOUS.toArray(RequestMatcher[]::new)).permitAll();
		for (Rule rule : this.rules) {
			authorize.requestMatchers(rule.matcher())
				.hasAnyAuthority(rule.route()
					.scopes()
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
		return this.rules.stream()
			.filter((rule) -> rule.matcher().matches(request))
			.map((rule) -> rule.route().scopes().get(0))
			.findFirst();
	}

	/**
	 * The routes the app declared, in declaration order (without the management routes
	 * every API shares).
	 * @return the routes, never null
	 */
	public List<Route> routes() {
		return this.declared;
	}

	/**
	 * What a scope grants, as the app described it with {@link Builder#scope}.
	 * @param scope the scope, e.g. {@code read:timesheets}
	 * @return the description, or empty when the app gave none
	 */
	public Optional<String> description(String scope) {
		return Optional.ofNullable(this.scopeDescriptions.get(scope));
	}

	/**
	 * One declared route.
	 *
	 * @param method the HTTP method
	 * @param pattern the Spring path pattern, e.g. {@code /timesheets/{id}}
	 * @param scopes the scopes that open it, any one of them is enough; the first is the
	 * one a 403 names; never empty
	 */
	public record Route(HttpMethod method, String pattern, List<String> scopes) {

	}

	private record Rule(Route route, RequestMatcher matcher) {

		Rule(Route route) {
			this(route, PathPatternRequestMatcher.pathPattern(route.method(), route.pattern()));
		}

	}

	/**
	 * Collects routes; not thread-safe.
	 */
	public static final class Builder {

		private final List<Route> routes = new ArrayList<>();

		private final Map<String, String> scopeDescriptions = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Describes a scope for the API document (what a token with it may do).
		 * @param scope the scope, without the {@code SCOPE_} prefix
		 * @param description one sentence for client developers
		 * @return this builder
		 */
		public Builder scope(String scope, String description) {
			checkScope(scope);
			Assert.hasText(description, "description must not be empty");
			this.scopeDescriptions.put(scope, description);
			return this;
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
			scopes.forEach(Builder::checkScope);
			this.routes.add(new Route(method, pattern, List.copyOf(scopes)));
			return this;
		}

		private static void checkScope(String scope) {
			Assert.isTrue(scope != null && SCOPE_TOKEN.matcher(scope).matches(),
					() -> "scope must be one RFC 6749 scope token without the SCOPE_ prefix: " + scope);
			Assert.isTrue(!scope.startsWith(ScopeAuthoritiesConverter.PREFIX),
					() -> "scope must be given without the SCOPE_ prefix: " + scope);
		}

		/**
		 * Finishes the declaration.
		 * @return the routes, never null
		 */
		public ApiRoutes build() {
			return new ApiRoutes(this.routes, this.scopeDescriptions);
		}

	}

}
