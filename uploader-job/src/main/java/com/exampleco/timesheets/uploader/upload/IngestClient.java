package com.exampleco.timesheets.uploader.upload;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.entry.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Posts one batch to {@code POST /timesheet-batches} and sorts the answer; never throws
 * for an HTTP status. A failed connection or a time-out is a
 * {@link IngestAnswer.Kind#RETRYABLE} answer with status 0. Only a failure to get a token
 * escapes (as the OAuth 2.0 client's exception).
 */
public class IngestClient {

	static final String PATH = "/timesheet-batches";

	/**
	 * How the problem {@code type} of the ingest API's answer to a reused
	 * {@code Idempotency-Key} ends (the type is a URI; only its last segment is matched).
	 */
	static final String KEY_REUSED_TYPE = "idempotency-key-reused";

	private static final int MAX_BODY_READ = 1 << 20;

	private final RestClient restClient;

	private final JsonMapper json = JsonMapper.builder().build();

	public IngestClient(RestClient restClient) {
		this.restClient = restClient;
	}

	/**
	 * Sends one attempt of a batch.
	 * @param batch the batch
	 * @return the sorted answer, never null
	 */
	public IngestAnswer post(Batch batch) {
		try {
			return this.restClient.post()
				.uri(PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
				.header("Idempotency-Key", batch.idempotencyKey())
				.body(batch.body())
				.exchange((request, response) -> sort(response), true);
		}
		catch (ResourceAccessException ex) {
			return IngestAnswer.retryable(0, null, "no answer: " + rootCauseName(ex));
		}
	}

	private IngestAnswer sort(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		JsonNode body = readJson(response);
		if (status >= 200 && status < 300) {
			UUID batchId = UUID.fromString(body.path("batchId").asString());
			return IngestAnswer.accepted(status, batchId, body.path("entries").asInt());
		}
		String detail = detail(status, body);
		if (status == 429 || status == 502 || status == 503 || status == 504) {
			return IngestAnswer.retryable(status, retryAfter(response.getHeaders()), detail);
		}
		if (status == 401) {
			return IngestAnswer.of(IngestAnswer.Kind.UNAUTHORIZED, status, detail, List.of());
		}
		if (status == 403) {
			return IngestAnswer.of(IngestAnswer.Kind.FORBIDDEN, status, detail, List.of());
		}
		if (status == 422 && body.path("type").asString("").endsWith(KEY_REUSED_TYPE)) {
			return IngestAnswer.of(IngestAnswer.Kind.KEY_REUSED, status, detail, List.of());
		}
		return IngestAnswer.of(IngestAnswer.Kind.REFUSED, status, detail, violations(body));
	}

	private JsonNode readJson(ClientHttpResponse response) throws IOException {
		byte[] bytes = StreamUtils.copyToByteArray(response.getBody());
		if (bytes.length == 0 || bytes.length > MAX_BODY_READ) {
			return this.json.missingNode();
		}
		try {
			return this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			return this.json.missingNode();
		}
	}

	private static String detail(int status, JsonNode body) {
		String detail = body.path("detail").asString("");
		String title = body.path("title").asString("");
		String text = !detail.isEmpty() ? detail : title;
		return "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
	}

	private static List<Violation> violations(JsonNode body) {
		List<Violation> violations = new ArrayList<>();
		for (JsonNode error : body.path("errors")) {
			violations.add(new Violation(error.path("index").asInt(-1), error.path("line").asInt(0),
					error.hasNonNull("field") ? error.path("field").asString() : null,
					error.path("message").asString("")));
		}
		return violations;
	}

	/**
	 * Reads {@code Retry-After}: delay-seconds or an HTTP date.
	 * @param headers the answer's headers
	 * @return the delay, or null when absent or unreadable
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.strip();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration delay = Duration.between(Instant.now(), at);
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException ignored) {
				return null;
			}
		}
	}

	static String rootCauseName(Throwable ex) {
		return NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName();
	}

}
