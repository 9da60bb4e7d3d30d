package com.exampleco.timesheets.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers every authentication failure with 401, an RFC 6750 challenge and a problem
 * body.
 * <ul>
 * <li>No token: {@code WWW-Authenticate: Bearer} with no error code (RFC 6750 section
 * 3.1: a request without authentication information gets no error).</li>
 * <li>Bad token: {@code Bearer error="invalid_token", error_description="…"}.</li>
 * <li>Malformed request (token in the URL, several tokens):
 * {@code Bearer error="invalid_request", error_description="…"}, also with 401 (not 400)
 * so every client treats it as an authentication failure.</li>
 * </ul>
 */
final class BearerProblemEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof OAuth2AuthenticationException oauth2) {
			OAuth2Error error = oauth2.getError();
			String description = BearerProblemResponses
				.sanitize((error.getDescription() != null) ? error.getDescription() : oauth2.getMessage());
			if (description.isEmpty()) {
				description = "The access token is not valid";
			}
			String challenge = "Bearer error=\"" + error.getErrorCode() + "\", error_description=\"" + description
					+ "\"";
			BearerProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, challenge, error.getErrorCode(),
					description);
			return;
		}
		BearerProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "Bearer", null,
				"This resource requires a bearer access token in the Authorization header");
	}

}
