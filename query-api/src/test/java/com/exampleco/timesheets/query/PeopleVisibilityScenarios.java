package com.exampleco.timesheets.query;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The people rules of the query API, one table over every route × every kind of caller ×
 * every employee: an employee sees their own timesheets, a manager their own and their
 * team's, a manager of another team none of these, a machine client everything. What a
 * caller may not see answers like what does not exist. Run on H2
 * ({@link PeopleVisibilityTests}) and PostgreSQL
 * ({@link PeopleVisibilityPostgresIntegrationTests}) over the same rows.
 */
abstract class PeopleVisibilityScenarios {

	static final String WEB = "timesheets-web";

	static final String PROJECT = "PV-PRJ";

	/** Emma, an employee without a team. */
	static final String EMMA = "PV-1001";

	/** Maria, manager of Emma and Eric. */
	static final String MARIA = "PV-1002";

	/** Eric, in Maria's team. */
	static final String ERIC = "PV-1003";

	/** Olga, in Otto's team. */
	static final String OLGA = "PV-1004";

	/** Otto, manager of Olga only. */
	static final String OTTO = "PV-1005";

	static final List<String> WITH_TIMESHEETS = List.of(EMMA, MARIA, ERIC, OLGA);

	static final String OUTSIDE_TEAM_REASON = "approver's team does not include " + OLGA;

	/**
	 * Maria's own attempt to approve Olga's timesheet (outside her team), in a batch of
	 * its own.
	 */
	static final UUID MARIAS_REFUSED_DECISION = UUID
		.nameUUIDFromBytes("pv-maria-decision".getBytes(StandardCharsets.UTF_8));

	enum Who {

		EMPLOYEE(Tokens.person("emma", EMMA)),

		MANAGER(Tokens.person("maria", MARIA, "pv-1001", ERIC)),

		MANAGER_OF_ANOTHER_TEAM(Tokens.person("otto", OTTO, OLGA)),

		MACHINE(Tokens.machine("read:timesheets"));

		final RequestPostProcessor token;

		Who(RequestPostProcessor token) {
			this.token = token;
		}

	}

	enum Route {

		LIST_FILTERED, BY_ID, SUMMARY, BATCH

	}

	/**
	 * Who sees whose data, written out by hand (the table the routes must agree with).
	 */
	static final Map<Who, List<String>> SEES = Map.of(Who.EMPLOYEE, List.of(EMMA), Who.MANAGER,
			List.of(EMMA, MARIA, ERIC), Who.MANAGER_OF_ANOTHER_TEAM, List.of(OLGA), Who.MACHINE, WITH_TIMESHEETS);

	static UUID timesheetOf(String employeeId) {
		return UUID.nameUUIDFromBytes(("pv-timesheet-" + employeeId).getBytes(StandardCharsets.UTF_8));
	}

