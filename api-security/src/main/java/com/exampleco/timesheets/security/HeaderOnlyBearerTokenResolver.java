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
 * <p>
 * The header is parsed by {@link #headerToken} with the same verdicts as
 * {@link DefaultBearerTokenResolver} (its
 * {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive), without the regular
 * expression: matching it over a token of a thousand characters was about 4 % of a query
 * API request thread (issue 18).
 */
final class HeaderOnlyBearerTokenResolver implements BearerTokenResolver {

	private static final String ACCESS_TOKEN_PARAMETER = "access_token";

	private static final String BEARER = "bearer";

	// "Bearer" and the one space after it
	private static final int TOKEN_START = BEARER.length() + 1;

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
		return headerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
	}

	/**
	 * The token of an {@code Authorization} header value, as
	 * {@link DefaultBearerTokenResolver} reads it: null for another scheme (a value not
	 * starting with {@code bearer}, any case); else {@code Bearer}, one space and an RFC
	 * 6750 b64token
	 * ({@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}), nothing
	 * else.
	 * @param authorization the first {@code Authorization} header, or null
	 * @return the token, or null
	 * @throws OAuth2AuthenticationException ({@link TokenRefusal#MALFORMED}) for a
	 * {@code bearer} value that is not exactly that
	 */
	static @Nullable String headerToken(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		int length = authorization.length();
		if (length <= TOKEN_START || authorization.charAt(TOKEN_START - 1) != ' ') {
			throw refused(TokenRefusal.MALFORMED);
		}
		int i = TOKEN_START;
		while (i < length && isTokenCharacter(authorization.charAt(i))) {
			i++;
		}
		if (i == TOKEN_START) {
			throw refused(TokenRefusal.MALFORMED);
		}
		while (i < length && authorization.charAt(i) == '=') {
			i++;
		}
		if (i != length) {
			throw refused(TokenRefusal.MALFORMED);
		}
		return authorization.substring(TOKEN_START);
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
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
