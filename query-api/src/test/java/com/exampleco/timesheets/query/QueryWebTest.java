package com.exampleco.timesheets.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole query API (filter chain, controllers, repositories, problem answers) on
 * MockMvc over an in-memory H2 database in PostgreSQL mode that {@link TestRows} migrates
 * with the processor's own Flyway migration and fills. Tests authenticate with
 * {@code jwt()}. One cached context for every class that uses it; classes keep apart by
 * using their own employee, project and batch ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "spring.datasource.url=" + TestRows.H2_URL, "spring.datasource.username=sa",
		"spring.datasource.password=",
		"timesheets.security.issuer-uri=http://127.0.0.1:9/not-used-with-jwt-post-processor",
		"timesheets.query.cursor-key=" + QueryWebTest.CURSOR_KEY, "timesheets.query.max-rejections-listed=3" })
@AutoConfigureMockMvc
public @interface QueryWebTest {

	/** The cursor key of the tests. */
	String CURSOR_KEY = "test-cursor-key-of-at-least-32-characters";

}
