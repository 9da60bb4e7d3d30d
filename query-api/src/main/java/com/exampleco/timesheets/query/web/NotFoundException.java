package com.exampleco.timesheets.query.web;

/**
 * The resource does not exist, or the caller may not know that it exists (object-level
 * authorization answers 404, never 403, so existence is not leaked). Answered 404.
 */
public class NotFoundException extends RuntimeException {

	private final String resource;

	/**
	 * Not found.
	 * @param resource what was looked for, e.g. {@code timesheet}; appears in the
	 * problem's title
	 * @param message the problem's {@code detail}; must read the same whether the
	 * resource is missing or hidden
	 */
	public NotFoundException(String resource, String message) {
		super(message);
		this.resource = resource;
	}

	/**
	 * What was looked for.
	 * @return e.g. {@code timesheet}
	 */
	public String resource() {
		return this.resource;
	}

}
