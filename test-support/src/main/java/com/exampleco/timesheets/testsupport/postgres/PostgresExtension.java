package com.exampleco.timesheets.testsupport.postgres;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * One PostgreSQL for every test class of a test run ({@link PostgresForTests#launch()}),
 * started before the first class that registers this extension and closed when the run
 * ends: it lives in the root {@link ExtensionContext}'s store, which JUnit closes (it is
 * {@link AutoCloseable}) after the last test.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final PostgresExtension postgres = new PostgresExtension();
 *
 * &#64;DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     String url = postgres.server().createDatabase("my_tests");
 *     registry.add("spring.datasource.url", () -&gt; url);
 * }
 * </pre>
 *
 * {@link #server()} is available from the class's {@code beforeAll} on, so also in
 * {@code @DynamicPropertySource} and {@code @BeforeAll} methods.
 */
public final class PostgresExtension implements BeforeAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(PostgresExtension.class);

	private volatile PostgresForTests server;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(PostgresForTests.class, (key) -> PostgresForTests.launch(), PostgresForTests.class);
	}

	/**
	 * The PostgreSQL of this test run.
	 * @return the running server, never null
	 * @throws IllegalStateException before the test class's {@code beforeAll}
	 */
	public PostgresForTests server() {
		PostgresForTests current = this.server;
		if (current == null) {
			throw new IllegalStateException(
					"PostgresExtension is not started: register it with @RegisterExtension on a static field");
		}
		return current;
	}

}
