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
		long duplicate = count(counts, "duplicate", "duplicates");
		long rejected = count(counts, "rejected");
		Map<String, Long> reasons = new LinkedHashMap<>();
		JsonNode reasonsNode = firstPresent(body, "rejections", "rejectionReasons", "reasons");
		if (reasonsNode.isObject()) {
			for (Map.Entry<String, JsonNode> entry : reasonsNode.properties()) {
				reasons.merge(entry.getKey(), entry.getValue().asLong(1), Long::sum);
			}
		}
		else if (reasonsNode.isArray()) {
			for (JsonNode reason : reasonsNode) {
				String text = reason.isString() ? reason.asString() : reason.path("reason").asString("unknown");
				reasons.merge(text, reason.path("count").asLong(1), Long::sum);
			}
		}
		if (rejected == 0 && counts.path("rejected").isObject()) {
			// {"rejected": {"count": n, "reasons": …}}
			rejected = counts.path("rejected").path("count").asLong();
		}
		long seen = applied + unchanged + duplicate + rejected;
		boolean complete = body.has("complete") ? body.path("complete").asBoolean() : seen >= expectedEvents;
		return new BatchStatus(true, complete, applied, unchanged, duplicate, rejected, reasons);
	}

	private static long count(JsonNode node, String... names) {
		for (String name : names) {
			JsonNode value = node.path(name);
			if (value.isNumber()) {
				return value.asLong();
			}
		}
		return 0;
	}

	private static JsonNode firstPresent(JsonNode node, String... names) {
		for (String name : names) {
			if (node.has(name)) {
				return node.path(name);
			}
		}
		if (node.path("rejected").isObject()) {
			return node.path("rejected").path("reasons");
		}
		return node.path(names[0]);
	}

	/** The status could not be read this time. */
	static class StatusUnavailableException extends RuntimeException {

		StatusUnavailableException(String message) {
			super(message);
		}

	}

}
