package com.exampleco.timesheets.ingest.idempotency;

import java.util.UUID;

/**
 * What one {@code Idempotency-Key} names: one client's request to one endpoint with one
 * content. A key is bound to the intent of the first request accepted with it; a later
 * request with the same key is the same request only when its intent is equal.
 *
 * @param batchId the key's batch id (UUID v5 of client id and key), never null
 * @param clientId the caller's client id, never null
 * @param endpoint method, route template and path id, e.g. {@code POST
 * /timesheets/{timesheetId}/approval 0b9a…}, never null
 * @param fingerprint hex SHA-256 of the request's canonical content (see
 * {@link Fingerprint}), never null
 */
public record RequestIntent(UUID batchId, String clientId, String endpoint, String fingerprint) {

	/**
	 * The name of an endpoint as intents compare it.
	 * @param method the HTTP method
	 * @param routeTemplate the route template, e.g. {@code /timesheets/{timesheetId}}
	 * @param pathId the id in the path, or null when the route has none
	 * @return method, template and id, separated by spaces
	 */
	public static String endpoint(String method, String routeTemplate, Object pathId) {
		return method + " " + routeTemplate + ((pathId != null) ? " " + pathId : "");
	}

}
