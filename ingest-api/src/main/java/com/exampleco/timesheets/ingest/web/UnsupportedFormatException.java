package com.exampleco.timesheets.ingest.web;

import org.springframework.http.HttpStatus;

/**
 * A request's {@code Content-Type} is not one this endpoint reads: 415
 * {@code unsupported-media-type}.
 */
public class UnsupportedFormatException extends RefusedRequestException {

	/**
	 * A new exception.
	 * @param contentType what the request said, may be null
	 * @param supported what the endpoint reads
	 */
	public UnsupportedFormatException(String contentType, String supported) {
		super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
				"unsupported_media_type", ((contentType != null) ? "Content-Type '" + contentType + "' is not supported"
						: "Content-Type is missing") + "; send " + supported);
	}

}
