package com.exampleco.timesheets.ingest;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetRejected;
import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The people rules of the ingest API: a token bound to an employee creates entries for
 * that employee only (a manager's team changes nothing), a machine client for anyone; a
 * manager's decision carries the team in its actor for the processor.
 */
@IngestWebTest
class PeopleRulesTests {

	static final String EMPLOYEE_CLAIM = "https://timesheets.exampleco.com/employee_id";

	static final String TEAM_CLAIM = "https://timesheets.exampleco.com/team";

	static final UUID TIMESHEET = UUID.fromString("0b9a2f51-63a4-5e7e-8a43-3f0f3c2f6a10");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EventPublisher publisher;

	@Test
	void employeeCreatesOwnEntryInAnyCase() throws Exception {
		uploadOne(emma(), entry("r1", "e1001")).andExpect(status().isAccepted());

		assertThat(published()).singleElement().satisfies((event) -> {
			assertThat(event.actor().employeeId()).isEqualTo("E1001");
			assertThat(event.actor().hasTeam()).isFalse();
		});
	}

	@Test
	void employeeMayNotCreateAnEntryForSomeoneElse() throws Exception {
		uploadOne(emma(), entry("r1", "E1003")).andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://timesheets.exampleco.com/problems/invalid-batch"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].index").value(0))
			.andExpect(jsonPath("$.errors[0].field").value("employeeId"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("your token may create entries for its own employee id (E1001) only"));
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void batchNamingSomeoneElseIsRefusedWholeNamingEachEntry() throws Exception {
		String body = "[" + entry("r1", "E1001") + "," + entry("r2", "E1003") + "," + entry("r3", "E1004") + "]";

		upload(emma(), MediaType.APPLICATION_JSON_VALUE, body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].index").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("employeeId"))
			.andExpect(jsonPath("$.errors[1].index").value(2))
			.andExpect(jsonPath("$.errors[1].field").value("employeeId"));
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void csvLineNamingSomeoneElseIsNamedByIndexAndLine() throws Exception {
		String csv = "external_id,employee_id,project_code,work_date,hours\nr1,E1001,ALPHA,2026-11-02,8\n"
				+ "r2,E1003,ALPHA,2026-11-02,8\n";

		upload(emma(), "text/csv", csv).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].index").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("employeeId"));
	}

	@Test
	void foreignEmployeeIsListedBesideTheOtherProblemsInEntryOrder() throws Exception {
		String badHours = "{\"externalId\":\"r1\",\"employeeId\":\"E1001\",\"projectCode\":\"ALPHA\","
				+ "\"workDate\":\"2026-11-02\",\"hours\":0}";
		String body = "[" + entry("r0", "E1003") + "," + badHours + "]";

		upload(emma(), MediaType.APPLICATION_JSON_VALUE, body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].index").value(0))
			.andExpect(jsonPath("$.errors[0].field").value("employeeId"))
			.andExpect(jsonPath("$.errors[1].index").value(1))
			.andExpect(jsonPath("$.errors[1].field").value("hours"));
	}

	@Test
	void managerMayNotCreateEntriesForTheTeam() throws Exception {
		uploadOne(maria("create:timesheets"), entry("r1", "E1001")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("employeeId"));
		uploadOne(maria("create:timesheets"), entry("r2", "E1002")).andExpect(status().isAccepted());
	}

	@Test
	void machineClientCreatesEntriesForAnyEmployee() throws Exception {
		String body = "[" + entry("r1", "E1001") + "," + entry("r2", "E1003") + "]";

		upload(RouteScopeTests.token("create:timesheets"), MediaType.APPLICATION_JSON_VALUE, body)
			.andExpect(status().isAccepted());
	}

	@Test
	void managersApprovalCarriesTheTeamForTheProcessor() throws Exception {
		decide(maria("approve:timesheets"), "APPROVED").andExpect(status().isAccepted());

		TimesheetEvent event = publishedEvent();
		assertThat(event).isInstanceOf(TimesheetApproved.class);
		assertThat(event.actor().employeeId()).isEqualTo("E1002");
		assertThat(event.actor().team()).containsExactly("E1001", "E1003");
	}

	@Test
	void managersRejectionCarriesTheTeamForTheProcessor() throws Exception {
		decide(maria("approve:timesheets"), "REJECTED").andExpect(status().isAccepted());

		TimesheetEvent event = publishedEvent();
		assertThat(event).isInstanceOf(TimesheetRejected.class);
		assertThat(event.actor().team()).containsExactly("E1001", "E1003");
	}

	@Test
	void machineApproversDecisionCarriesNoTeam() throws Exception {
		decide(RouteScopeTests.token("approve:timesheets"), "APPROVED").andExpect(status().isAccepted());

		assertThat(publishedEvent().actor().hasTeam()).isFalse();
		assertThat(publishedEvent().actor().employeeId()).isNull();
	}

	@Test
	void teamClaimThatIsNoListIsRefusedBeforeAnythingIsPublished() throws Exception {
		RequestPostProcessor bad = person("maria", "E1002", "E1001", "approve:timesheets");

		decide(bad, "APPROVED").andExpect(status().isUnauthorized());
		verify(this.publisher, never()).publish(any(), any());
	}

	private static String entry(String externalId, String employeeId) {
		return "{\"externalId\":\"" + externalId + "\",\"employeeId\":\"" + employeeId
				+ "\",\"projectCode\":\"ALPHA\",\"workDate\":\"2026-11-02\",\"hours\":8}";
	}

	private ResultActions uploadOne(RequestPostProcessor token, String entry) throws Exception {
		return this.mvc.perform(post("/timesheets").contentType(MediaType.APPLICATION_JSON).content(entry).with(token));
	}

	private ResultActions upload(RequestPostProcessor token, String contentType, String body) throws Exception {
		return this.mvc.perform(post("/timesheet-batches").contentType(contentType).content(body).with(token));
	}

	private ResultActions decide(RequestPostProcessor token, String decision) throws Exception {
		return this.mvc.perform(post("/timesheets/" + TIMESHEET + "/approval").contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"" + decision + "\",\"comment\":\"ok\"}")
			.with(token));
	}

	/** Emma (E1001) signed in to the web app, no team. */
	private static RequestPostProcessor emma() {
		return person("emma", "E1001", null, "create:timesheets");
	}

	/** Maria (E1002) signed in to the web app, manager of E1001 and E1003. */
	private static RequestPostProcessor maria(String scope) {
		return person("maria", "E1002", List.of("E1003", "E1001"), scope);
	}

	private static RequestPostProcessor person(String login, String employeeId, Object team, String... scopes) {
		Set<GrantedAuthority> authorities = Stream.of(scopes)
			.map((scope) -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + scope))
			.collect(Collectors.toSet());
		return jwt().jwt((jwt) -> {
			jwt.subject(login).claim("azp", "timesheets-web").claim(EMPLOYEE_CLAIM, employeeId);
			if (team != null) {
				jwt.claim(TEAM_CLAIM, team);
			}
		}).authorities(authorities);
	}

	private List<com.exampleco.timesheets.events.TimesheetSubmitted> published() {
		return publishedEvents().stream().map(com.exampleco.timesheets.events.TimesheetSubmitted.class::cast).toList();
	}

	private TimesheetEvent publishedEvent() {
		List<TimesheetEvent> events = publishedEvents();
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private List<TimesheetEvent> publishedEvents() {
		ArgumentCaptor<List<TimesheetEvent>> captor = (ArgumentCaptor) ArgumentCaptor.forClass(List.class);
		verify(this.publisher, org.mockito.Mockito.atLeastOnce()).publish(captor.capture(), any());
		return captor.getValue();
	}

}
