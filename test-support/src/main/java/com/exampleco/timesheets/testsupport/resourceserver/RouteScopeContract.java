package com.exampleco.timesheets.testsupport.resourceserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every route of an API with every scope, on the app's MockMvc: a scope that opens the
 * route is answered, each other scope is 403 {@code insufficient_scope} naming the scope
 * the route needs, no token is 401, every other method on the route's path and every
 * unknown route is 403 even with all scopes; health and the API document are anonymous,
 * metrics are not. The document declares the OAuth 2.0 flows with every route's scope
 * and, on each route's operation, exactly the scopes that open it.
 * <p>
 * A subclass carries the app's test annotations ({@code @SpringBootTest} with
 * {@code @AutoConfigureMockMvc}) and names its routes, its tokens and the few answers
 * that differ between apps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RouteScopeContract {

	/** Every scope of the Timesheets APIs. */
	public static final List<String> SCOPES = List.of("create:timesheets", "read:timesheets", "approve:timesheets",
			"delete:timesheets");

	private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
			HttpMethod.PATCH, HttpMethod.DELETE);

	/** Routes no API declares, or only one of the two. */
	private static final List<String> FOREIGN_PATHS = List.of("/timesheets", "/timesheet-batches", "/no-such-route");

	@Autowired
	protected MockMvc mvc;

	/**
	 * Every route of the API, with paths the test's data makes answerable.
	 * @return the routes
	 */
	protected abstract List<ApiRoute> routes();

	/**
	 * A machine client's token as api-security would authenticate it.
	 * @param scopes its scopes
	 * @return e.g. {@code jwt()} with {@code SCOPE_} authorities
	 */
	protected abstract RequestPostProcessor machineToken(String... scopes);

	/**
	 * What {@code GET /actuator/health} answers without a token in the test's set-up.
	 * @return e.g. {@code status().isOk()}
	 */
	protected abstract ResultMatcher healthWithoutToken();

	/**
	 * Texts the API document must contain (its paths, schema fields).
	 * @return the fragments
	 */
	protected abstract List<String> documentFragments();

	/**
	 * Texts the API document must not contain: by default the {@code caller} argument
	 * that api-security resolves from the token, which is no request parameter.
	 * @return the fragments
	 */
	protected List<String> undocumentedFragments() {
		return List.of("\"caller\"");
	}

	Stream<Arguments> routesWithOpeningScope() {
		return routes().stream().flatMap((route) -> route.scopes().stream().map((scope) -> Arguments.of(route, scope)));
	}

	Stream<Arguments> routesWithOtherScopes() {
		return routes().stream()
			.flatMap((route) -> otherScopes(route).stream().map((scope) -> Arguments.of(route, scope)));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("routesWithOpeningScope")
	void answersRouteWithItsScope(ApiRoute route, String scope) throws Exception {
		this.mvc.perform(route.request().with(machineToken(scope))).andExpect(route.answered());
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("routesWithOtherScopes")
	void deniesRouteWithAnotherScope(ApiRoute route, String scope) throws Exception {
		String challenge = this.mvc.perform(route.request().with(machineToken(scope)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(challenge).startsWith("Bearer")
			.contains("error=\"insufficient_scope\"")
			.contains("scope=\"" + route.neededScope() + "\"");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void deniesRouteWithAllScopesButTheOpeningOnes(ApiRoute route) throws Exception {
		String[] others = otherScopes(route).toArray(String[]::new);
		this.mvc.perform(route.request().with(machineToken(others))).andExpect(status().isForbidden());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void refusesRouteWithoutToken(ApiRoute route) throws Exception {
		String challenge = this.mvc.perform(route.request())
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(challenge).startsWith("Bearer");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void deniesOtherMethodsOnTheRoutesPathEvenWithAllScopes(ApiRoute route) throws Exception {
		for (HttpMethod method : METHODS) {
			if (!method.equals(route.method()) && !declared(method, route.resourcePath())) {
				this.mvc
					.perform(request(method, route.resourcePath()).with(machineToken(SCOPES.toArray(String[]::new))))
					.andExpect(status().isForbidden());
			}
		}
	}

	@Test
	void deniesUnknownRouteEvenWithAllScopes() throws Exception {
		for (String path : FOREIGN_PATHS) {
			if (!declared(HttpMethod.GET, path)) {
				this.mvc.perform(get(path).with(machineToken(SCOPES.toArray(String[]::new))))
					.andExpect(status().isForbidden());
			}
		}
	}

	@Test
	void answersHealthWithoutToken() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health")).andExpect(healthWithoutToken());
	}

	@Test
	void refusesMetricsWithoutToken() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
	}

	@Test
	void servesRequestLatencyByRouteToMetricsReader() throws Exception {
		ApiRoute route = routes().get(0);
		this.mvc.perform(route.request().with(machineToken(route.neededScope()))).andExpect(route.answered());
		String metrics = this.mvc.perform(get("/actuator/prometheus").with(machineToken("read:metrics")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metrics).contains("http_server_requests_seconds").contains("uri=\"" + route.template() + "\"");
	}

	@Test
	void servesOpenApiDocumentWithoutToken() throws Exception {
		String document = openApiDocument();
		assertThat(document).contains(documentFragments());
		undocumentedFragments().forEach((fragment) -> assertThat(document).doesNotContain(fragment));
	}

	@Test
	void documentsOAuthFlowsWithEveryRoutesScope() throws Exception {
		String document = openApiDocument();
		Map<String, Object> schemes = JsonPath.read(document, "$.components.securitySchemes");
		assertThat(schemes).containsOnlyKeys("client-credentials", "authorization-code");
		assertThat(JsonPath.<String>read(document, "$.components.securitySchemes.client-credentials.type"))
			.isEqualTo("oauth2");
		assertThat(JsonPath.<String>read(document,
				"$.components.securitySchemes.client-credentials.flows.clientCredentials.tokenUrl"))
			.endsWith("/oauth2/token");
		assertThat(JsonPath.<String>read(document,
				"$.components.securitySchemes.authorization-code.flows.authorizationCode.authorizationUrl"))
			.endsWith("/oauth2/authorize");
		assertThat(JsonPath.<String>read(document, "$.components.securitySchemes.authorization-code.description"))
			.contains("PKCE")
			.contains("S256");
		for (String flow : List.of("client-credentials.flows.clientCredentials",
				"authorization-code.flows.authorizationCode")) {
			Map<String, String> scopes = JsonPath.read(document, "$.components.securitySchemes." + flow + ".scopes");
			assertThat(scopes).containsOnlyKeys(
					routes().stream().flatMap((route) -> route.scopes().stream()).distinct().toArray(String[]::new));
			assertThat(scopes.values()).allSatisfy((description) -> assertThat(description).isNotBlank());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void documentsEachRouteWithExactlyItsScopes(ApiRoute route) throws Exception {
		List<Map<String, List<String>>> security = JsonPath.read(openApiDocument(),
				"$.paths['" + route.template() + "']." + route.method().name().toLowerCase(Locale.ROOT) + ".security");
		List<Map<String, List<String>>> expected = new ArrayList<>();
		for (String scheme : List.of("client-credentials", "authorization-code")) {
			route.scopes().forEach((scope) -> expected.add(Map.of(scheme, List.of(scope))));
		}
		assertThat(security).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void documentsNoOperationBeyondTheRoutes() throws Exception {
		Map<String, Map<String, Object>> paths = JsonPath.read(openApiDocument(), "$.paths");
		List<String> documented = new ArrayList<>();
		paths.forEach((path, operations) -> operations.keySet()
			.forEach((method) -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
		assertThat(documented).containsExactlyInAnyOrderElementsOf(
				routes().stream().map((route) -> route.method().name() + " " + route.template()).toList());
	}

	private String openApiDocument() throws Exception {
		return this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> otherScopes(ApiRoute route) {
		return SCOPES.stream().filter((scope) -> !route.scopes().contains(scope)).toList();
	}

	private boolean declared(HttpMethod method, String path) {
		return routes().stream()
			.anyMatch((route) -> route.method().equals(method) && route.resourcePath().equals(path));
	}

}
