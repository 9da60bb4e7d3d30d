package com.exampleco.timesheets.ingest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole web layer of the ingest API (filter chain, controllers, problem answers) on
 * MockMvc, with no broker: tests replace {@code EventPublisher} with a mock and
 * authenticate with {@code jwt()}. One cached context for every class that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// no broker: an unreachable address of its own, so that a broker started by another
// test class of the same JVM is never found
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false",
		"timesheets.ingest.idempotency.load-timeout=0s",
		"timesheets.security.issuer-uri=http://127.0.0.1:9/not-used-with-jwt-post-processor",
		"timesheets.ingest.max-batch-entries=50", "timesheets.ingest.max-body-size=64KB" })
@AutoConfigureMockMvc
@interface IngestWebTest {

}
