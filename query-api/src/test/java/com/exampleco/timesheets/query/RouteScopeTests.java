package com.exampleco.timesheets.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.testsupport.resourceserver.ApiRoute;
import com.exampleco.timesheets.testsupport.resourceserver.RouteScopeContract;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.exampleco.timesheets.testsupport.resourceserver.ApiRoute.route;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The resource-server contract on the query API's routes: {@code read:timesheets} opens
 * each route, batch status also opens with {@code create:timesheets}; any other scope is
 * 403 naming {@code read:timesheets}; no token 401.
 */
@QueryWebTest
class RouteScopeTests extends RouteScopeContract {

	static final UUID BATCH = UUID.randomUUID();

	static UUID timesheetId;

	@BeforeAll
	static void rows() {
		TestRows rows = TestRows.h2();
		// submitted by the client of Tokens.machine: a create-only token reads its own
		// batches
		timesheetId = rows.timesheet(UUID.randomUUID(), BATCH, "SCOPE-E1", "SCOPE", LocalDate.of(2026, 3, 2), "8",
				"SUBMITTED", "contractor-app");
		rows.outcome(BATCH, timesheetId, "APPLIED", null);
	}

	@Override
	protected List<ApiRoute> routes() {
		return queryRoutes(timesheetId, BATCH, "SCOPE-E1");
	}

	/**
	 * The query API's routes, answered 200 with JSON.
	 * @param timesheetId a timesheet the caller may read
	 * @param batchId a batch the caller may read
	 * @param employeeId an employee the caller may read
	 * @return the routes
	 */
	static List<ApiRoute> queryRoutes(UUID timesheetId, UUID batchId, String employeeId) {
		ResultMatcher json = (result) -> {
			status().isOk().match(result);
			content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON).match(result);
		};
		return List
			.of(route(GET, "/timesheets/{timesheetId}", "/timesheets/" + timesheetId, "read:timesheets"),
					route(GET, "/timesheets", "/timesheets?employeeId=" + employeeId, "read:timesheets"),
					route(GET, "/batches/{batchId}", "/batches/" + batchId, "read:timesheets", "create:timesheets"),
					route(GET, "/employees/{employeeId}/summary", "/employees/" + employeeId + "/summary",
							"read:timesheets"))
			.stream()
			.map((route) -> route.answeredWith(json))
			.toList();
	}

	@Override
	protected RequestPostProcessor machineToken(String... scopes) {
		return Tokens.machine(scopes);
	}

	@Override
	protected ResultMatcher healthWithoutToken() {
		return status().isOk();
	}

	@Override
	protected List<String> documentFragments() {
		return List.of("/timesheets/{timesheetId}", "/batches/{batchId}", "/employees/{employeeId}/summary",
				"expectedEvents");
	}

}
