package com.exampleco.timesheets.query.client;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.exampleco.timesheets.query.QueryApplication;
import com.exampleco.timesheets.query.client.api.TimesheetControllerApi;
import com.exampleco.timesheets.query.client.model.Timesheet;
import com.exampleco.timesheets.query.client.model.TimesheetPage;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client generated from {@code query-api/openapi/query-api.json} against the real
 * query API: started in this JVM on a random port over an in-memory H2 database with the
 * processor's schema, real tokens from a real issuer, requests over HTTP.
 */
@SpringBootTest(classes = QueryApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=" + GeneratedClientIntegrationTests.H2_URL,
				"timesheets.query.cursor-key=client-test-cursor-key-of-at-least-32-characters" })
class GeneratedClientIntegrationTests {

	static final String H2_URL = "jdbc:h2:mem:query-client;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	static final String CLIENT = "contractor-app";

	static final String EMPLOYEE = "E4242";

	static final UUID BATCH = UUID.randomUUID();

	static final UUID FIRST = UUID.randomUUID();

	static final UUID SECOND = UUID.randomUUID();

	@RegisterExtension
	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) {
		registry.add("timesheets.security.issuer-uri", () -> issuer.issuer().toString());
	}

	@BeforeAll
	static void rows() {
		// one connection kept open: H2 evaluates CHECK constraints with the session that
		// created them
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(H2_URL, "sa", "", true);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		insert(jdbc, FIRST, LocalDate.of(2026, 3, 2), "7.5");
		insert(jdbc, SECOND, LocalDate.of(2026, 3, 3), "8");
	}

	@Test
	void listsTimesheetsWithTheGeneratedClient() throws Exception {
		TimesheetPage page = timesheets(readToken()).callList(EMPLOYEE, null, null, null, null, null, null);
		assertThat(page.getItems()).extracting(Timesheet::getTimesheetId).containsExactly(FIRST, SECOND);
		assertThat(page.getItems()).extracting(Timesheet::getHours)
			.containsExactly(new BigDecimal("7.5"), new BigDecimal("8"));
		assertThat(page.getNextCursor()).isNull();
	}

	@Test
	void readsOneTimesheetByIdWithTheGeneratedClient() throws Exception {
		Timesheet timesheet = timesheets(readToken()).one(SECOND);
		assertThat(timesheet.getEmployeeId()).isEqualTo(EMPLOYEE);
		assertThat(timesheet.getProjectCode()).isEqualTo("CLIENT");
		assertThat(timesheet.getWorkDate()).isEqualTo(LocalDate.of(2026, 3, 3));
		assertThat(timesheet.getStatus()).isEqualTo("SUBMITTED");
		assertThat(timesheet.getVersion()).isEqualTo(1L);
		assertThat(timesheet.getLastBatchId()).isEqualTo(BATCH);
		assertThat(timesheet.getSubmittedAt()).isNotNull();
	}

	@Test
	void answers401WithoutToken() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> timesheets(null).one(FIRST))
			.satisfies((failure) -> assertThat(failure.getCode()).isEqualTo(401))
			.satisfies((failure) -> assertThat(failure.getResponseHeaders().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer")));
	}

	@Test
	void answers403WithoutTheReadScope() {
		String token = issuer.token().auth0ClientCredentials(CLIENT).scopes("approve:timesheets").sign();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> timesheets(token).one(FIRST))
			.satisfies((failure) -> assertThat(failure.getCode()).isEqualTo(403));
	}

	private String readToken() {
		return issuer.token().auth0ClientCredentials(CLIENT).scopes("read:timesheets").sign();
	}

	private TimesheetControllerApi timesheets(String token) {
		return new TimesheetControllerApi(client(token));
	}

	private ApiClient client(String token) {
		ApiClient client = new ApiClient().setHost("localhost").setPort(this.port);
		if (token != null) {
			client.setRequestInterceptor((request) -> request.header("Authorization", "Bearer " + token));
		}
		return client;
	}

	private static void insert(JdbcTemplate jdbc, UUID id, LocalDate workDate, String hours) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("""
				INSERT INTO timesheets (timesheet_id, external_id, employee_id, project_code, work_date, hours, note,
				  status, version, last_event_id, last_batch_id, submitted_at, submitted_by, submitted_client,
				  updated_at)
				VALUES (?, ?, ?, 'CLIENT', ?, ?, 'from the client test', 'SUBMITTED', 1, ?, ?, ?, ?, ?, ?)""", id,
				"ext-" + id, EMPLOYEE, workDate, new BigDecimal(hours), UUID.randomUUID(), BATCH, now, CLIENT, CLIENT,
				now);
	}

}