	static UUID batchOf(String employeeId) {
		return UUID.nameUUIDFromBytes(("pv-batch-" + employeeId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * One timesheet per employee, each sent through the web app in its own batch; Olga's
	 * batch also holds a decision the processor refused for being outside the approver's
	 * team.
	 * @param rows the writer
	 */
	static void insertRows(TestRows rows) {
		LocalDate day = LocalDate.of(2026, 5, 4);
		for (String employee : WITH_TIMESHEETS) {
			rows.timesheet(timesheetOf(employee), batchOf(employee), employee, PROJECT, day, "8", "SUBMITTED", WEB);
			rows.outcome(batchOf(employee), timesheetOf(employee), "SUBMITTED", "APPLIED", null, WEB);
			day = day.plusDays(1);
		}
		rows.outcome(batchOf(OLGA), timesheetOf(OLGA), "APPROVED", "REJECTED", OUTSIDE_TEAM_REASON, WEB);
		rows.outcome(MARIAS_REFUSED_DECISION, timesheetOf(OLGA), "APPROVED", "REJECTED", OUTSIDE_TEAM_REASON, WEB,
				"maria");
	}

	abstract MockMvc mvc();

	static Stream<Arguments> everyRouteCallerAndEmployee() {
		List<Arguments> table = new ArrayList<>();
		for (Route route : Route.values()) {
			for (Who who : Who.values()) {
				for (String employee : WITH_TIMESHEETS) {
					table.add(Arguments.of(route, who, employee, SEES.get(who).contains(employee)));
				}
			}
		}
		return table.stream();
	}

	@ParameterizedTest(name = "{0} by {1} of {2}: visible {3}")
	@MethodSource("everyRouteCallerAndEmployee")
	void answersEveryRouteByWhoIsAsking(Route route, Who who, String employee, boolean visible) throws Exception {
		MvcResult result = mvc().perform(request(route, employee).with(who.token)).andReturn();
		String body = result.getResponse().getContentAsString();
		if (route == Route.LIST_FILTERED) {
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
			List<String> listed = JsonPath.read(body, "$.items[*].employeeId");
			assertThat(listed).isEqualTo(visible ? List.of(employee) : List.of());
			return;
		}
		if (!visible) {
			assertThat(result.getResponse().getStatus()).as(body).isEqualTo(404);
			if (route != Route.SUMMARY) {
				// the same answer as for what does not exist (a summary of nobody's hours
				// is an empty summary to a machine client)
				MvcResult unknown = mvc().perform(request(route, "PV-9999").with(Who.MACHINE.token)).andReturn();
				assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
			}
			return;
		}
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(200);
		switch (route) {
			case BY_ID -> assertThat((String) JsonPath.read(body, "$.employeeId")).isEqualTo(employee);
			case SUMMARY -> assertThat((Integer) JsonPath.read(body, "$.timesheets")).isEqualTo(1);
			case BATCH -> assertThat((Integer) JsonPath.read(body, "$.outcomes.APPLIED")).isEqualTo(1);
			default -> throw new IllegalStateException();
		}
	}

	static Stream<Arguments> everyCaller() {
		return Stream.of(Who.values()).map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyCaller")
	void listingWithoutEmployeeFilterListsWhatTheCallerSees(Who who) throws Exception {
		String body = mvc().perform(get("/timesheets").param("projectCode", PROJECT).with(who.token))
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<String> listed = JsonPath.read(body, "$.items[*].employeeId");
		assertThat(listed).isEqualTo(SEES.get(who));
	}

	@Test
	void managerPagesThroughOwnAndTeamWithTheCursor() throws Exception {
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			var request = get("/timesheets").param("projectCode", PROJECT).param("limit", "1");
			if (cursor != null) {
				request.param("cursor", cursor);
			}
			String body = mvc().perform(request.with(Who.MANAGER.token)).andReturn().getResponse().getContentAsString();
			seen.addAll(JsonPath.read(body, "$.items[*].employeeId"));
			cursor = JsonPath.read(body, "$.nextCursor");
		}
		while (cursor != null);

		assertThat(seen).containsExactly(EMMA, MARIA, ERIC);
	}

	@Test
	void managersTeamIsCaseInsensitiveOnEveryRoute() throws Exception {
		String lower = EMMA.toLowerCase(java.util.Locale.ROOT);
		String list = mvc().perform(get("/timesheets").param("employeeId", lower).with(Who.MANAGER.token))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((List<String>) JsonPath.read(list, "$.items[*].employeeId")).containsExactly(EMMA);
		assertThat(mvc().perform(get("/employees/" + lower + "/summary").with(Who.MANAGER.token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void batchShowsTheOutsideTheTeamRefusalWithItsReason() throws Exception {
		String body = mvc().perform(get("/batches/" + batchOf(OLGA)).with(Who.MANAGER_OF_ANOTHER_TEAM.token))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat((String) JsonPath.read(body, "$.rejections[0].reason")).isEqualTo(OUTSIDE_TEAM_REASON);
		assertThat((Integer) JsonPath.read(body, "$.outcomes.REJECTED")).isEqualTo(1);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(Route route,
			String employee) {
		return switch (route) {
			case LIST_FILTERED -> get("/timesheets").param("employeeId", employee);
			case BY_ID -> get("/timesheets/" + timesheetOf(employee));
			case SUMMARY -> get("/employees/" + employee + "/summary");
			case BATCH -> get("/batches/" + batchOf(employee));
		};
	}

	@Test
	void aPersonReadsTheBatchTheySentThemselvesEvenWhenItConcernsSomeoneOutsideTheirTeam() throws Exception {
		// Maria's approval of Olga's timesheet was refused: she sent it, so she sees why
		mvc().perform(get("/batches/" + MARIAS_REFUSED_DECISION).with(Who.MANAGER.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rejections[0].reason").value(OUTSIDE_TEAM_REASON));
		// another person of the same app does not (Olga herself may: it concerns only her
		// timesheet, as every batch of her app about her own timesheets)
		mvc().perform(get("/batches/" + MARIAS_REFUSED_DECISION).with(Who.EMPLOYEE.token))
			.andExpect(status().isNotFound());

	}

}
