package com.exampleco.timesheets.ingest.approval;

import com.exampleco.timesheets.ingest.web.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * The {@code If-Match} header of an approval is not one entity tag naming a state version
 * ({@code "3"} or {@code W/"3"}); the API cannot forward such a condition to the
 * processor, so it refuses the request (400 {@code malformed-if-match}) rather than
 * ignore the condition.
 */
public class MalformedIfMatchException extends RefusedRequestException {

	MalformedIfMatchException() {
		super(HttpStatus.BAD_REQUEST, "malformed-if-match", "Malformed If-Match", "malformed_if_match",
				"If-Match must be one entity tag naming a state version, as the query API's ETag does, "
						+ "e.g. \"3\" or W/\"3\"");
	}

}
