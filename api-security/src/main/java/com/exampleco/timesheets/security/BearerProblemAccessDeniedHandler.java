package com.exampleco.timesheets.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers 403 with {@code WWW-Authenticate: Bearer error="insufficient_scope",
 * scope="…"} naming the scope the matched {@link ApiRoutes} route needs, and a problem
 * body. Routes that no scope opens (the app's {@code denyAll()}) get the challenge
 * without {@code scope}.
 */
final class BearerProblemAccessDeniedHandler implements AccessDeniedHandler {

	private static final String ERROR = "insufficient_scope";

	private final ApiRoutes routes;

	BearerProblemAccessDeniedHandler(ApiRoutes routes) {
		this.routes = routes;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		Optional<String> scope = this.routes.requiredScope(request);
		String challenge = "Bearer error=\"" + ERROR + "\"" + scope.map((s) -> ", scope=\"" + s + "\"").orElse("");
		String detail = scope.map((s) -> "The access token lacks the scope " + s + " that this request needs")
			.orElse("No scope grants access to this resource");
		BearerProblemResponses.write(request, response, HttpStatus.FORBIDDEN, challenge, ERROR, detail);
	}

}
