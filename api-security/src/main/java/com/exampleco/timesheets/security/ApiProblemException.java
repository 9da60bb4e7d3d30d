package com.exampleco.timesheets.security;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal of a Timesheets API that carries its own RFC 9457 answer: Spring MVC's
 * {@code ResponseEntityExceptionHandler} writes {@link #getBody()} as
 * {@code application/problem+json} with no mapping of its own. The problem's {@code type}
 * is {@link #PROBLEM_BASE} followed by a short name ({@link #problemType()}), the same in
 * both APIs.
 */
public class ApiProblemException extends ErrorResponseException {

	/** Where the problem types of the Timesheets APIs live. */
	public static final String PROBLEM_BASE = "https://timesheets.exampleco.com/problems/";

	private final String problemType;

	/**
	 * A refusal.
	 * @param status the answer's status
	 * @param problemType the last segment of the problem type URI, e.g. {@code not-found}
	 * @param title the problem's title, the same for every refusal of this type
	 * @param detail what went wrong this time; never echoes token material or PII
	 */
	public ApiProblemException(HttpStatus status, String problemType, String title, String detail) {
		this(status, problemType, title, detail, null);
	}

	/**
	 * A refusal with a cause (kept for the logs, never shown to the caller).
	 * @param status the answer's status
	 * @param problemType the last segment of the problem type URI
	 * @param title the problem's title
	 * @param detail what went wrong this time
	 * @param cause the cause, may be null
	 */
	protected ApiProblemException(HttpStatus status, String problemType, String title, String detail,
			@Nullable Throwable cause) {
		super(status, problem(status, problemType, title, detail), cause);
		this.problemType = problemType;
	}

	/**
	 * The short name of the problem type, e.g. {@code not-found}; handy as a metric tag.
	 * @return the name, never null
	 */
	public String problemType() {
		return this.problemType;
	}

	/**
	 * A problem of a Timesheets API, for answers that do not start as an exception.
	 * @param status the status
	 * @param problemType the last segment of the problem type URI
	 * @param title the title
	 * @param detail the detail
	 * @return the problem, never null
	 */
	public static ProblemDetail problem(HttpStatus status, String problemType, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(PROBLEM_BASE + problemType));
		problem.setTitle(title);
		return problem;
	}

}
