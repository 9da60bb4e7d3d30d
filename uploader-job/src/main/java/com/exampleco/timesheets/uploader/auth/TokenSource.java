package com.exampleco.timesheets.uploader.auth;

import java.io.IOException;
import java.net.URI;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.client.RestClientResponseException;

/**
 * The job's access token: fetched with the client-credentials grant on first use and then
 * reused from the authorized-client manager's cache until shortly before it expires. Used
 * up front so that a bad secret or an unreachable authorization server stops the run
 * before any file is touched.
 */
public class TokenSource {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OAuth2AuthorizedClientManager manager;

	private final String registrationId;

	private final Authentication principal;

	private final IntSupplier tokenRequests;

	public TokenSource(OAuth2AuthorizedClientManager manager, String registrationId, Authentication principal,
			IntSupplier tokenRequests) {
		this.manager = manager;
		this.registrationId = registrationId;
		this.principal = principal;
		this.tokenRequests = tokenRequests;
	}

	/**
	 * Makes sure a token is at hand, fetching one if needed.
	 * @param tokenUri the token endpoint, for messages
	 * @throws AuthenticationProblem when no token can be had
	 */
	public void ensureToken(URI tokenUri) {
		try {
			this.manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId)
				.principal(this.principal)
				.build());
		}
		catch (OAuth2AuthorizationException ex) {
			throw translate(ex, tokenUri);
		}
	}

	/**
	 * How many token requests this run made so far.
	 * @return the count
	 */
	public int tokenRequests() {
		return this.tokenRequests.getAsInt();
	}

	/**
	 * Says in words why a token could not be had.
	 * @param ex the failure of the token request
	 * @param tokenUri the token endpoint
	 * @return the problem to stop the run with
	 */
	public static AuthenticationProblem translate(OAuth2AuthorizationException ex, URI tokenUri) {
		String code = ex.getError().getErrorCode();
		RestClientResponseException answer = causeOf(ex, RestClientResponseException.class);
		if (answer != null && answer.getStatusCode().value() == 401) {
			// RFC 6749 5.2: a refused client is 401 invalid_client; Spring reads error
			// bodies of 400 answers only, so this one arrives as a plain HTTP error
			return new AuthenticationProblem(AuthenticationProblem.Kind.CREDENTIALS_REFUSED,
					"the authorization server refused the client credentials (" + errorCode(answer)
							+ "): check the client id and secret");
		}
		if (answer != null) {
			return new AuthenticationProblem(AuthenticationProblem.Kind.AUTH_SERVER_UNREACHABLE,
					"the authorization server at " + tokenUri + " answered HTTP " + answer.getStatusCode().value()
							+ " to the token request");
		}
		if (causeOf(ex, IOException.class) != null) {
			return new AuthenticationProblem(AuthenticationProblem.Kind.AUTH_SERVER_UNREACHABLE,
					"cannot reach the authorization server at " + tokenUri + " (" + rootCauseName(ex) + ")");
		}
		if (OAuth2ErrorCodes.INVALID_CLIENT.equals(code) || OAuth2ErrorCodes.UNAUTHORIZED_CLIENT.equals(code)
				|| OAuth2ErrorCodes.ACCESS_DENIED.equals(code)) {
			return new AuthenticationProblem(AuthenticationProblem.Kind.CREDENTIALS_REFUSED,
					"the authorization server refused the client credentials (" + code
							+ "): check the client id and secret");
		}
		if (OAuth2ErrorCodes.INVALID_SCOPE.equals(code)) {
			return new AuthenticationProblem(AuthenticationProblem.Kind.CREDENTIALS_REFUSED,
					"the authorization server refused the requested scope (invalid_scope)");
		}
		String description = ex.getError().getDescription();
		return new AuthenticationProblem(AuthenticationProblem.Kind.AUTH_SERVER_UNREACHABLE,
				"no usable token from the authorization server at " + tokenUri + " (" + code
						+ ((description != null) ? ": " + abbreviate(description) : "") + ")");
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	private static String errorCode(RestClientResponseException answer) {
		try {
			JsonNode body = JSON.readTree(answer.getResponseBodyAsByteArray());
			String error = (body != null) ? body.path("error").asString("") : "";
			// an error code is a short token; anything else is not echoed
			return error.matches("[a-z_]{1,40}") ? error : "HTTP 401";
		}
		catch (JacksonException notJson) {
			return "HTTP 401";
		}
	}

	static <T extends Throwable> @Nullable T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String rootCauseName(Throwable ex) {
		return NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName();
	}

}
