package com.exampleco.timesheets.query.web;

/**
 * A request parameter (query parameter or path variable) that the API refuses; answered
 * 400 with a problem naming the parameter. The message must not echo the value.
 */
public class InvalidParameterException extends RuntimeException {

	private final String parameter;

	/**
	 * A refused parameter.
	 * @param parameter its name as the client sent it, never null
	 * @param message why it is refused, for the problem's {@code detail}
	 */
	public InvalidParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	/**
	 * The refused parameter's name.
	 * @return the name, never null
	 */
	public String parameter() {
		return this.parameter;
	}

}
