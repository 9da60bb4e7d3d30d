package com.exampleco.timesheets.query.web;

import com.exampleco.timesheets.security.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * The resource does not exist, or the caller may not know that it exists (object-level
 * authorization answers 404, never 403, so existence is not leaked). Answered 404
 * {@code not-found} with the title {@code Not found} whatever was looked for.
 */
public class NotFoundException extends ApiProblemException {

	/**
	 * Not found.
	 * @param detail the problem's {@code detail}; must read the same whether the resource
	 * is missing or hidden
	 */
	public NotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
	}

}
