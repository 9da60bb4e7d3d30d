package com.exampleco.timesheets.ingest.web;

/** A request body is larger than {@code timesheets.ingest.max-body-size}. */
public class BodyTooLargeException extends RuntimeException {

	BodyTooLargeException(long limit) {
		super("the request body is larger than " + limit + " bytes");
	}

}
