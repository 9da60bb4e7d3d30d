package com.exampleco.timesheets.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.testsupport.resourceserver.ApiRoute;
import com.exampleco.timesheets.testsupport.resourceserver.BearerTokenContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The resource-server token contract on the query API's real token path, and what only
 * this API does with a real token: the employee claim restricts what is seen, a batch is
 * readable by the client that sent it.
 */
@SpringBootTest(properties = { "spring.datasource.url=" + TestRows.H2_URL, "spring.datasource.username=sa",
		"spring.datasource.password=" })
@AutoConfigureMockMvc
class BearerTokenTests extends BearerTokenContract {

	static UUID alices;

	static final UUID aliceBatch = UUID.randomUUID();

	@BeforeAll
	static void rows() {
		TestRows rows = TestRows.h2();
		alices = rows.timesheet(UUID.randomUUID(), aliceBatch, "TOKEN-ALICE", "TOKEN", LocalDate.of(2026, 8, 3), "3",
				"SUBMITTED");
		rows.outcome(aliceBatch, alices, "APPLIED", null);
	}

	@Override
	protected List<ApiRoute> routes() {
		return RouteScopeTests.queryRoutes(alices, aliceBatch, "TOKEN-ALICE");
	}

	@Override
	protected void assertNoEffect(MvcResult result) throws Exception {
		// the problem's instance may name the employee of the path, never a row
		assertThat(result.getResponse().getContentAsString()).doesNotContain("TOKEN-ALICE\"")
			.doesNotContain("projectCode");
	}

	@Test
	void readsEmployeeClaimInAnyCaseAsTheSameEmployee() throws Exception {
		String alice = issuer.token().scopes("read:timesheets").employee("token-alice").sign();
		String bob = issuer.token().scopes("read:timesheets").employee("Token-Bob").sign();
		assertThat(status(alice, "/timesheets/" + alices)).isEqualTo(200);
		assertThat(status(alice, "/employees/TOKEN-ALICE/summary")).isEqualTo(200);
		assertThat(status(bob, "/timesheets/" + alices)).isEqualTo(404);
	}

	@Test
	void answersAuth0ClientCredentialsTokenWithExactlyItsScope() throws Exception {
		String contractor = issuer.token()
			.auth0ClientCredentials("contractor-m2m")
			.scopes("read:timesheets")
			.permissions("read:timesheets", "create:timesheets")
			.sign();
		assertThat(status(contractor, "/timesheets/" + alices)).isEqualTo(200);
		assertThat(status(contractor, "/batches/" + aliceBatch)).as("unrestricted reader").isEqualTo(200);
		String uploader = issuer.token().auth0ClientCredentials("uploader-m2m").scopes("create:timesheets").sign();
		assertThat(status(uploader, "/timesheets/" + alices)).isEqualTo(403);
		assertThat(status(uploader, "/batches/" + aliceBatch)).as("another client's batch").isEqualTo(404);
	}

	@Test
	void answersAuth0UserTokenWithItsScopeNotItsPermissions() throws Exception {
		String withScope = issuer.token()
			.auth0User("auth0|alice", "contractor-portal")
			.scopes("openid profile read:timesheets")
			.permissions("read:timesheets", "approve:timesheets")
			.employee("TOKEN-ALICE")
			.sign();
		assertThat(status(withScope, "/timesheets/" + alices)).isEqualTo(200);
		assertThat(status(withScope, "/batches/" + aliceBatch)).as("not its client's batch").isEqualTo(404);
		String withoutApiScope = issuer.token()
			.auth0User("auth0|alice", "contractor-portal")
			.scopes("openid profile")
			.permissions("read:timesheets")
			.employee("TOKEN-ALICE")
			.sign();
		assertThat(status(withoutApiScope, "/timesheets/" + alices)).as("permissions do not count beside scope")
			.isEqualTo(403);
	}

	@Test
	void restrictsRealTokenWithEmployeeClaim() throws Exception {
		String alice = issuer.token().scopes("read:timesheets").claim(Tokens.EMPLOYEE_CLAIM, "TOKEN-ALICE").sign();
		String bob = issuer.token().scopes("read:timesheets").claim(Tokens.EMPLOYEE_CLAIM, "TOKEN-BOB").sign();
		assertThat(status(alice, "/timesheets/" + alices)).isEqualTo(200);
		assertThat(status(bob, "/timesheets/" + alices)).isEqualTo(404);
		assertThat(status(bob, "/employees/TOKEN-ALICE/summary")).isEqualTo(404);
	}

	private int status(String token, String uri) throws Exception {
		return this.mvc.perform(get(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus();
	}

}
