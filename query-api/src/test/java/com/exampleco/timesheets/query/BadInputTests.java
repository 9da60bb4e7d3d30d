package com.exampleco.timesheets.query;

import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Bad input is a 400 problem naming the parameter, never a 500 and never silently
 * ignored: unknown filter names, bad dates, {@code from} after {@code to}, limits out of
 * range, tampered or foreign cursors, bad ids.
 */
@QueryWebTest
class BadInputTests {

	static final String READ = "read:timesheets";

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meterRegistry;

	@BeforeAll
	static void rows() {
		TestRows rows = TestRows.h2();
		for (int i = 0; i < 3; i++) {
			rows.timesheet("BAD-E", "BAD", LocalDate.of(2026, 7, 1).plusDays(i), "1", "SUBMITTED");
		}
	}

	static Stream<Arguments> badRequests() {
		String batch = "/batches/" + UUID.randomUUID();
		return Stream.of(Arguments.of("/timesheets?employee=E1", "employee"),
				Arguments.of("/timesheets?projectcode=X", "projectcode"), Arguments.of("/timesheets?page=2", "page"),
				Arguments.of("/timesheets?from=2026-13-01", "from"),
				Arguments.of("/timesheets?from=01.07.2026", "from"), Arguments.of("/timesheets?to=yesterday", "to"),
				Arguments.of("/timesheets?from=2026-07-02&to=2026-07-01", "from"),
				Arguments.of("/timesheets?from=", "from"), Arguments.of("/timesheets?limit=0", "limit"),
				Arguments.of("/timesheets?limit=-1", "limit"), Arguments.of("/timesheets?limit=501", "limit"),
				Arguments.of("/timesheets?limit=ten", "limit"),
				Arguments.of("/timesheets?limit=99999999999999", "limit"),
				Arguments.of("/timesheets?status=DELETED", "status"),
				Arguments.of("/timesheets?status=approved", "status"),
				Arguments.of("/timesheets?status=APPROVED&status=REJECTED", "status"),
				Arguments.of("/timesheets?employeeId=" + "x".repeat(65), "employeeId"),
				Arguments.of("/timesheets?cursor=not-a-cursor", "cursor"),
				Arguments.of("/timesheets?cursor=%00%01", "cursor"),
				Arguments.of("/timesheets?cursor=" + "A".repeat(200), "cursor"),
				Arguments.of("/timesheets?cursor=" + "A".repeat(55), "cursor"),
				Arguments.of("/timesheets/not-a-uuid", "timesheetId"),
				Arguments.of("/timesheets/" + UUID.randomUUID() + "?fields=all", "fields"),
				Arguments.of(batch + "?expectedEvents=0", "expectedEvents"),
				Arguments.of(batch + "?expectedEvents=many", "expectedEvents"),
				Arguments.of(batch + "?expected=3", "expected"), Arguments.of("/batches/123", "batchId"),
				Arguments.of("/employees/E1/summary?from=2026-02-30", "from"),
				Arguments.of("/employees/E1/summary?from=2026-07-02&to=2026-07-01", "from"),
				Arguments.of("/employees/E1/summary?project=X", "project"));
	}

	@ParameterizedTest(name = "{0} names {1}")
	@MethodSource("badRequests")
	void refusesBadInputNamingTheParameter(String uri, String parameter) throws Exception {
		assertBadParameter(this.mvc.perform(get(uri).with(Tokens.machine(READ))).andReturn(), parameter);
	}

	@Test
	void refusesTamperedCursor() throws Exception {
		String cursor = firstCursor();
		byte[] bytes = Base64.getUrlDecoder().decode(cursor);
		for (int position : new int[] { 0, 3, 9, 17, 24, 30 }) {
			byte[] tampered = bytes.clone();
			tampered[position] ^= 0x01;
			MvcResult result = this.mvc
				.perform(get("/timesheets").param("projectCode", "BAD")
					.param("limit", "1")
					.param("cursor", Base64.getUrlEncoder().withoutPadding().encodeToString(tampered))
					.with(Tokens.machine(READ)))
				.andReturn();
			assertBadParameter(result, "cursor");
		}
	}

	@Test
	void refusesCursorWithOtherFilters() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/timesheets").param("projectCode", "OTHER")
				.param("limit", "1")
				.param("cursor", firstCursor())
				.with(Tokens.machine(READ)))
			.andReturn();
		assertBadParameter(result, "cursor");
	}

	@Test
	void acceptsUntamperedCursor() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/timesheets").param("projectCode", "BAD")
				.param("limit", "1")
				.param("cursor", firstCursor())
				.with(Tokens.machine(READ)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void neverEchoesParameterValues() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/timesheets?from=<script>alert(1)</script>").with(Tokens.machine(READ)))
			.andReturn();
		assertBadParameter(result, "from");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("script");
	}

	@Test
	void countsRefusalsByReason() throws Exception {
		double invalid = rejected("invalid_parameter");
		double notFound = rejected("not_found");
		this.mvc.perform(get("/timesheets?limit=0").with(Tokens.machine(READ)));
		this.mvc.perform(get("/timesheets/not-a-uuid").with(Tokens.machine(READ)));
		MvcResult missing = this.mvc.perform(get("/timesheets/" + UUID.randomUUID()).with(Tokens.machine(READ)))
			.andReturn();
		assertThat(rejected("invalid_parameter")).isEqualTo(invalid + 2);
		assertThat(rejected("not_found")).isEqualTo(notFound + 1);
		String body = missing.getResponse().getContentAsString();
		assertThat(missing.getResponse().getStatus()).isEqualTo(404);
		assertThat((String) JsonPath.read(body, "$.type"))
			.isEqualTo("https://timesheets.exampleco.com/problems/not-found");
		assertThat((String) JsonPath.read(body, "$.title")).isEqualTo("Not found");
		assertThat((String) JsonPath.read(body, "$.detail")).startsWith("No timesheet ");
	}

	private double rejected(String reason) {
		return this.meterRegistry.counter("timesheets.query.requests.rejected", "reason", reason).count();
	}

	private String firstCursor() throws Exception {
		String body = this.mvc
			.perform(get("/timesheets").param("projectCode", "BAD").param("limit", "1").with(Tokens.machine(READ)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String next = JsonPath.read(body, "$.nextCursor");
		assertThat(next).isNotBlank();
		return next;
	}

	private static void assertBadParameter(MvcResult result, String parameter) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType())
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		String body = result.getResponse().getContentAsString();
		assertThat((String) JsonPath.read(body, "$.parameter")).isEqualTo(parameter);
		assertThat((String) JsonPath.read(body, "$.type"))
			.isEqualTo("https://timesheets.exampleco.com/problems/invalid-parameter");
		assertThat((String) JsonPath.read(body, "$.detail")).contains(parameter);
	}

}
