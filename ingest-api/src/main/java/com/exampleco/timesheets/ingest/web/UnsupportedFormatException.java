package com.exampleco.timesheets.ingest.web;

/** A request's {@code Content-Type} is not one this endpoint reads. */
public class UnsupportedFormatException extends RuntimeException {

	/**
	 * A new exception.
	 * @param contentType what the request said, may be null
	 * @param supported what the endpoint reads
	 */
	public UnsupportedFormatException(String contentType, String supported) {
		super(((contentType != null) ? "Content-Type '" + contentType + "' is not supported"
				: "Content-Type is missing") + "; send " + supported);
	}

}
