package com.exampleco.timesheets.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * BOLA: a token with the employee claim sees only that employee's data on every route;
 * what belongs to others answers exactly like what does not exist. Tokens without the
 * claim (machine clients) with {@code read:timesheets} see everything. A batch is
 * readable by the client that sent all of its events, approvals and deletions included
 * (and then by its employee-bound tokens only when it concerns that employee alone),
 * otherwise only by such unrestricted readers. Rows recorded before the processor kept
 * each event's client follow the old rule: submissions belong to the timesheet's
 * submitting client, anything else to nobody.
 */
@QueryWebTest
class ObjectLevelAuthorizationTests {

	static final String READ = "read:timesheets";

	static final UUID ALICE_BATCH = UUID.randomUUID();

	static final UUID MIXED_BATCH = UUID.randomUUID();

	static final UUID BOB_BATCH = UUID.randomUUID();

	static final UUID DECISION_BATCH = UUID.randomUUID();

	static final UUID TWO_CLIENTS_BATCH = UUID.randomUUID();

	static final UUID LEGACY_SUBMISSION_BATCH = UUID.randomUUID();

	static final UUID LEGACY_DECISION_BATCH = UUID.randomUUID();

	static final String APPROVER = "contractor-app";

	static UUID alices;

	static UUID bobs;

	@Autowired
	MockMvc mvc;

	@BeforeAll
	static void rows() {
		TestRows rows = TestRows.h2();
		LocalDate day = LocalDate.of(2026, 4, 6);
		alices = rows.timesheet(UUID.randomUUID(), ALICE_BATCH, "BOLA-ALICE", "BOLA", day, "8", "SUBMITTED");
		UUID alicesSecond = rows.timesheet(UUID.randomUUID(), MIXED_BATCH, "BOLA-ALICE", "BOLA", day.plusDays(1), "4",
				"APPROVED");
		bobs = rows.timesheet(UUID.randomUUID(), BOB_BATCH, "BOLA-BOB", "BOLA", day, "6", "SUBMITTED");
		UUID bobsSecond = rows.timesheet(UUID.randomUUID(), MIXED_BATCH, "BOLA-BOB", "BOLA", day.plusDays(1), "2",
				"SUBMITTED");
		rows.outcome(ALICE_BATCH, alices, "APPLIED", null);
		rows.outcome(BOB_BATCH, bobs, "APPLIED", null);
		rows.outcome(MIXED_BATCH, alicesSecond, "APPLIED", null);
		rows.outcome(MIXED_BATCH, bobsSecond, "APPLIED", null);
		// an approval of a timesheet the uploader submitted: the approver's batch
		rows.outcome(DECISION_BATCH, alicesSecond, "APPROVED", "APPLIED", null, APPROVER);
		rows.outcome(TWO_CLIENTS_BATCH, bobs, "SUBMITTED", "UNCHANGED", null, TestRows.UPLOADER);
		rows.outcome(TWO_CLIENTS_BATCH, bobs, "APPROVED", "APPLIED", null, APPROVER);
		// recorded before the processor kept each event's client
		rows.outcome(LEGACY_SUBMISSION_BATCH, alices, "SUBMITTED", "UNCHANGED", null, null);
		rows.outcome(LEGACY_DECISION_BATCH, alicesSecond, "APPROVED", "APPLIED", null, null);
	}

