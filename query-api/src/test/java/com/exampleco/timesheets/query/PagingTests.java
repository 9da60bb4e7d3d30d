package com.exampleco.timesheets.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Keyset paging: every row once, in order (work date, then id as the database orders it),
 * also while rows are inserted; filters; deleted rows never listed.
 */
@QueryWebTest
class PagingTests {

	static final String READ = "read:timesheets";

	@Autowired
	MockMvc mvc;

	final TestRows rows = TestRows.h2();

	final Random random = new Random(42);

	@Test
	void pagesThroughThousandRowsInPagesOf37EachOnceInOrder() throws Exception {
		String project = "PAGE-" + UUID.randomUUID().toString().substring(0, 8);
		insert(project, 1000);
		List<String> expected = idsInDatabaseOrder(project);
		assertThat(expected).hasSize(1000);

		Pages pages = pageThrough(project, 37, null);

		assertThat(pages.ids()).containsExactlyElementsOf(expected);
		assertThat(pages.count()).isEqualTo(28);
		assertThat(pages.sizes().subList(0, 27)).containsOnly(37);
		assertThat(pages.sizes().get(27)).isEqualTo(1000 - 27 * 37);
	}

	@Test
	void pagesThroughEachRowOnceInOrderWhileRowsAreInserted() throws Exception {
		String project = "PAGE-" + UUID.randomUUID().toString().substring(0, 8);
		insert(project, 1000);
		Set<String> original = new HashSet<>(idsInDatabaseOrder(project));

		int[] inserts = { 0 };
		Pages pages = pageThrough(project, 37, () -> {
			insert(project, 20);
			inserts[0]++;
		});

		List<String> finalOrder = idsInDatabaseOrder(project);
		assertThat(inserts[0]).isGreaterThanOrEqualTo(27);
		assertThat(finalOrder).hasSize(1000 + 20 * inserts[0]);
		assertThat(pages.ids()).doesNotHaveDuplicates().containsAll(original);
		// what was returned is in the database's order: a subsequence of the final order
		List<String> returnedInFinalOrder = finalOrder.stream().filter(new HashSet<>(pages.ids())::contains).toList();
		assertThat(pages.ids()).containsExactlyElementsOf(returnedInFinalOrder);
	}

	@Test
	void listsOnlyWhatMatchesEveryFilterAndNeverDeletedTimesheets() throws Exception {
		String project = "FILTER-" + UUID.randomUUID().toString().substring(0, 8);
		// stored employee ids are canonical (upper case), as the processor writes them
		String employee = ("FILTER-E-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase(Locale.ROOT);
		LocalDate monday = LocalDate.of(2026, 5, 4);
		UUID match = this.rows.timesheet(employee, project, monday.plusDays(1), "8", "APPROVED");
		this.rows.timesheet(employee, project, monday.plusDays(1), "8", "SUBMITTED");
		this.rows.timesheet(employee, project, monday.plusDays(9), "8", "APPROVED");
		this.rows.timesheet(employee, project, monday.plusDays(2), "8", "DELETED");
		this.rows.timesheet("someone-else", project, monday.plusDays(1), "8", "APPROVED");
		this.rows.timesheet(employee, "OTHER", monday.plusDays(1), "8", "APPROVED");

		this.mvc
			.perform(get("/timesheets").param("employeeId", employee)
				.param("projectCode", project)
				.param("status", "APPROVED")
				.param("from", monday.toString())
				.param("to", monday.plusDays(6).toString())
				.with(Tokens.machine(READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].timesheetId").value(match.toString()))
			.andExpect(jsonPath("$.items[0].hours").value(8))
			.andExpect(jsonPath("$.nextCursor").doesNotExist());
		this.mvc.perform(get("/timesheets").param("projectCode", project).with(Tokens.machine(READ)))
			.andExpect(jsonPath("$.items.length()").value(4))
			.andExpect(jsonPath("$.items[*].status")
				.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("DELETED"))));
	}

	@Test
	void usesDefaultLimitOf50() throws Exception {
		String project = "LIMIT-" + UUID.randomUUID().toString().substring(0, 8);
		insert(project, 51);
		this.mvc.perform(get("/timesheets").param("projectCode", project).with(Tokens.machine(READ)))
			.andExpect(jsonPath("$.items.length()").value(50))
			.andExpect(jsonPath("$.nextCursor").isString());
	}

	@Test
	void lastFullPageHasNoNextCursor() throws Exception {
		String project = "EXACT-" + UUID.randomUUID().toString().substring(0, 8);
		insert(project, 10);
		this.mvc
			.perform(get("/timesheets").param("projectCode", project).param("limit", "10").with(Tokens.machine(READ)))
			.andExpect(jsonPath("$.items.length()").value(10))
			.andExpect(jsonPath("$.nextCursor").doesNotExist());
	}

	private void insert(String project, int count) {
		LocalDate start = LocalDate.of(2026, 1, 1);
		for (int i = 0; i < count; i++) {
			// few distinct dates: many rows share a date, so the id decides their order
			this.rows.timesheet("PAGER", project, start.plusDays(this.random.nextInt(40)), "1.25", "SUBMITTED");
		}
	}

	private List<String> idsInDatabaseOrder(String project) {
		return this.rows.jdbc()
			.queryForList("SELECT CAST(timesheet_id AS VARCHAR) FROM timesheets WHERE project_code = ? "
					+ "ORDER BY work_date, timesheet_id", String.class, project)
			.stream()
			.map(String::toLowerCase)
			.toList();
	}

	private Pages pageThrough(String project, int limit, Runnable betweenPages) throws Exception {
		List<String> ids = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		String cursor = null;
		do {
			MockHttpServletRequestBuilder request = get("/timesheets").param("projectCode", project)
				.param("limit", Integer.toString(limit))
				.with(Tokens.machine(READ));
			if (cursor != null) {
				request.param("cursor", cursor);
			}
			String body = this.mvc.perform(request)
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<String> page = JsonPath.read(body, "$.items[*].timesheetId");
			ids.addAll(page);
			sizes.add(page.size());
			cursor = JsonPath.read(body, "$.nextCursor");
			if (cursor != null && betweenPages != null) {
				betweenPages.run();
			}
			assertThat(sizes).hasSizeLessThan(100);
		}
		while (cursor != null);
		return new Pages(ids, sizes);
	}

	record Pages(List<String> ids, List<Integer> sizes) {

		int count() {
			return this.sizes.size();
		}

	}

}
