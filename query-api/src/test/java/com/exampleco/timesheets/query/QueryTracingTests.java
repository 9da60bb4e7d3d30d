package com.exampleco.timesheets.query;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A query request continues its caller's W3C trace (one server span, a child of the
 * incoming {@code traceparent}), and the metrics the operations page names are scraped
 * under those names.
 */
@QueryWebTest
@AutoConfigureTracing
@TestPropertySource(properties = "management.tracing.sampling.probability=1.0")
class QueryTracingTests {

	static final InMemorySpanExporter spans = InMemorySpanExporter.create();

	/** Migrates the shared in-memory database on first use. */
	final TestRows rows = TestRows.h2();

	@Autowired
	MockMvc mvc;

	@Test
	void queryRequestContinuesTheCallersTrace() throws Exception {
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		this.mvc
			.perform(get("/timesheets").param("employeeId", "E-TRACE")
				.header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
				.with(Tokens.machine("read:timesheets")))
			.andExpect(status().isOk());

		List<SpanData> trace = await().atMost(Duration.ofSeconds(10))
			.until(() -> spans.getFinishedSpanItems()
				.stream()
				.filter((span) -> span.getTraceId().equals(traceId))
				.toList(), (found) -> !found.isEmpty());
		assertThat(trace).singleElement().satisfies((server) -> {
			assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
			assertThat(server.getParentSpanId()).isEqualTo("b7ad6b7169203331");
		});
	}

	@Test
	void exposesTheMetricsTheOperationsPageNames() throws Exception {
		// a query (the connection pool starts) and a refusal (the counter appears)
		this.mvc.perform(get("/timesheets").param("employeeId", "E-METRICS").with(Tokens.machine("read:timesheets")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/timesheets/not-a-uuid").with(Tokens.machine("read:timesheets")));
		String scrape = this.mvc.perform(get("/actuator/prometheus").with(Tokens.machine("read:metrics")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(scrape).contains("http_server_requests_seconds_count{")
			.contains("http_server_requests_seconds_bucket{")
			.contains("timesheets_query_requests_rejected_total{")
			.contains("hikaricp_connections_pending{");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class InMemorySpans {

		@Bean
		SpanProcessor inMemorySpans() {
			return SimpleSpanProcessor.create(spans);
		}

	}

}
