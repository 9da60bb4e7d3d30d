package com.exampleco.timesheets.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Accepts the token from the {@code Authorization: Bearer} header only.
 * <p>
 * Spring's {@link DefaultBearerTokenResolver} with its defaults silently ignores an
 * {@code access_token} query parameter, so a request carrying one would be treated as
 * anonymous, or, with a header too, served with the header token. Tokens in URLs end up
 * in logs and browser history, so any {@code access_token} query parameter is refused
 * with {@code invalid_request}, with or without a header. A token in a form body is never
 * read (the body stays untouched) and so counts as no token.
 */
final class HeaderOnlyBearerTokenResolver implements BearerTokenResolver {

	private static final String ACCESS_TOKEN_PARAMETER = "access_token";

	private final DefaultBearerTokenResolver headerResolver = new DefaultBearerTokenResolver();

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		if (hasQueryToken(request.getQueryString())) {
			throw new OAuth2AuthenticationException(BearerTokenErrors
				.invalidRequest("Access tokens are accepted in the Authorization header only, not in the URL"));
		}
		return this.headerResolver.resolve(request);
	}

	private static boolean hasQueryToken(@Nullable String query) {
		if (query == null) {
			return false;
		}
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = (equals >= 0) ? parameter.substring(0, equals) : parameter;
			if (ACCESS_TOKEN_PARAMETER.equals(decode(name))) {
				return true;
			}
		}
		return false;
	}

	private static String decode(String name) {
		try {
			return URLDecoder.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

}
