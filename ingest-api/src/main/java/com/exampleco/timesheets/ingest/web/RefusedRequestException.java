package com.exampleco.timesheets.ingest.web;

import com.exampleco.timesheets.security.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A request this API refuses, carrying its own RFC 9457 answer: status, a {@code type}
 * under {@value #PROBLEM_BASE}, title, detail and any further fields.
 * {@link ProblemAnswers} answers it as it is and counts it in
 * {@code timesheets.ingest.requests.rejected} under {@link #reason()}.
 * {@link #getMessage()} is the exception's own text, for logs and tests; the detail is
 * what the caller reads (usually the same text).
 */
public abstract class RefusedRequestException extends ApiProblemException {

	private final String reason;

	private final String message;

	/**
	 * A refusal whose detail is its message.
	 * @param status the answer's status
	 * @param type the problem type's name under {@link #PROBLEM_BASE}
	 * @param title the problem type's title
	 * @param reason the {@code reason} tag of the rejected-requests counter
	 * @param message the message, also the detail
	 */
	protected RefusedRequestException(HttpStatus status, String type, String title, String reason, String message) {
		this(status, type, title, reason, message, message, null);
	}

	/**
	 * A refusal.
	 * @param status the answer's status
	 * @param type the problem type's name under {@link #PROBLEM_BASE}
	 * @param title the problem type's title
	 * @param reason the {@code reason} tag of the rejected-requests counter
	 * @param message the exception's message (logs)
	 * @param detail the answer's detail (the caller)
	 * @param cause the cause, may be null
	 */
	protected RefusedRequestException(HttpStatus status, String type, String title, String reason, String message,
			String detail, Throwable cause) {
		super(status, type, title, detail, cause);
		this.reason = reason;
		this.message = message;
	}

	/**
	 * The {@code reason} tag of {@code timesheets.ingest.requests.rejected}.
	 * @return the reason, e.g. {@code invalid}
	 */
	public String reason() {
		return this.reason;
	}

	@Override
	public String getMessage() {
		return this.message;
	}

}
