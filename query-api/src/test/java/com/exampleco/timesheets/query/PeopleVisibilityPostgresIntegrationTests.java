package com.exampleco.timesheets.query;

import com.exampleco.timesheets.testsupport.postgres.PostgresExtension;
import com.exampleco.timesheets.testsupport.postgres.PostgresForTests;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The people rules of every route on real PostgreSQL (test-support: a throwaway local
 * cluster), over the processor's schema: the {@code IN} lists of own and team run in
 * PostgreSQL's SQL as they do in H2's (see {@link PeopleVisibilityScenarios}).
 */
@SpringBootTest(properties = { "timesheets.security.issuer-uri=http://127.0.0.1:9/not-used-with-jwt-post-processor",
		"timesheets.query.cursor-key=" + QueryWebTest.CURSOR_KEY, "timesheets.query.max-rejections-listed=3" })
@AutoConfigureMockMvc
class PeopleVisibilityPostgresIntegrationTests extends PeopleVisibilityScenarios {

	@RegisterExtension
	static final PostgresExtension database = new PostgresExtension();

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresForTests postgres = database.server();
		String url = postgres.createDatabase("people_rules");
		insertRows(TestRows.of(new DriverManagerDataSource(url, postgres.username(), postgres.password())));
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", postgres::username);
		registry.add("spring.datasource.password", postgres::password);
	}

	@Override
	MockMvc mvc() {
		return this.mvc;
	}

}
