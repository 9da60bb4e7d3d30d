package com.exampleco.timesheets.ingest.web;

import org.springframework.http.HttpStatus;

/**
 * A request body is larger than {@code timesheets.ingest.max-body-size}: 413
 * {@code body-too-large}.
 */
public class BodyTooLargeException extends RefusedRequestException {

	BodyTooLargeException(long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large", "body_too_large",
				"the request body is larger than " + limit + " bytes");
	}

}
