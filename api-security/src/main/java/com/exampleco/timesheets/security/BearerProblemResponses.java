package com.exampleco.timesheets.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes an RFC 6750 {@code WWW-Authenticate} challenge and an RFC 9457 problem body.
 * Descriptions are reduced to the characters RFC 6750 allows in {@code error_description}
 * and anything that looks like token material is redacted, so no token is ever echoed.
 */
final class BearerProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// RFC 6750 section 3: error_description = 1*( %x20-21 / %x23-5B / %x5D-7E )
	private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]");

	// Something shaped like a compact JWS/JWT, or a base64url
	// run as long as a key or a signature
	private static final Pattern TOKEN_LIKE = Pattern
		.compile("[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]{2,}(\\.[A-Za-z0-9_\\-]*)*|[A-Za-z0-9_\\-]{24,}");

	private static final int MAX_DESCRIPTION = 200;

	private BearerProblemResponses() {
	}

	static String sanitize(@Nullable String description) {
		if (description == null) {
			return "";
		}
		String cleaned = TOKEN_LIKE.matcher(description).replaceAll("[redacted]");
		cleaned = NOT_ALLOWED.matcher(cleaned).replaceAll(" ").strip();
		return (cleaned.length() > MAX_DESCRIPTION) ? cleaned.substring(0, MAX_DESCRIPTION) : cleaned;
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			@Nullable String challenge, @Nullable String error, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		// the path only: a query string may carry a token
		problem.put("instance", request.getRequestURI());
		if (error != null) {
			problem.put("error", error);
		}
		response.setStatus(status.value());
		if (challenge != null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

}
