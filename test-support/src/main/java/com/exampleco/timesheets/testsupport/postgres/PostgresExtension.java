package com.exampleco.timesheets.testsupport.postgres;

import com.exampleco.timesheets.testsupport.SharedFixtureExtension;

/**
 * One PostgreSQL for every test class of a test run ({@link PostgresForTests#launch()}),
 * closed when the run ends (see {@link SharedFixtureExtension}).
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final PostgresExtension database = new PostgresExtension();
 *
 * &#64;DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     String url = database.server().createDatabase("my_tests");
 *     registry.add("spring.datasource.url", () -&gt; url);
 * }
 * </pre>
 *
 * {@link #server()} is available from the class's {@code beforeAll} on, so also in
 * {@code @DynamicPropertySource} and {@code @BeforeAll} methods.
 */
public final class PostgresExtension extends SharedFixtureExtension<PostgresForTests> {

	public PostgresExtension() {
		super(PostgresForTests.class, PostgresForTests::launch);
	}

	/**
	 * The PostgreSQL of this test run.
	 * @return the running server, never null
	 * @throws IllegalStateException before the test class's {@code beforeAll}
	 */
	public PostgresForTests server() {
		return fixture();
	}

}
