package com.exampleco.timesheets.uploader.await;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Reads {@code GET /batches/{batchId}?expectedEvents=N} of the query API. It reads the
 * counts leniently (top-level or under {@code outcomes}; reasons as an object or a list
 * of {@code {reason, count}}), so small shape changes of the status document do not break
 * the job.
 */
public class BatchStatusClient {

	private final RestClient restClient;

	private final JsonMapper json = JsonMapper.builder().build();

	public BatchStatusClient(RestClient restClient) {
		this.restClient = restClient;
	}

	/**
	 * The current status of a batch.
	 * @param batchId the batch
	 * @param expectedEvents how many events the batch holds
	 * @return the status; {@code found} is false while the processor has seen none
	 * @throws org.springframework.web.client.RestClientException when the API cannot be
	 * read
	 */
	public BatchStatus status(UUID batchId, int expectedEvents) {
		return this.restClient.get()
			.uri("/batches/{batchId}?expectedEvents={expected}", batchId, expectedEvents)
			.accept(MediaType.APPLICATION_JSON)
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == 404) {
					return BatchStatus.NOT_FOUND;
				}
				if (!response.getStatusCode().is2xxSuccessful()) {
					throw new StatusUnavailableException("HTTP " + response.getStatusCode().value());
				}
				return parse(this.json.readTree(response.getBody()), expectedEvents);
			}, true);
	}

	static BatchStatus parse(JsonNode body, int expectedEvents) {
		JsonNode counts = body.has("outcomes") ? body.path("outcomes") : body;
		long applied = count(counts, "applied");
		long unchanged = count(counts, "unchanged");
		long duplicate = count(counts, "duplicate");
		long rejected = count(counts, "rejected");
		Map<String, Long> reasons = new LinkedHashMap<>();
		JsonNode rejections = body.path("rejections");
		if (rejections.isObject()) {
			for (Map.Entry<String, JsonNode> entry : rejections.properties()) {
				reasons.merge(entry.getKey(), entry.getValue().asLong(1), Long::sum);
			}
		}
		else if (rejections.isArray()) {
			for (JsonNode rejection : rejections) {
				reasons.merge(rejection.path("reason").asString("unknown"), rejection.path("count").asLong(1),
						Long::sum);
			}
		}
		long seen = body.path("eventsSeen").isNumber() ? body.path("eventsSeen").asLong()
				: applied + unchanged + rejected;
		boolean complete = body.path("complete").isBoolean() ? body.path("complete").asBoolean()
				: seen >= expectedEvents;
		return new BatchStatus(true, complete, applied, unchanged, duplicate, rejected, reasons);
	}

	/**
	 * A count by name, ignoring case ({@code APPLIED} or {@code applied}); 0 when absent.
	 */
	private static long count(JsonNode node, String name) {
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (entry.getKey().equalsIgnoreCase(name) && entry.getValue().isNumber()) {
				return entry.getValue().asLong();
			}
		}
		return 0;
	}

	/** The status could not be read this time. */
	static class StatusUnavailableException extends RuntimeException {

		StatusUnavailableException(String message) {
			super(message);
		}

	}

}