	@Test
	void employeeReadsOwnTimesheet() throws Exception {
		this.mvc.perform(get("/timesheets/" + alices).with(Tokens.employee("BOLA-ALICE", READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.employeeId").value("BOLA-ALICE"));
	}

	@Test
	void employeeReadingAnothersTimesheetGetsTheAnswerOfAnUnknownId() throws Exception {
		MvcResult others = this.mvc.perform(get("/timesheets/" + bobs).with(Tokens.employee("BOLA-ALICE", READ)))
			.andExpect(status().isNotFound())
			.andReturn();
		UUID unknown = UUID.randomUUID();
		MvcResult missing = this.mvc.perform(get("/timesheets/" + unknown).with(Tokens.employee("BOLA-ALICE", READ)))
			.andExpect(status().isNotFound())
			.andReturn();
		assertThat(others.getResponse().getContentAsString().replace(bobs.toString(), "ID"))
			.isEqualTo(missing.getResponse().getContentAsString().replace(unknown.toString(), "ID"));
		assertThat(others.getResponse().getContentAsString()).doesNotContain("BOLA-BOB");
	}

	@Test
	void employeeListingSeesOnlyOwnTimesheets() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/timesheets").param("projectCode", "BOLA").with(Tokens.employee("BOLA-ALICE", READ)))
			.andExpect(status().isOk())
			.andReturn();
		List<String> employees = JsonPath.read(result.getResponse().getContentAsString(), "$.items[*].employeeId");
		assertThat(employees).containsExactly("BOLA-ALICE", "BOLA-ALICE");
	}

	@Test
	void employeeFilteringForAnotherEmployeeGetsAnEmptyList() throws Exception {
		this.mvc.perform(get("/timesheets").param("employeeId", "BOLA-BOB").with(Tokens.employee("BOLA-ALICE", READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty())
			.andExpect(jsonPath("$.nextCursor").doesNotExist());
	}

	@Test
	void employeeFilteringForThemselvesGetsOwnTimesheets() throws Exception {
		this.mvc.perform(get("/timesheets").param("employeeId", "BOLA-ALICE").with(Tokens.employee("BOLA-ALICE", READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2));
	}

	@Test
	void employeeIdFiltersAreCaseInsensitive() throws Exception {
		this.mvc.perform(get("/timesheets").param("employeeId", "bola-alice").with(Tokens.employee("BOLA-ALICE", READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2));
		this.mvc.perform(get("/timesheets").param("employeeId", "bola-alice").with(Tokens.machine(READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2));
		this.mvc.perform(get("/employees/bola-alice/summary").with(Tokens.employee("BOLA-ALICE", READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.employeeId").value("BOLA-ALICE"))
			.andExpect(jsonPath("$.totalHours").value(12));
	}

	@Test
	void employeeSummaryOfAnotherEmployeeIsNotFound() throws Exception {
		this.mvc.perform(get("/employees/BOLA-BOB/summary").with(Tokens.employee("BOLA-ALICE", READ)))
			.andExpect(status().isNotFound());
	}

	@Test
	void employeeSummaryOfThemselves() throws Exception {
		this.mvc.perform(get("/employees/BOLA-ALICE/summary").with(Tokens.employee("BOLA-ALICE", READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalHours").value(12));
	}

	@Test
	void employeeOfTheSendingClientSeesBatchThatConcernsOnlyOwnTimesheets() throws Exception {
		this.mvc.perform(get("/batches/" + ALICE_BATCH).with(Tokens.employeeOf(TestRows.UPLOADER, "BOLA-ALICE", READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcomes.APPLIED").value(1));
	}

	@Test
	void employeeOfAnotherClientGetsNotFoundEvenForOwnTimesheetsBatch() throws Exception {
		this.mvc.perform(get("/batches/" + ALICE_BATCH).with(Tokens.employee("BOLA-ALICE", READ)))
			.andExpect(status().isNotFound());
	}

	@Test
	void employeeGetsNotFoundForBatchOfAnotherEmployee() throws Exception {
		this.mvc.perform(get("/batches/" + BOB_BATCH).with(Tokens.employeeOf(TestRows.UPLOADER, "BOLA-ALICE", READ)))
			.andExpect(status().isNotFound());
	}

	@Test
	void employeeGetsNotFoundForBatchThatAlsoConcernsOthers() throws Exception {
		this.mvc
			.perform(get("/batches/" + MIXED_BATCH)
				.with(Tokens.employeeOf(TestRows.UPLOADER, "BOLA-ALICE", "create:timesheets")))
			.andExpect(status().isNotFound());
	}

	@Test
	void clientReadsItsOwnBatchWithItsCreateScope() throws Exception {
		this.mvc.perform(get("/batches/" + MIXED_BATCH).with(Tokens.client(TestRows.UPLOADER, "create:timesheets")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.eventsSeen").value(2));
	}

	@Test
	void anotherClientGetsNotFoundForABatchItDidNotSend() throws Exception {
		MvcResult foreign = this.mvc
			.perform(get("/batches/" + MIXED_BATCH).with(Tokens.client("other-uploader", "create:timesheets")))
			.andExpect(status().isNotFound())
			.andReturn();
		UUID unknown = UUID.randomUUID();
		MvcResult missing = this.mvc
			.perform(get("/batches/" + unknown).with(Tokens.client("other-uploader", "create:timesheets")))
			.andExpect(status().isNotFound())
			.andReturn();
		assertThat(foreign.getResponse().getContentAsString().replace(MIXED_BATCH.toString(), "ID"))
			.isEqualTo(missing.getResponse().getContentAsString().replace(unknown.toString(), "ID"));
	}

	@Test
	void approvalBatchIsReadableByTheApproverClientThatSentIt() throws Exception {
		this.mvc.perform(get("/batches/" + DECISION_BATCH).with(Tokens.client(APPROVER, "create:timesheets")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcomes.APPLIED").value(1));
		this.mvc.perform(get("/batches/" + DECISION_BATCH).with(Tokens.machine(READ))).andExpect(status().isOk());
	}

	@Test
	void approvalBatchIsNotFoundForOtherClients() throws Exception {
		// the client that submitted the approved timesheet did not send the approval
		this.mvc.perform(get("/batches/" + DECISION_BATCH).with(Tokens.client(TestRows.UPLOADER, "create:timesheets")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/batches/" + DECISION_BATCH).with(Tokens.client("other-uploader", "create:timesheets")))
			.andExpect(status().isNotFound());
		// the approver's own employee-bound token: the batch concerns another employee
		this.mvc
			.perform(get("/batches/" + DECISION_BATCH)
				.with(Tokens.employeeOf(APPROVER, "BOLA-BOSS", "create:timesheets")))
			.andExpect(status().isNotFound());
	}

	@Test
	void batchWithEventsOfTwoClientsBelongsToNeither() throws Exception {
		this.mvc
			.perform(get("/batches/" + TWO_CLIENTS_BATCH).with(Tokens.client(TestRows.UPLOADER, "create:timesheets")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/batches/" + TWO_CLIENTS_BATCH).with(Tokens.client(APPROVER, "create:timesheets")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/batches/" + TWO_CLIENTS_BATCH).with(Tokens.machine(READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.eventsSeen").value(2));
	}

	@Test
	void legacySubmissionWithoutClientBelongsToTheTimesheetsSubmittingClient() throws Exception {
		this.mvc
			.perform(get("/batches/" + LEGACY_SUBMISSION_BATCH)
				.with(Tokens.client(TestRows.UPLOADER, "create:timesheets")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcomes.UNCHANGED").value(1));
		this.mvc
			.perform(get("/batches/" + LEGACY_SUBMISSION_BATCH)
				.with(Tokens.client("other-uploader", "create:timesheets")))
			.andExpect(status().isNotFound());
	}

	@Test
	void legacyApprovalWithoutClientBelongsToNoClient() throws Exception {
		this.mvc
			.perform(get("/batches/" + LEGACY_DECISION_BATCH)
				.with(Tokens.client(TestRows.UPLOADER, "create:timesheets")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/batches/" + LEGACY_DECISION_BATCH).with(Tokens.client(APPROVER, "create:timesheets")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/batches/" + LEGACY_DECISION_BATCH).with(Tokens.machine(READ)))
			.andExpect(status().isOk());
	}

	@Test
	void blankEmployeeClaimIsRefusedEvenWhenNoDecoderSawIt() throws Exception {
		// jwt() skips the decoder's identity check: the
		// Caller resolver still fails closed
		this.mvc.perform(get("/timesheets").param("employeeId", "BOLA-BOB").with(Tokens.employee(" ", READ)))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\", "
					+ "error_description=\"The access token's employee claim is not a valid employee id\""));
	}

	@Test
	void wrongCaseEmployeeClaimIsTheSameEmployee() throws Exception {
		this.mvc.perform(get("/timesheets/" + alices).with(Tokens.employee("bola-alice", READ)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/timesheets/" + bobs).with(Tokens.employee("bola-alice", READ)))
			.andExpect(status().isNotFound());
	}

	@Test
	void machineClientSeesEverything() throws Exception {
		this.mvc.perform(get("/timesheets/" + bobs).with(Tokens.machine(READ))).andExpect(status().isOk());
		this.mvc.perform(get("/timesheets").param("projectCode", "BOLA").with(Tokens.machine(READ)))
			.andExpect(jsonPath("$.items.length()").value(4));
		this.mvc.perform(get("/employees/BOLA-BOB/summary").with(Tokens.machine(READ)))
			.andExpect(jsonPath("$.totalHours").value(8));
		this.mvc.perform(get("/batches/" + MIXED_BATCH).with(Tokens.machine(READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.eventsSeen").value(2));
	}

}
