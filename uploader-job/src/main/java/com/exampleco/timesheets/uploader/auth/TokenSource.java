package com.exampleco.timesheets.uploader.auth;

import java.io.IOException;
import java.net.URI;
import java.util.function.IntSupplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The job's access token: fetched with the client-credentials grant on first use and then
 * reused from the authorized-client manager's cache until shortly before it expires. Used
 * up front so that a bad secret or an unreachable authorization server stops the run
 * before any file is touched.
 */
public class TokenSource {

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
		if (hasCause(ex, IOException.class)) {
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
		return new AuthenticationProblem(AuthenticationProblem.Kind.AUTH_SERVER_UNREACHABLE,
				"no usable token from the authorization server at " + tokenUri + " (" + code + ")");
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static String rootCauseName(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

}
