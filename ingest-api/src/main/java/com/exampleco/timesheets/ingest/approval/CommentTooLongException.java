package com.exampleco.timesheets.ingest.approval;

/** An approval comment is longer than {@code timesheets.ingest.max-comment-length}. */
public class CommentTooLongException extends RuntimeException {

	CommentTooLongException(int limit) {
		super("comment must be at most " + limit + " characters");
	}

}
