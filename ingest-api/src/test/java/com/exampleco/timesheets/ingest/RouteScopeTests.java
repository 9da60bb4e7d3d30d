package com.exampleco.timesheets.ingest;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every route with every scope: the scope it needs gives 2xx, each other scope 403 naming
 * the needed scope, no token 401.
 */
@IngestWebTest
class RouteScopeTests {

	static final List<String> SCOPES = List.of("create:timesheets", "read:timesheets", "approve:timesheets",
			"delete:timesheets");

	static final String ENTRY = """
			{"externalId":"row-1","employeeId":"E1001","projectCode":"ALPHA","workDate":"2026-11-02","hours":7.5}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EventPublisher publisher;

	record Route(String name, String scope, Supplier<MockHttpServletRequestBuilder> requests) {

		MockHttpServletRequestBuilder request() {
			return this.requests.get();
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Route> routes() {
		UUID id = UUID.randomUUID();
		return Stream.of(
				new Route("POST /timesheets", "create:timesheets",
						() -> post("/timesheets").contentType(MediaType.APPLICATION_JSON).content(ENTRY)),
				new Route("POST /timesheet-batches", "create:timesheets",
						() -> post("/timesheet-batches").contentType(MediaType.APPLICATION_JSON)
							.content("[" + ENTRY + "]")),
				new Route("POST /timesheets/{id}/approval", "approve:timesheets",
						() -> post("/timesheets/" + id + "/approval").contentType(MediaType.APPLICATION_JSON)
							.content("{\"decision\":\"APPROVED\"}")),
				new Route("DELETE /timesheets/{id}", "delete:timesheets", () -> delete("/timesheets/" + id)));
	}

	static Stream<Arguments> routesWithOtherScopes() {
		return routes().flatMap((route) -> SCOPES.stream()
			.filter((scope) -> !scope.equals(route.scope()))
			.map((scope) -> Arguments.of(route, scope)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void acceptsRouteWithItsScope(Route route) throws Exception {
		this.mvc.perform(route.request().with(token(route.scope()))).andExpect(status().isAccepted());
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("routesWithOtherScopes")
	void deniesRouteWithAnotherScope(Route route, String scope) throws Exception {
		String challenge = this.mvc.perform(route.request().with(token(scope)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(challenge).startsWith("Bearer")
			.contains("error=\"insufficient_scope\"")
			.contains("scope=\"" + route.scope() + "\"");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void refusesRouteWithoutToken(Route route) throws Exception {
		String challenge = this.mvc.perform(route.request())
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(challenge).startsWith("Bearer");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void deniesRouteWithAllScopesButTheNeededOne(Route route) throws Exception {
		String[] others = SCOPES.stream().filter((scope) -> !scope.equals(route.scope())).toArray(String[]::new);
		this.mvc.perform(route.request().with(token(others))).andExpect(status().isForbidden());
	}

	@Test
	void answersHealthWithoutToken() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		// no broker in this test: health is answered (DOWN, 503), never refused
		this.mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());
	}

	@Test
	void refusesMetricsWithoutToken() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
	}

	@Test
	void servesOpenApiDocumentToAuthenticatedCallers() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs").with(token("read:timesheets")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(document).contains("/timesheet-batches").contains("/timesheets/{timesheetId}/approval");
	}

	@Test
	void deniesUnknownRouteEvenWithAllScopes() throws Exception {
		this.mvc.perform(get("/timesheets").with(token(SCOPES.toArray(String[]::new))))
			.andExpect(status().isForbidden());
	}

	static RequestPostProcessor token(String... scopes) {
		Set<GrantedAuthority> authorities = Stream.of(scopes)
			.map((scope) -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + scope))
			.collect(Collectors.toSet());
		return jwt().jwt((jwt) -> jwt.subject("timesheets-uploader").claim("azp", "timesheets-uploader"))
			.authorities(authorities);
	}

}
