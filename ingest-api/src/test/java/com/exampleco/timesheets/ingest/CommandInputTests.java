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
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
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
	@ValueSource(strings = { "{\"decision\":\"MAYBE\"}", "{}", "{\"comment\":\"no decision\"}",
			"{\"decision\":\"APPROVED\",\"status\":\"APPROVED\"}", "{\"decision\":\"APPROVED\",\"actor\":{}}",
			"not json", "[]" })
	void refusesMalformedApproval(String body) throws Exception {
		approve(body).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void refusesTooLongComment() throws Exception {
		approve("{\"decision\":\"REJECTED\",\"comment\":\"" + "c".repeat(1001) + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
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
		return this.mvc.perform(post("/timesheets/" + TIMESHEET + "/approval").contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(approver()));
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
