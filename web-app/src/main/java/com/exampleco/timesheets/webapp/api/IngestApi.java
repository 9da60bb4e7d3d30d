package com.exampleco.timesheets.webapp.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.exampleco.timesheets.webapp.config.WebAppProperties;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The ingest API, called with the signed-in person's token. Its answers are
 * {@link Accepted} (the events are committed, not yet applied) or an {@link ApiRefusal}
 * (422 with the rule violations by field, 403 without the scope, …).
 */
@Component
public class IngestApi {

	private final RestClient client;

	IngestApi(ApiClients clients, WebAppProperties properties) {
		this.client = clients.create("ingest", properties.ingestUri());
	}

	/**
	 * {@code POST /timesheets}: one entry. Fields that are null are left out of the body,
	 * so the API names a missing one; values are sent as typed (the API checks them).
	 * @param entry the entry's fields by the API's names ({@code externalId},
	 * {@code employeeId}, {@code projectCode}, {@code workDate}, {@code hours},
	 * {@code note})
	 * @param idempotencyKey names this submission, so sending the same form twice
	 * publishes once
	 * @return the acceptance, never null
	 */
	public Accepted submit(Map<String, Object> entry, String idempotencyKey) {
		Map<String, Object> body = new LinkedHashMap<>();
		entry.forEach((name, value) -> {
			if (value != null) {
				body.put(name, value);
			}
		});
		return this.client.post()
			.uri("/timesheets")
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(Accepted.class);
	}

	/**
	 * {@code POST /timesheet-batches}: a file as it was uploaded.
	 * @param content the file's bytes
	 * @param type {@code text/csv}, {@code application/x-ndjson} or
	 * {@code application/json}
	 * @return the acceptance, never null
	 */
	public Accepted upload(byte[] content, MediaType type) {
		return this.client.post()
			.uri("/timesheet-batches")
			.contentType(type)
			.body(content)
			.retrieve()
			.body(Accepted.class);
	}

	/**
	 * {@code POST /timesheets/{id}/approval}, bound to the version the person saw
	 * ({@code If-Match}): the processor refuses it as stale when the timesheet changed
	 * since.
	 * @param timesheetId the timesheet
	 * @param decision {@code APPROVED} or {@code REJECTED}
	 * @param comment the comment or reason, null for none
	 * @param version the version shown to the person
	 * @return the acceptance, never null
	 */
	public Accepted decide(UUID timesheetId, String decision, String comment, long version) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("decision", decision);
		if (comment != null) {
			body.put("comment", comment);
		}
		return this.client.post()
			.uri("/timesheets/{id}/approval", timesheetId)
			.header("If-Match", "\"" + version + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(Accepted.class);
	}

}
