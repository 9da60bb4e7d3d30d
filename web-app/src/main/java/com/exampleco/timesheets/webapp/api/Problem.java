package com.exampleco.timesheets.webapp.api;

import java.util.List;

/**
 * An API's RFC 9457 problem answer, as far as the pages use it. Every field may be null
 * when the answer had no such member (or no JSON body at all).
 *
 * @param type the problem type URI
 * @param title short summary
 * @param status HTTP status
 * @param detail explanation (fixed texts; the APIs never echo input values)
 * @param errors the rule violations of a 400/422 answer, in the API's order
 * @param parameter the query API's name of a bad query parameter
 */
public record Problem(String type, String title, Integer status, String detail, List<Error> errors, String parameter) {

	/** Prefix of every problem type of these APIs. */
	public static final String TYPES = "https://timesheets.exampleco.com/problems/";

	public Problem {
		errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

	/**
	 * @param name the last segment of a problem type, e.g. {@code invalid-batch}
	 * @return whether this problem is of that type
	 */
	public boolean is(String name) {
		return (TYPES + name).equals(this.type);
	}

	/**
	 * One rule violation.
	 *
	 * @param index position of the entry in the upload, null for an approval
	 * @param line line of the file (CSV, NDJSON), null when not known
	 * @param field the field, null when the error concerns the whole entry
	 * @param message what is wrong, never echoing the value
	 */
	public record Error(Integer index, Integer line, String field, String message) {
	}

}
