package com.exampleco.timesheets.ingest.batch;

import com.exampleco.timesheets.ingest.web.RefusedRequestException;

import org.springframework.http.HttpStatus;

/** An upload holds more entries than one batch may: 413 {@code batch-too-large}. */
public class TooManyEntriesException extends RefusedRequestException {

	TooManyEntriesException(int entries, int limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Too many entries", "too_many_entries",
				"the batch holds " + entries + " entries; at most " + limit + " are accepted in one batch");
	}

}
