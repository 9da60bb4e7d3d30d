package com.exampleco.timesheets.webapp;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Upload": the file posted as it is with its media type, every problem listed, the batch
 * followed to its outcome.
 */
class UploadPageTests extends WebAppTestSupport {

	private static final String CSV = """
			external_id,employee_id,project_code,work_date,hours,note
			u-1,E1001,ALPHA,2026-11-02,7.5,
			u-2,E1001,ALPHA,2026-11-03,8,
			u-3,E1001,BETA,2026-11-04,0.25,call
			""";

	@Test
	void uploadFormHasALabelledFileField() throws Exception {
		this.mvc.perform(get("/upload").with(emma()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<label for=\"file\">"),
					containsString("enctype=\"multipart/form-data\""), containsString("name=\"_csrf\""))));
	}

	@Test
	void csvIsPostedAsCsvAndLeadsToTheBatchProgress() throws Exception {
		INGEST.json("POST", "/timesheet-batches", 202, """
				{"batchId":"3c1e0000-0000-4000-8000-000000000001","entries":3,
				 "timesheetIds":["0b9a0000-0000-4000-8000-000000000001","77d20000-0000-4000-8000-000000000002",
				                 "c41f0000-0000-4000-8000-000000000003"]}""");

		this.mvc
			.perform(multipart("/upload").file(new MockMultipartFile("file", "week.csv", "text/csv", bytes(CSV)))
				.with(emma())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/batches/3c1e0000-0000-4000-8000-000000000001?expected=3"));

		RecordingApi.Request sent = INGEST.requests("POST", "/timesheet-batches").get(0);
		assertThat(sent.header("Content-Type")).startsWith("text/csv");
		assertThat(sent.header("Authorization")).isEqualTo("Bearer token-emma");
		assertThat(sent.body()).isEqualTo(CSV);
	}

	@Test
	void ndjsonIsPostedAsNdjson() throws Exception {
		INGEST.json("POST", "/timesheet-batches", 202, """
				{"batchId":"3c1e0000-0000-4000-8000-000000000001","entries":1,
				 "timesheetIds":["0b9a0000-0000-4000-8000-000000000001"]}""");
		String ndjson = "{\"externalId\":\"u-1\",\"employeeId\":\"E1001\",\"projectCode\":\"ALPHA\","
				+ "\"workDate\":\"2026-11-02\",\"hours\":7.5}\n";

		this.mvc
			.perform(multipart("/upload").file(new MockMultipartFile("file", "week.ndjson", null, bytes(ndjson)))
				.with(emma())
				.with(csrf()))
			.andExpect(status().isFound());

		assertThat(INGEST.requests("POST", "/timesheet-batches").get(0).header("Content-Type"))
			.startsWith("application/x-ndjson");
	}

	@Test
	void invalidFileListsEveryProblemWithItsLine() throws Exception {
		INGEST.problem("POST", "/timesheet-batches", 422,
				"""
						{"type":"https://timesheets.exampleco.com/problems/invalid-batch","title":"Invalid upload","status":422,
						 "detail":"2 problem(s) in the upload; nothing was accepted",
						 "errors":[{"index":0,"line":2,"field":"hours","message":"must be at most 24"},
						           {"index":3,"line":5,"field":"externalId","message":"duplicate externalId in this batch (first at index 1)"}]}""");

		this.mvc
			.perform(multipart("/upload").file(new MockMultipartFile("file", "week.csv", "text/csv", bytes(CSV)))
				.with(emma())
				.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andDo((result) -> assertThat(control(result.getResponse().getContentAsString(), "file"))
				.contains("aria-describedby=\"file-error\""))
			.andExpect(content().string(allOf(containsString("2 problem(s) in the upload; nothing was accepted"),
					containsString("<td>2</td>"), containsString("<td>must be at most 24</td>"),
					containsString("<td>5</td>"), containsString("<td>4</td>"),
					containsString("<td>duplicate externalId in this batch (first at index 1)</td>"))));
	}

	@Test
	void fileOfAnotherKindIsRefusedWithoutCallingTheApi() throws Exception {
		this.mvc
			.perform(multipart("/upload").file(new MockMultipartFile("file", "week.xlsx", null, bytes("PK")))
				.with(emma())
				.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("Choose a .csv, .ndjson or .json file.")));

		assertThat(INGEST.requests()).isEmpty();
	}

	@Test
	void uploadWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(multipart("/upload").file(new MockMultipartFile("file", "week.csv", "text/csv", bytes(CSV)))
				.with(emma()))
			.andExpect(status().isForbidden());

		assertThat(INGEST.requests()).isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
