package com.exampleco.timesheets.ingest;

import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import com.exampleco.timesheets.testsupport.resourceserver.ApiRoute;
import com.exampleco.timesheets.testsupport.resourceserver.BearerTokenContract;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The resource-server token contract on the ingest API's real token path (a refused
 * request publishes nothing), and what only this API does with a real token: the caller
 * recorded as each event's actor.
 */
@SpringBootTest(
		properties = { "spring.kafka.admin.auto-create=false", "timesheets.ingest.idempotency.load-timeout=0s" })
@AutoConfigureMockMvc
class BearerTokenTests extends BearerTokenContract {

	@MockitoBean
	EventPublisher publisher;

	@Override
	protected List<ApiRoute> routes() {
		return RouteScopeTests.ingestRoutes();
	}

	@Override
	protected void assertNoEffect(MvcResult result) {
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void recordsTheEmployeeClaimInCanonicalFormAsTheActor() throws Exception {
		String token = issuer.token().scopes("create:timesheets").employee("e1001").sign();
		assertThat(perform(upload(), token).getResponse().getStatus()).isEqualTo(202);
		assertThat(published()).singleElement()
			.satisfies((event) -> assertThat(event.actor().employeeId()).isEqualTo("E1001"));
	}

	@Test
	void acceptsAuth0ClientCredentialsTokenWithExactlyItsScope() throws Exception {
		String token = issuer.token()
			.auth0ClientCredentials("Uq7mYc0uploader")
			.scopes("create:timesheets")
			.permissions("create:timesheets", "approve:timesheets", "delete:timesheets")
			.sign();
		assertThat(perform(upload(), token).getResponse().getStatus()).isEqualTo(202);
		assertThat(published()).singleElement().satisfies((event) -> {
			assertThat(event.actor().clientId()).isEqualTo("Uq7mYc0uploader");
			assertThat(event.actor().subject()).isEqualTo("Uq7mYc0uploader@clients");
			assertThat(event.actor().employeeId()).isNull();
		});
		assertForbidden(token);
	}

	@Test
	void acceptsAuth0UserTokenWithItsScopeNotItsWiderPermissions() throws Exception {
		String token = issuer.token()
			.auth0User("auth0|65f0c0ffee", "timesheets-portal")
			.scopes("openid profile create:timesheets")
			.permissions("create:timesheets", "approve:timesheets", "delete:timesheets")
			.employee("E1001")
			.sign();
		assertThat(perform(upload(), token).getResponse().getStatus()).isEqualTo(202);
		assertThat(published()).singleElement()
			.satisfies((event) -> assertThat(event.actor().employeeId()).isEqualTo("E1001"));
		assertForbidden(token);
	}

	/**
	 * Approval and deletion are beyond the token's scope whatever its permissions say.
	 */
	private void assertForbidden(String token) throws Exception {
		UUID timesheet = UUID.randomUUID();
		MvcResult approval = this.mvc
			.perform(post("/timesheets/" + timesheet + "/approval").contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\":\"APPROVED\"}")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn();
		assertThat(approval.getResponse().getStatus()).isEqualTo(403);
		assertThat(approval.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
			.isEqualTo("Bearer error=\"insufficient_scope\", scope=\"approve:timesheets\"");
		MvcResult deletion = this.mvc
			.perform(delete("/timesheets/" + timesheet).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn();
		assertThat(deletion.getResponse().getStatus()).isEqualTo(403);
	}

	private List<TimesheetSubmitted> published() {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		ArgumentCaptor<List<TimesheetEvent>> captor = (ArgumentCaptor) ArgumentCaptor.forClass(List.class);
		verify(this.publisher).publish(captor.capture(), any());
		return captor.getValue().stream().map(TimesheetSubmitted.class::cast).toList();
	}

	private ApiRoute upload() {
		return routes().get(0);
	}

}
