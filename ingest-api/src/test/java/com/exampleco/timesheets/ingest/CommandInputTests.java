package com.exampleco.timesheets.ingest;

import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetRejected;
import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Approvals, rejections and deletions: what they publish and what they refuse. */
@IngestWebTest
class CommandInputTests {

	static final UUID TIMESHEET = UUID.fromString("0b9a2f51-63a4-5e7e-8a43-3f0f3c2f6a10");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EventPublisher publisher;

	@Test
	void approvalPublishesApprovedEventWithApproverAsActor() throws Exception {
		approve("{\"decision\":\"APPROVED\",\"comment\":\"looks right\"}").andExpect(status().isAccepted())
			.andExpect(jsonPath("$.timesheetId").value(TIMESHEET.toString()));
		TimesheetApproved event = (TimesheetApproved) publishedEvent();
		assertThat(event.timesheetId()).isEqualTo(TIMESHEET);
		assertThat(event.comment()).isEqualTo("looks right");
		assertThat(event.actor().clientId()).isEqualTo("timesheets-approver");
		assertThat(event.actor().employeeId()).isEqualTo("E1002");
	}

	@Test
	void rejectionPublishesRejectedEventWithCommentAsReason() throws Exception {
		approve("{\"decision\":\"REJECTED\",\"comment\":\"wrong project\"}").andExpect(status().isAccepted());
		assertThat(publishedEvent()).isInstanceOfSatisfying(TimesheetRejected.class,
				(event) -> assertThat(event.reason()).isEqualTo("wrong project"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "{\"decision\":", "{\"decision\":\"APPROVED\"} {}", "" })
	void refusesMalformedApprovalAsBadRequest(String body) throws Exception {
		approve(body).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://timesheets.exampleco.com/problems/malformed-body"))
			.andExpect(jsonPath("$.errors[0].message").exists());
		verify(this.publisher, never()).publish(any(), any());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "{\"decision\":\"MAYBE\"}|decision|must be one of APPROVED, REJECTED",
			"{\"decision\":\"approved\"}|decision|must be one of APPROVED, REJECTED", "{}|decision|must not be null",
			"{\"comment\":\"no decision\"}|decision|must not be null",
			"{\"decision\":\"APPROVED\",\"status\":\"APPROVED\"}|status|unknown field",
			"{\"decision\":\"APPROVED\",\"actor\":{}}|actor|unknown field",
			"{\"decision\":\"APPROVED\",\"comment\":{}}|comment|has the wrong type", "[]||expected a JSON object" })
	void refusesWellFormedInvalidApprovalAsUnprocessable(String body, String field, String message) throws Exception {
		approve(body).andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://timesheets.exampleco.com/problems/invalid-approval"))
			.andExpect((field != null) ? jsonPath("$.errors[0].field").value(field)
					: jsonPath("$.errors[0].field").doesNotExist())
			.andExpect(jsonPath("$.errors[0].message").value(message))
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("MAYBE"))));
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void refusesTooLongComment() throws Exception {
		approve("{\"decision\":\"REJECTED\",\"comment\":\"" + "c".repeat(1001) + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		verify(this.publisher, never()).publish(any(), any());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "APPROVED|ok\\u0000", "REJECTED|\\u0000", "APPROVED|fine\\u001f",
			"REJECTED|del\\u007f", "APPROVED|half \\ud83d", "REJECTED|\\u0000  " })
	void refusesCommentThatBreaksTheTextRulesNamingTheField(String decision, String jsonComment) throws Exception {
		approve("{\"decision\":\"" + decision + "\",\"comment\":\"" + jsonComment + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://timesheets.exampleco.com/problems/invalid-approval"))
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void keepsTabsAndLineBreaksInComment() throws Exception {
		approve("{\"decision\":\"REJECTED\",\"comment\":\"line one\\n\\tline two\"}").andExpect(status().isAccepted());
		assertThat(publishedEvent()).isInstanceOfSatisfying(TimesheetRejected.class,
				(event) -> assertThat(event.reason()).isEqualTo("line one\n\tline two"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"3\"", "W/\"3\"", " \"3\" " })
	void approvalCarriesTheVersionOfIfMatch(String ifMatch) throws Exception {
		approve("{\"decision\":\"APPROVED\"}", ifMatch).andExpect(status().isAccepted());
		assertThat(publishedEvent()).isInstanceOfSatisfying(TimesheetApproved.class,
				(event) -> assertThat(event.expectedVersion()).isEqualTo(3L));
	}

	@Test
	void rejectionCarriesTheVersionOfTheBody() throws Exception {
		approve("{\"decision\":\"REJECTED\",\"expectedVersion\":7}").andExpect(status().isAccepted());
		assertThat(publishedEvent()).isInstanceOfSatisfying(TimesheetRejected.class,
				(event) -> assertThat(event.expectedVersion()).isEqualTo(7L));
	}

	@Test
	void decisionWithoutVersionNamesNone() throws Exception {
		approve("{\"decision\":\"APPROVED\"}").andExpect(status().isAccepted());
		assertThat(publishedEvent()).isInstanceOfSatisfying(TimesheetApproved.class,
				(event) -> assertThat(event.expectedVersion()).isNull());
	}

	@Test
	void acceptsIfMatchAndBodyNamingTheSameVersion() throws Exception {
		approve("{\"decision\":\"APPROVED\",\"expectedVersion\":4}", "\"4\"").andExpect(status().isAccepted());
		assertThat(publishedEvent()).isInstanceOfSatisfying(TimesheetApproved.class,
				(event) -> assertThat(event.expectedVersion()).isEqualTo(4L));
	}

	@Test
	void refusesIfMatchAndBodyNamingDifferentVersions() throws Exception {
		approve("{\"decision\":\"APPROVED\",\"expectedVersion\":4}", "\"5\"")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("expectedVersion"));
		verify(this.publisher, never()).publish(any(), any());
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-2" })
	void refusesBodyVersionBelowOne(String version) throws Exception {
		approve("{\"decision\":\"APPROVED\",\"expectedVersion\":" + version + "}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("expectedVersion"));
		verify(this.publisher, never()).publish(any(), any());
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.5", "\"three\"", "\"3\"", "true" })
	void refusesBodyVersionThatIsNoWholeNumber(String version) throws Exception {
		// well-formed JSON of the wrong type: invalid content (422), not malformed syntax
		approve("{\"decision\":\"APPROVED\",\"expectedVersion\":" + version + "}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://timesheets.exampleco.com/problems/invalid-approval"))
			.andExpect(jsonPath("$.errors[0].field").value("expectedVersion"));
		verify(this.publisher, never()).publish(any(), any());
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "3", "\"0\"", "\"03\"", "\"-1\"", "\"abc\"", "\"3\", \"4\"", "W/3", "\"\"",
			"\"99999999999999999999\"", "w/\"3\"" })
	void refusesIfMatchThatNamesNoSingleVersion(String ifMatch) throws Exception {
		approve("{\"decision\":\"APPROVED\"}", ifMatch).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://timesheets.exampleco.com/problems/malformed-if-match"));
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void refusesApprovalOfMalformedId() throws Exception {
		this.mvc
			.perform(post("/timesheets/not-a-uuid/approval").contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\":\"APPROVED\"}")
				.with(approver()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void refusesApprovalAsText() throws Exception {
		this.mvc
			.perform(post("/timesheets/" + TIMESHEET + "/approval").contentType(MediaType.TEXT_PLAIN)
				.content("APPROVED")
				.with(approver()))
			.andExpect(status().isUnsupportedMediaType());
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void deletionPublishesDeletedEvent() throws Exception {
		this.mvc.perform(delete("/timesheets/" + TIMESHEET).with(admin("delete:timesheets")))
			.andExpect(status().isAccepted());
		assertThat(publishedEvent()).isInstanceOfSatisfying(TimesheetDeleted.class,
				(event) -> assertThat(event.timesheetId()).isEqualTo(TIMESHEET));
	}

	@Test
	void retriedDeletionWithSameKeyHasSameEventId() throws Exception {
		String first = this.mvc
			.perform(delete("/timesheets/" + TIMESHEET).header("Idempotency-Key", "del-1")
				.with(admin("delete:timesheets")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String second = this.mvc
			.perform(delete("/timesheets/" + TIMESHEET).header("Idempotency-Key", "del-1")
				.with(admin("delete:timesheets")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains("\"eventId\"").isEqualTo(second);
	}

	private org.springframework.test.web.servlet.ResultActions approve(String body) throws Exception {
		return approve(body, null);
	}

	private org.springframework.test.web.servlet.ResultActions approve(String body, String ifMatch) throws Exception {
		MockHttpServletRequestBuilder request = post("/timesheets/" + TIMESHEET + "/approval")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(approver());
		if (ifMatch != null) {
			request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return this.mvc.perform(request);
	}

	private TimesheetEvent publishedEvent() {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		ArgumentCaptor<List<TimesheetEvent>> captor = (ArgumentCaptor) ArgumentCaptor.forClass(List.class);
		verify(this.publisher).publish(captor.capture(), any());
		assertThat(captor.getValue()).hasSize(1);
		return captor.getValue().get(0);
	}

	static RequestPostProcessor approver() {
		return jwt()
			.jwt((jwt) -> jwt.subject("timesheets-approver")
				.claim("azp", "timesheets-approver")
				.claim("https://timesheets.exampleco.com/employee_id", "E1002"))
			.authorities(new SimpleGrantedAuthority("SCOPE_approve:timesheets"));
	}

	static RequestPostProcessor admin(String scope) {
		return jwt().jwt((jwt) -> jwt.subject("timesheets-admin").claim("azp", "timesheets-admin"))
			.authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
	}

}
