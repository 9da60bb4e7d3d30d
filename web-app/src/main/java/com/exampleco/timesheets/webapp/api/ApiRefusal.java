package com.exampleco.timesheets.webapp.api;

import org.springframework.http.HttpHeaders;

/**
 * An API answered with an error status (4xx or 5xx). Carries the status, the parsed
 * problem (an empty one when the body was not a problem) and the answer's headers (for
 * {@code WWW-Authenticate} and {@code Retry-After}). Its message never contains the body.
 */
public class ApiRefusal extends RuntimeException {

	private final String api;

	private final int status;

	private final Problem problem;

	private final HttpHeaders headers;

	ApiRefusal(String api, int status, Problem problem, HttpHeaders headers) {
		super(api + " answered " + status + ((problem.type() != null) ? " " + problem.type() : ""));
		this.api = api;
		this.status = status;
		this.problem = problem;
		this.headers = headers;
	}

	/**
	 * @return which API refused: {@code ingest} or {@code query}
	 */
	public String api() {
		return this.api;
	}

	/**
	 * @return the HTTP status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * @return the problem, never null
	 */
	public Problem problem() {
		return this.problem;
	}

	/**
	 * @return the answer's headers, never null
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

}
