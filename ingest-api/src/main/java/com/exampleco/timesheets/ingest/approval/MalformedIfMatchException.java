package com.exampleco.timesheets.ingest.approval;

/**
 * The {@code If-Match} header of an approval is not one entity tag naming a state version
 * ({@code "3"} or {@code W/"3"}); the API cannot forward such a condition to the
 * processor, so it refuses the request (400) rather than ignore the condition.
 */
public class MalformedIfMatchException extends RuntimeException {

	MalformedIfMatchException() {
		super("If-Match must be one entity tag naming a state version, as the query API's ETag does, "
				+ "e.g. \"3\" or W/\"3\"");
	}

}
