package com.exampleco.timesheets.ingest;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * With no broker listening, an upload is answered 503 with {@code Retry-After} within the
 * publish timeout, never 202 and never a hang.
 */
@SpringBootTest(properties = { "spring.kafka.admin.auto-create=false", "timesheets.ingest.idempotency.load-timeout=0s",
		"timesheets.ingest.publish-timeout=3s", "timesheets.ingest.retry-after=7s",
		"timesheets.security.issuer-uri=http://127.0.0.1:9/unused" })
@AutoConfigureMockMvc
class BrokerDownIntegrationTests {

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void deadBroker(DynamicPropertyRegistry registry) {
		int port = TestSocketUtils.findAvailableTcpPort();
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + port);
	}

	@Test
	void answersServiceUnavailableWithRetryAfterWithinThePublishTimeout() throws Exception {
		long start = System.nanoTime();
		MvcResult result = this.mvc
			.perform(post("/timesheet-batches").contentType(MediaType.APPLICATION_JSON)
				.content("[{\"externalId\":\"down-1\",\"employeeId\":\"E1001\",\"projectCode\":\"ALPHA\","
						+ "\"workDate\":\"2026-11-02\",\"hours\":1}]")
				.with(RouteScopeTests.token("create:timesheets")))
			.andReturn();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(result.getResponse().getStatus()).isEqualTo(503);
		assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
	}

}
