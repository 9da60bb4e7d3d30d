package com.exampleco.timesheets.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers every authentication failure with an RFC 6750 challenge and a problem body.
 * <ul>
 * <li>No token: 401, {@code WWW-Authenticate: Bearer} with no error code (RFC 6750
 * section 3.1: a request without authentication information gets no error).</li>
 * <li>Bad token: 401, {@code Bearer error="invalid_token", error_description="…"}.</li>
 * <li>Malformed request (token in the URL or body, several tokens): 400,
 * {@code Bearer error="invalid_request", error_description="…"}.</li>
 * </ul>
 * The description is always one of the fixed texts of {@link TokenRefusal}: an error
 * carrying any other text (a library's, naming the check that failed) is answered with
 * its code's catch-all text.
 */
final class BearerProblemEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		Optional<TokenRefusal> refusal = (authException instanceof OAuth2AuthenticationException oauth2)
				? TokenRefusal.of(oauth2.getError()) : Optional.empty();
		if (refusal.isPresent()) {
			TokenRefusal known = refusal.get();
			String challenge = "Bearer error=\"" + known.errorCode() + "\", error_description=\"" + known.description()
					+ "\"";
			BearerProblemResponses.write(request, response, known.status(), challenge, known.errorCode(),
					known.description());
			return;
		}
		BearerProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "Bearer", null,
				"This resource requires a bearer access token in the Authorization header");
	}

}
