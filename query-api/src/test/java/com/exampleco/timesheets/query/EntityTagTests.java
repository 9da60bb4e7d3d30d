package com.exampleco.timesheets.query;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /timesheets/{id}}: the {@code ETag} is the state version, a matching
 * {@code If-None-Match} is 304 without a body, a new version is a new tag.
 */
@QueryWebTest
class EntityTagTests {

	static final String READ = "read:timesheets";

	@Autowired
	MockMvc mvc;

	final TestRows rows = TestRows.h2();

	@Test
	void tagsTimesheetWithItsVersion() throws Exception {
		UUID id = this.rows.timesheet("ETAG-E", "ETAG", LocalDate.of(2026, 6, 1), "7.50", "SUBMITTED");
		this.mvc.perform(get("/timesheets/" + id).with(Tokens.machine(READ)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-cache, private"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.hours").value(7.5))
			.andExpect(jsonPath("$.workDate").value("2026-06-01"))
			.andExpect(jsonPath("$.approvedAt").doesNotExist())
			.andExpect(jsonPath("$.etag").doesNotExist())
			.andExpect(jsonPath("$.deleted").doesNotExist());
	}

	@Test
	void answersNotModifiedWhenTagMatches() throws Exception {
		UUID id = this.rows.timesheet("ETAG-E", "ETAG", LocalDate.of(2026, 6, 1), "8", "SUBMITTED");
		this.mvc.perform(get("/timesheets/" + id).header(HttpHeaders.IF_NONE_MATCH, "\"1\"").with(Tokens.machine(READ)))
			.andExpect(status().isNotModified())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(content().string(""));
		this.mvc
			.perform(get("/timesheets/" + id).header(HttpHeaders.IF_NONE_MATCH, "\"7\", W/\"1\"")
				.with(Tokens.machine(READ)))
			.andExpect(status().isNotModified());
	}

	@Test
	void answersNewStateWhenVersionChanged() throws Exception {
		UUID id = this.rows.timesheet("ETAG-E", "ETAG", LocalDate.of(2026, 6, 1), "8", "SUBMITTED");
		this.rows.jdbc()
			.update("UPDATE timesheets SET version = 2, status = 'APPROVED', approved_at = updated_at, "
					+ "approved_by = 'auth0|boss' WHERE timesheet_id = ?", id);
		this.mvc.perform(get("/timesheets/" + id).header(HttpHeaders.IF_NONE_MATCH, "\"1\"").with(Tokens.machine(READ)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.approvedBy").value("auth0|boss"));
	}

	@Test
	void neverAnswersNotModifiedForHiddenTimesheet() throws Exception {
		UUID id = this.rows.timesheet("ETAG-OTHER", "ETAG", LocalDate.of(2026, 6, 1), "8", "SUBMITTED");
		this.mvc
			.perform(get("/timesheets/" + id).header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
				.with(Tokens.employee("ETAG-E", READ)))
			.andExpect(status().isNotFound());
	}

	@Test
	void deletedTimesheetIsNotFound() throws Exception {
		UUID id = this.rows.timesheet("ETAG-E", "ETAG", LocalDate.of(2026, 6, 1), "8", "DELETED");
		String body = this.mvc.perform(get("/timesheets/" + id).with(Tokens.machine(READ)))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("ETAG-E");
	}

}
