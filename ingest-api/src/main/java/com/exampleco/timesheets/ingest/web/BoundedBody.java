package com.exampleco.timesheets.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.exampleco.timesheets.ingest.config.IngestProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Reads a request body up to {@code timesheets.ingest.max-body-size}, refusing larger
 * ones by their {@code Content-Length} before reading or, for chunked bodies, as soon as
 * the limit is passed, so an oversized upload never fills the heap.
 */
@Component
public class BoundedBody {

	private final long limit;

	BoundedBody(IngestProperties properties) {
		this.limit = properties.maxBodySize().toBytes();
	}

	/**
	 * The whole body.
	 * @param request the request
	 * @return the body's bytes
	 * @throws BodyTooLargeException when the body is larger than the limit
	 */
	public byte[] read(HttpServletRequest request) {
		long declared = request.getContentLengthLong();
		if (declared > this.limit) {
			throw new BodyTooLargeException(this.limit);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(this.limit + 1, Integer.MAX_VALUE - 8));
			if (body.length > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
			return body;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the request body", ex);
		}
	}

}
