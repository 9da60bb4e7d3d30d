package com.exampleco.timesheets.ingest.batch;

/** An upload holds more entries than one batch may. */
public class TooManyEntriesException extends RuntimeException {

	TooManyEntriesException(int entries, int limit) {
		super("the batch holds " + entries + " entries; at most " + limit + " are accepted in one batch");
	}

}
