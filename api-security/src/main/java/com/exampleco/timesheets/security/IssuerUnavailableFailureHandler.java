package com.exampleco.timesheets.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Failure handler of the bearer-token filter. A token that could not be checked because
 * the issuer's discovery document or keys are unreachable
 * ({@link AuthenticationServiceException}) is answered {@code 503} with
 * {@code Retry-After} and problem+json: the caller may retry, and it is told nothing
 * about its token. Spring's default rethrows such failures, which ends as a 500. Every
 * other failure goes to the entry point (401, RFC 6750).
 */
final class IssuerUnavailableFailureHandler implements AuthenticationFailureHandler {

	static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger logger = LoggerFactory.getLogger(IssuerUnavailableFailureHandler.class);

	private final AuthenticationEntryPoint entryPoint;

	IssuerUnavailableFailureHandler(AuthenticationEntryPoint entryPoint) {
		this.entryPoint = entryPoint;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof AuthenticationServiceException) {
			logger.warn("Cannot check access tokens: {}", BearerProblemResponses.sanitize(exception.getMessage()));
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			BearerProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, null, null,
					"The access token cannot be checked right now; retry later");
			return;
		}
		this.entryPoint.commence(request, response, exception);
	}

}
