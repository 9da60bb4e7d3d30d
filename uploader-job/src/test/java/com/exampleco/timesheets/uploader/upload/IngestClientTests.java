package com.exampleco.timesheets.uploader.upload;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class IngestClientTests {

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

	private static HttpHeaders headers(String retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
		return headers;
	}

}
