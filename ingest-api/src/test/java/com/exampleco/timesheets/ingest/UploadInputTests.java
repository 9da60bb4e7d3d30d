package com.exampleco.timesheets.ingest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetIds;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bad-input suite of uploads: every rule, every format, limits, content types and
 * idempotency keys. A refused upload publishes nothing.
 */
@IngestWebTest
class UploadInputTests {

	static final String PAST = "2026-11-02";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EventPublisher publisher;

	static String entry(String externalId, String fields) {
		return "{\"externalId\":\"" + externalId + "\",\"employeeId\":\"E1001\",\"projectCode\":\"ALPHA\","
				+ "\"workDate\":\"" + PAST + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
	}

	static String entryWith(String field, String json) {
		String base = "{\"externalId\":\"row-1\",\"employeeId\":\"E1001\",\"projectCode\":\"ALPHA\",\"workDate\":\""
				+ PAST + "\",\"hours\":7.5}";
		if (base.contains("\"" + field + "\":")) {
			return base.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9.]+)",
					Matcher.quoteReplacement("\"" + field + "\":" + json));
		}
		return base.substring(0, base.length() - 1) + ",\"" + field + "\":" + json + "}";
	}

	static String without(String field) {
		return entryWith(field, "null");
	}

	static Stream<Arguments> invalidEntries() {
		String future = LocalDate.now().plusDays(5).toString();
		return Stream.of(Arguments.of("hours 0", entryWith("hours", "0"), "hours"),
				Arguments.of("hours 24.25", entryWith("hours", "24.25"), "hours"),
				Arguments.of("hours -1", entryWith("hours", "-1"), "hours"),
				Arguments.of("hours 7.3 (not a quarter)", entryWith("hours", "7.3"), "hours"),
				Arguments.of("hours not a number", entryWith("hours", "\"abc\""), "hours"),
				Arguments.of("hours a boolean", entryWith("hours", "true"), "hours"),
				Arguments.of("hours missing", without("hours"), "hours"),
				Arguments.of("workDate not a real date", entryWith("workDate", "\"2026-02-30\""), "workDate"),
				Arguments.of("workDate not ISO", entryWith("workDate", "\"02/11/2026\""), "workDate"),
				Arguments.of("workDate in the future", entryWith("workDate", "\"" + future + "\""), "workDate"),
				Arguments.of("workDate before 2000", entryWith("workDate", "\"1999-12-31\""), "workDate"),
				Arguments.of("workDate missing", without("workDate"), "workDate"),
				Arguments.of("employeeId missing", without("employeeId"), "employeeId"),
				Arguments.of("employeeId with a space", entryWith("employeeId", "\"E 1001\""), "employeeId"),
				Arguments.of("employeeId a number", entryWith("employeeId", "1001"), "employeeId"),
				Arguments.of("projectCode too long", entryWith("projectCode", "\"" + "P".repeat(41) + "\""),
						"projectCode"),
				Arguments.of("projectCode blank", entryWith("projectCode", "\"  \""), "projectCode"),
				Arguments.of("externalId missing", without("externalId"), "externalId"),
				Arguments.of("externalId too long", entryWith("externalId", "\"" + "x".repeat(129) + "\""),
						"externalId"),
				Arguments.of("externalId with a control character", entryWith("externalId", "\"a\\u0007b\""),
						"externalId"),
				Arguments.of("note too long", entryWith("note", "\"" + "n".repeat(501) + "\""), "note"),
				Arguments.of("note with a control character", entryWith("note", "\"bell\\u0007\""), "note"),
				Arguments.of("status set by the caller", entryWith("status", "\"APPROVED\""), "status"),
				Arguments.of("timesheetId set by the caller", entryWith("timesheetId", "\"" + UUID.randomUUID() + "\""),
						"timesheetId"),
				Arguments.of("actor set by the caller", entryWith("actor", "{\"clientId\":\"admin\"}"), "actor"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidEntries")
	void refusesBatchWithInvalidEntry(String name, String entry, String field) throws Exception {
		upload(MediaType.APPLICATION_JSON_VALUE, "[" + entry("ok-1", "\"hours\":8") + "," + entry + "]")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].index").value(1))
			.andExpect(jsonPath("$.errors[0].field").value(field));
		verify(this.publisher, never()).publish(any(), any());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidEntries")
	void refusesSingleInvalidEntry(String name, String entry, String field) throws Exception {
		this.mvc.perform(post("/timesheets").contentType(MediaType.APPLICATION_JSON).content(entry).with(uploader()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value(field));
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void listsEveryErrorOfABatch() throws Exception {
		String body = "[" + entryWith("hours", "0") + "," + entry("row-2", "\"hours\":25") + ","
				+ entry("row-3", "\"hours\":8") + "," + entry("row-3", "\"hours\":8") + "]";
		upload(MediaType.APPLICATION_JSON_VALUE, body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[0].index").value(0))
			.andExpect(jsonPath("$.errors[1].index").value(1))
			.andExpect(jsonPath("$.errors[2].index").value(3))
			.andExpect(jsonPath("$.errors[2].message").value(org.hamcrest.Matchers.containsString("duplicate")));
		verify(this.publisher, never()).publish(any(), any());
	}

	static final String CSV_HEADER = "external_id,employee_id,project_code,work_date,hours,note\n";

	/** Bodies that cannot be read in their format: 400 {@code malformed-body}. */
	static Stream<Arguments> malformedBodies() {
		return Stream.of(Arguments.of("malformed JSON", MediaType.APPLICATION_JSON_VALUE, "[{\"externalId\":"),
				Arguments.of("trailing garbage", MediaType.APPLICATION_JSON_VALUE, "[] []"),
				Arguments.of("empty body", MediaType.APPLICATION_JSON_VALUE, ""),
				Arguments.of("JSON with a duplicate key", MediaType.APPLICATION_JSON_VALUE,
						"[{\"externalId\":\"a\",\"externalId\":\"b\"}]"),
				Arguments.of("NDJSON with a broken line", "application/x-ndjson",
						entry("a", "\"hours\":1") + "\n{\"externalId\":\n"),
				Arguments.of("NDJSON with a broken line beside an invalid entry", "application/x-ndjson",
						entry("a", "\"hours\":99") + "\nnot json\n"),
				Arguments.of("CSV with a missing field", "text/csv", CSV_HEADER + "r1,E1,P,2026-11-02,8\n"),
				Arguments.of("CSV with an extra field", "text/csv", CSV_HEADER + "r1,E1,P,2026-11-02,8,n,extra\n"),
				Arguments.of("CSV with an unclosed quote", "text/csv", CSV_HEADER + "r1,E1,P,2026-11-02,8,\"open\n"),
				Arguments.of("CSV with a quote inside an unquoted field", "text/csv",
						CSV_HEADER + "r1,E1,P,2026-11-02,8,say \"hi\"\n"),
				Arguments.of("CSV with text after a closing quote", "text/csv",
						CSV_HEADER + "r1,E1,P,2026-11-02,8,\"hi\"there\n"),
				Arguments.of("CSV with a broken header", "text/csv", "external_id,\"employee_id\n"), Arguments
					.of("invalid UTF-8", "text/csv", "external_id,employee_id,project_code,work_date,hours\nr\u00ff"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBodies")
	void refusesMalformedUploadAsBadRequest(String name, String contentType, String body) throws Exception {
		byte[] bytes = name.equals("invalid UTF-8") ? body.getBytes(StandardCharsets.ISO_8859_1)
				: body.getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(post("/timesheet-batches").contentType(contentType).content(bytes).with(uploader()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://timesheets.exampleco.com/problems/malformed-body"))
			.andExpect(jsonPath("$.errors").isNotEmpty());
		verify(this.publisher, never()).publish(any(), any());
	}

	/**
	 * Well-formed bodies that break a rule of shape or content: 422
	 * {@code invalid-batch}.
	 */
	static Stream<Arguments> invalidBodies() {
		return Stream.of(
				Arguments.of("JSON object instead of array", MediaType.APPLICATION_JSON_VALUE,
						entry("a", "\"hours\":1")),
				Arguments.of("empty array", MediaType.APPLICATION_JSON_VALUE, "[]"),
				Arguments.of("array of strings", MediaType.APPLICATION_JSON_VALUE, "[\"a\"]"),
				Arguments.of("JSON with an unknown field", MediaType.APPLICATION_JSON_VALUE,
						"[" + entryWith("status", "\"APPROVED\"") + "]"),
				Arguments.of("NDJSON line that is an array", "application/x-ndjson", "[]\n"),
				Arguments.of("NDJSON with hours out of range", "application/x-ndjson", entry("a", "\"hours\":25")),
				Arguments.of("CSV without hours column", "text/csv",
						"external_id,employee_id,project_code,work_date,note\nr1,E1,P,2026-11-02,x\n"),
				Arguments.of("CSV with an unknown column", "text/csv",
						"external_id,employee_id,project_code,work_date,hours,status\nr1,E1,P,2026-11-02,8,APPROVED\n"),
				Arguments.of("CSV with a column twice", "text/csv",
						"external_id,employee_id,project_code,work_date,hours,hours\nr1,E1,P,2026-11-02,8,8\n"),
				Arguments.of("CSV header only", "text/csv", CSV_HEADER), Arguments.of("empty CSV", "text/csv", ""),
				Arguments.of("CSV with an invalid hours value", "text/csv", CSV_HEADER + "r1,E1,P,2026-11-02,8.1,\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidBodies")
	void refusesWellFormedInvalidUploadAsUnprocessable(String name, String contentType, String body) throws Exception {
		this.mvc
			.perform(post("/timesheet-batches").contentType(contentType)
				.content(body.getBytes(StandardCharsets.UTF_8))
				.with(uploader()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://timesheets.exampleco.com/problems/invalid-batch"))
			.andExpect(jsonPath("$.errors").isNotEmpty());
		verify(this.publisher, never()).publish(any(), any());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("singleEntryBodies")
	void answersSingleEntryBySyntaxThenContent(String name, String body, int expected, String type) throws Exception {
		this.mvc.perform(post("/timesheets").contentType(MediaType.APPLICATION_JSON).content(body).with(uploader()))
			.andExpect(status().is(expected))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://timesheets.exampleco.com/problems/" + type));
		verify(this.publisher, never()).publish(any(), any());
	}

	static Stream<Arguments> singleEntryBodies() {
		return Stream.of(Arguments.of("not JSON", "not json", 400, "malformed-body"),
				Arguments.of("truncated JSON", "{\"externalId\":", 400, "malformed-body"),
				Arguments.of("empty body", "", 400, "malformed-body"),
				Arguments.of("a string", "\"entry\"", 422, "invalid-batch"),
				Arguments.of("hours 25", entry("a", "\"hours\":25"), 422, "invalid-batch"),
				Arguments.of("unknown field", entryWith("status", "\"APPROVED\""), 422, "invalid-batch"));
	}

	@ParameterizedTest
	@MethodSource("unsupportedTypes")
	void refusesUnsupportedContentType(String contentType) throws Exception {
		MockHttpServletRequestBuilder request = post("/timesheet-batches").content("[]").with(uploader());
		if (contentType != null) {
			request.header(HttpHeaders.CONTENT_TYPE, contentType);
		}
		this.mvc.perform(request)
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verify(this.publisher, never()).publish(any(), any());
	}

	static Stream<String> unsupportedTypes() {
		return Stream.of("text/plain", "application/xml", "multipart/form-data", null);
	}

	@Test
	void refusesSingleEntryAsCsv() throws Exception {
		this.mvc.perform(post("/timesheets").contentType("text/csv").content("external_id\nx\n").with(uploader()))
			.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void refusesArrayOnSingleEntryRoute() throws Exception {
		this.mvc
			.perform(post("/timesheets").contentType(MediaType.APPLICATION_JSON)
				.content("[" + entry("a", "\"hours\":1") + "]")
				.with(uploader()))
			.andExpect(status().isUnprocessableContent());
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void refusesBatchWithMoreEntriesThanTheLimit() throws Exception {
		String body = IntStream.range(0, 51)
			.mapToObj((i) -> entry("row-" + i, "\"hours\":1"))
			.collect(Collectors.joining(",", "[", "]"));
		upload(MediaType.APPLICATION_JSON_VALUE, body).andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void refusesBodyLargerThanTheLimit() throws Exception {
		String body = "[" + entry("a", "\"hours\":1,\"note\":\"" + "n".repeat(70 * 1024) + "\"") + "]";
		upload(MediaType.APPLICATION_JSON_VALUE, body).andExpect(status().isContentTooLarge());
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void acceptsCsvWithQuotesCrlfBomAndBlankLines() throws Exception {
		String csv = "\uFEFFexternal_id,employee_id,project_code,work_date,hours,note\r\n"
				+ "r1,E1001,ALPHA,2026-11-02,7.5,\"Client call, then \"\"review\"\"\"\r\n" + "\r\n"
				+ "r2,E1001,BETA,2026-11-03,8,\"two\nlines\"\r\n" + "r3,E1002,ALPHA,2026-11-03,0.25,\r\n\r\n";
		upload("text/csv; charset=utf-8", csv).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.entries").value(3));
		List<TimesheetSubmitted> events = published();
		assertThat(events).extracting((event) -> event.entry().note())
			.containsExactly("Client call, then \"review\"", "two\nlines", null);
		assertThat(events).extracting((event) -> event.entry().hours().toPlainString())
			.containsExactly("7.5", "8", "0.25");
	}

	@Test
	void acceptsCsvWithColumnsInAnyOrderAndNoNoteColumn() throws Exception {
		String csv = "hours,work_date,project_code,employee_id,external_id\n8,2026-11-02,ALPHA,E1001,r1\n";
		upload("text/csv", csv).andExpect(status().isAccepted());
		assertThat(published()).singleElement().satisfies((event) -> {
			assertThat(event.entry().externalId()).isEqualTo("r1");
			assertThat(event.entry().projectCode()).isEqualTo("ALPHA");
		});
	}

	@Test
	void acceptsNdjsonWithBlankLinesAndCrlf() throws Exception {
		String body = entry("n1", "\"hours\":1") + "\r\n\r\n" + entry("n2", "\"hours\":\"2.5\"") + "\r\n";
		upload("application/x-ndjson", body).andExpect(status().isAccepted()).andExpect(jsonPath("$.entries").value(2));
		assertThat(published()).extracting((event) -> event.entry().externalId()).containsExactly("n1", "n2");
	}

	@Test
	void namesTimesheetsByClientAndExternalId() throws Exception {
		MvcResult result = upload(MediaType.APPLICATION_JSON_VALUE, "[" + entry("row-9", "\"hours\":1") + "]")
			.andExpect(status().isAccepted())
			.andReturn();
		UUID expected = TimesheetIds.timesheetId("timesheets-uploader", "row-9");
		assertThat(JsonPath.<String>read(result.getResponse().getContentAsString(), "$.timesheetIds[0]"))
			.isEqualTo(expected.toString());
		assertThat(published()).singleElement().satisfies((event) -> {
			assertThat(event.timesheetId()).isEqualTo(expected);
			assertThat(event.actor().clientId()).isEqualTo("timesheets-uploader");
			assertThat(event.actor().subject()).isEqualTo("timesheets-uploader");
			assertThat(event.actor().employeeId()).isNull();
		});
	}

	@Test
	void sameIdempotencyKeyGivesSameBatchAndEventIds() throws Exception {
		String body = "[" + entry("k1", "\"hours\":1") + "," + entry("k2", "\"hours\":2") + "]";
		String first = uploadWithKey(body, "nightly-2026-11-02-part-1");
		String second = uploadWithKey(body, "nightly-2026-11-02-part-1");
		String other = uploadWithKey(body, "nightly-2026-11-02-part-2");
		assertThat(JsonPath.<String>read(first, "$.batchId")).isEqualTo(JsonPath.read(second, "$.batchId"))
			.isNotEqualTo(JsonPath.read(other, "$.batchId"));
		ArgumentCaptor<List<TimesheetEvent>> captor = captor();
		verify(this.publisher, times(3)).publish(captor.capture(), any());
		List<List<TimesheetEvent>> calls = captor.getAllValues();
		assertThat(ids(calls.get(0))).isEqualTo(ids(calls.get(1))).doesNotContainAnyElementsOf(ids(calls.get(2)));
		assertThat(calls.get(0).get(0).batchId())
			.isEqualTo(TimesheetIds.batchId("timesheets-uploader", "nightly-2026-11-02-part-1"));
	}

	@Test
	void requestsWithoutKeyGetFreshIds() throws Exception {
		String body = "[" + entry("k1", "\"hours\":1") + "]";
		String first = upload(MediaType.APPLICATION_JSON_VALUE, body).andReturn().getResponse().getContentAsString();
		String second = upload(MediaType.APPLICATION_JSON_VALUE, body).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(first, "$.batchId")).isNotEqualTo(JsonPath.read(second, "$.batchId"));
		assertThat(JsonPath.<String>read(first, "$.timesheetIds[0]"))
			.isEqualTo(JsonPath.read(second, "$.timesheetIds[0]"));
	}

	@ParameterizedTest
	@MethodSource("malformedKeys")
	void refusesMalformedIdempotencyKey(String key) throws Exception {
		this.mvc
			.perform(post("/timesheet-batches").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", key)
				.content("[" + entry("a", "\"hours\":1") + "]")
				.with(uploader()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verify(this.publisher, never()).publish(any(), any());
	}

	static Stream<String> malformedKeys() {
		return Stream.of("has space", "quote\"inside", "k".repeat(256), "tab\there");
	}

	private org.springframework.test.web.servlet.ResultActions upload(String contentType, String body)
			throws Exception {
		return this.mvc.perform(post("/timesheet-batches").contentType(contentType)
			.content(body.getBytes(StandardCharsets.UTF_8))
			.with(uploader()));
	}

	private String uploadWithKey(String body, String key) throws Exception {
		return this.mvc
			.perform(post("/timesheet-batches").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", key)
				.content(body)
				.with(uploader()))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<TimesheetSubmitted> published() {
		ArgumentCaptor<List<TimesheetEvent>> captor = captor();
		verify(this.publisher).publish(captor.capture(), any());
		List<TimesheetSubmitted> events = new ArrayList<>();
		captor.getValue().forEach((event) -> events.add((TimesheetSubmitted) event));
		return events;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ArgumentCaptor<List<TimesheetEvent>> captor() {
		return (ArgumentCaptor) ArgumentCaptor.forClass(List.class);
	}

	private static List<UUID> ids(List<TimesheetEvent> events) {
		return events.stream().map(TimesheetEvent::eventId).toList();
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor uploader() {
		return RouteScopeTests.token("create:timesheets");
	}

}
