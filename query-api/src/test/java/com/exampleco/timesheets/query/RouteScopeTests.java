package com.exampleco.timesheets.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every route with every scope: {@code read:timesheets} opens each route, batch status
 * also opens with {@code create:timesheets}; any other scope is 403 naming
 * {@code read:timesheets}; no token 401.
 */
@QueryWebTest
class RouteScopeTests {

	static final List<String> SCOPES = List.of("create:timesheets", "read:timesheets", "approve:timesheets",
			"delete:timesheets");

	static final UUID BATCH = UUID.randomUUID();

	static UUID timesheetId;

	@Autowired
	MockMvc mvc;

	record Route(String name, String path, List<String> scopes) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@BeforeAll
	static void rows() {
		TestRows rows = TestRows.h2();
		// submitted by the client of Tokens.machine: a create-only token reads its own
		// batches
		timesheetId = rows.timesheet(UUID.randomUUID(), BATCH, "SCOPE-E1", "SCOPE", LocalDate.of(2026, 3, 2), "8",
				"SUBMITTED", "contractor-app");
		rows.outcome(BATCH, timesheetId, "APPLIED", null);
	}

	static Stream<Route> routes() {
		return Stream.of(new Route("GET /timesheets", "/timesheets", List.of("read:timesheets")),
				new Route("GET /timesheets/{id}", "/timesheets/" + timesheetId, List.of("read:timesheets")),
				new Route("GET /batches/{id}", "/batches/" + BATCH, List.of("read:timesheets", "create:timesheets")),
				new Route("GET /employees/{id}/summary", "/employees/SCOPE-E1/summary", List.of("read:timesheets")));
	}

	static Stream<Arguments> routesWithOpeningScope() {
		return routes().flatMap((route) -> route.scopes().stream().map((scope) -> Arguments.of(route, scope)));
	}

	static Stream<Arguments> routesWithOtherScopes() {
		return routes().flatMap((route) -> SCOPES.stream()
			.filter((scope) -> !route.scopes().contains(scope))
			.map((scope) -> Arguments.of(route, scope)));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("routesWithOpeningScope")
	void answersRouteWithItsScope(Route route, String scope) throws Exception {
		this.mvc.perform(get(route.path()).with(Tokens.machine(scope)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("routesWithOtherScopes")
	void deniesRouteWithAnotherScope(Route route, String scope) throws Exception {
		String challenge = this.mvc.perform(get(route.path()).with(Tokens.machine(scope)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(challenge).startsWith("Bearer")
			.contains("error=\"insufficient_scope\"")
			.contains("scope=\"read:timesheets\"");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void deniesRouteWithAllScopesButTheOpeningOnes(Route route) throws Exception {
		String[] others = SCOPES.stream().filter((scope) -> !route.scopes().contains(scope)).toArray(String[]::new);
		this.mvc.perform(get(route.path()).with(Tokens.machine(others))).andExpect(status().isForbidden());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void refusesRouteWithoutToken(Route route) throws Exception {
		String challenge = this.mvc.perform(get(route.path()))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(challenge).startsWith("Bearer");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void deniesWritesOnEveryRoute(Route route) throws Exception {
		this.mvc.perform(post(route.path()).with(Tokens.machine(SCOPES.toArray(String[]::new))))
			.andExpect(status().isForbidden());
	}

	@Test
	void answersHealthWithoutToken() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void refusesMetricsWithoutToken() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
	}

	@Test
	void servesRequestLatencyByRouteToMetricsReader() throws Exception {
		this.mvc.perform(get("/timesheets/" + timesheetId).with(Tokens.machine("read:timesheets")))
			.andExpect(status().isOk());
		String metrics = this.mvc.perform(get("/actuator/prometheus").with(Tokens.machine("read:metrics")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metrics).contains("http_server_requests_seconds").contains("uri=\"/timesheets/{timesheetId}\"");
	}

	@Test
	void servesOpenApiDocumentToAuthenticatedCallers() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs").with(Tokens.machine("read:timesheets")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(document).contains("/timesheets/{timesheetId}")
			.contains("/batches/{batchId}")
			.contains("/employees/{employeeId}/summary")
			.contains("expectedEvents")
			.doesNotContain("\"caller\"");
	}

	@Test
	void refusesOpenApiDocumentWithoutToken() throws Exception {
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
	}

	@Test
	void deniesUnknownRouteEvenWithAllScopes() throws Exception {
		this.mvc.perform(get("/timesheet-batches").with(Tokens.machine(SCOPES.toArray(String[]::new))))
			.andExpect(status().isForbidden());
	}

}
