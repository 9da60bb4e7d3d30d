package com.exampleco.timesheets.query.web;

import com.exampleco.timesheets.security.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A request parameter (query parameter or path variable) that the API refuses: answered
 * 400 {@code invalid-parameter} whose {@code parameter} property names it (in printable
 * form, see {@link QueryParameters#printable}). The detail must not echo the value.
 */
public class InvalidParameterException extends ApiProblemException {

	/**
	 * A refused parameter.
	 * @param parameter its name as the client sent it, never null
	 * @param detail why it is refused, for the problem's {@code detail}
	 */
	public InvalidParameterException(String parameter, String detail) {
		super(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
		getBody().setProperty("parameter", QueryParameters.printable(parameter));
	}

}
