package com.exampleco.timesheets.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Accepts the token from one {@code Authorization: Bearer} header only.
 * <p>
 * Spring's {@link DefaultBearerTokenResolver} with its defaults silently ignores an
 * {@code access_token} query parameter or form field, so a request carrying one would be
 * treated as anonymous, or, with a header too, served with the header token. Tokens in
 * URLs end up in logs and browser history, so they are refused, each with a fixed
 * {@code invalid_request} (400, RFC 6750 section 3.1) description:
 * <ul>
 * <li>a token sent more than one way (header and query, header and form body, query and
 * body) or more than once (two {@code Bearer} headers, two parameters):
 * {@link TokenRefusal#SEVERAL_TOKENS};</li>
 * <li>a token in the query only: {@link TokenRefusal#TOKEN_IN_URL};</li>
 * <li>a token in a form-encoded body only: {@link TokenRefusal#TOKEN_IN_BODY}. Reading
 * the field reads the form body; neither API accepts form bodies, so nothing is
 * lost.</li>
 * </ul>
 * A header that is no well-formed {@code Bearer} token is {@code invalid_token}
 * ({@link TokenRefusal#MALFORMED}).
 */
final class HeaderOnlyBearerTokenResolver implements BearerTokenResolver {

	private static final String ACCESS_TOKEN_PARAMETER = "access_token";

	private static final String BEARER = "bearer";

	private final DefaultBearerTokenResolver headerResolver = new DefaultBearerTokenResolver();

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		int headerTokens = bearerHeaders(request);
		int queryTokens = queryTokens(request.getQueryString());
		int bodyTokens = bodyTokens(request, queryTokens);
		int ways = Integer.signum(headerTokens) + Integer.signum(queryTokens) + Integer.signum(bodyTokens);
		if (ways > 1 || headerTokens > 1 || queryTokens > 1 || bodyTokens > 1) {
			throw refused(TokenRefusal.SEVERAL_TOKENS);
		}
		if (queryTokens > 0) {
			throw refused(TokenRefusal.TOKEN_IN_URL);
		}
		if (bodyTokens > 0) {
			throw refused(TokenRefusal.TOKEN_IN_BODY);
		}
		try {
			return this.headerResolver.resolve(request);
		}
		catch (OAuth2AuthenticationException ex) {
			// "Bearer token is malformed": the library's text replaced by the fixed one
			throw refused(TokenRefusal.MALFORMED);
		}
	}

	private static OAuth2AuthenticationException refused(TokenRefusal refusal) {
		return new OAuth2AuthenticationException(refusal.error());
	}

	private static int bearerHeaders(HttpServletRequest request) {
		int count = 0;
		for (String value : Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION))) {
			if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				count++;
			}
		}
		return count;
	}

	private static int queryTokens(@Nullable String query) {
		if (query == null) {
			return 0;
		}
		int count = 0;
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = (equals >= 0) ? parameter.substring(0, equals) : parameter;
			if (ACCESS_TOKEN_PARAMETER.equals(decode(name))) {
				count++;
			}
		}
		return count;
	}

	/**
	 * {@code access_token} fields of a form-encoded body (parameters minus the query's).
	 */
	private static int bodyTokens(HttpServletRequest request, int queryTokens) {
		String contentType = request.getContentType();
		if (HttpMethod.GET.matches(request.getMethod()) || contentType == null
				|| !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
			return 0;
		}
		String[] values = request.getParameterValues(ACCESS_TOKEN_PARAMETER);
		return Math.max(0, ((values != null) ? values.length : 0) - queryTokens);
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
