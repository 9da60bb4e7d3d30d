package com.exampleco.timesheets.uploader.upload;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;

class IngestClientTests {

	static final Batch BATCH = new Batch(1, "tsu2.key", 0, 1, List.of(2), "[]".getBytes(StandardCharsets.UTF_8));

	@Test
	void readsRetryAfterInSeconds() {
		assertThat(IngestClient.retryAfter(headers("5"))).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void readsRetryAfterAsAnHttpDate() {
		String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));

		assertThat(IngestClient.retryAfter(headers(inTenSeconds))).isBetween(Duration.ofSeconds(8),
				Duration.ofSeconds(10));
	}

	@Test
	void ignoresAnUnreadableRetryAfter() {
		assertThat(IngestClient.retryAfter(headers("soon"))).isNull();
		assertThat(IngestClient.retryAfter(new HttpHeaders())).isNull();
	}

	@Test
	void sortsA422NamingKeyReuseApartFromOtherRefusals() {
		IngestAnswer answer = answerTo(422,
				"{\"type\":\"https://timesheets.exampleco.com/problems/idempotency-key-reused\","
						+ "\"title\":\"Idempotency-Key reused\",\"status\":422,"
						+ "\"detail\":\"the key was used for a different request\"}");

		assertThat(answer.kind()).isEqualTo(IngestAnswer.Kind.KEY_REUSED);
		assertThat(answer.detail()).isEqualTo("HTTP 422: the key was used for a different request");
	}

	@Test
	void sortsA422WithEntryErrorsAsRefused() {
		IngestAnswer answer = answerTo(422,
				"{\"type\":\"https://timesheets.exampleco.com/problems/invalid-batch\",\"status\":422,"
						+ "\"errors\":[{\"index\":0,\"field\":\"hours\",\"message\":\"must be at most 24\"}]}");

		assertThat(answer.kind()).isEqualTo(IngestAnswer.Kind.REFUSED);
		assertThat(answer.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.field()).isEqualTo("hours"));
	}

	@Test
	void keyReuseIsOnlyRecognisedOnA422() {
		IngestAnswer answer = answerTo(409,
				"{\"type\":\"https://timesheets.exampleco.com/problems/idempotency-key-reused\",\"status\":409}");

		assertThat(answer.kind()).isEqualTo(IngestAnswer.Kind.REFUSED);
	}

	private static IngestAnswer answerTo(int status, String problem) {
		RestClient.Builder builder = RestClient.builder().baseUrl("http://ingest.test");
		MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
		server.expect(requestTo("http://ingest.test/timesheet-batches"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header("Idempotency-Key", "tsu2.key"))
			.andRespond(withStatus(HttpStatusCode.valueOf(status)).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem));
		IngestAnswer answer = new IngestClient(builder.build()).post(BATCH);
		server.verify();
		return answer;
	}

	private static HttpHeaders headers(String retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
		return headers;
	}

}
