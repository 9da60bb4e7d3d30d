package com.exampleco.timesheets.uploader.auth;

/**
 * The job could not authenticate: the authorization server refused its credentials or
 * could not be reached, or an API refused its token. The run stops with exit code 2;
 * files not yet finished stay in the inbox. The message never contains a secret or a
 * token.
 */
public class AuthenticationProblem extends RuntimeException {

	private final Kind kind;

	public AuthenticationProblem(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	/**
	 * What went wrong.
	 * @return the kind, never null
	 */
	public Kind kind() {
		return this.kind;
	}

	/** The distinct causes, each with its own message. */
	public enum Kind {

		/** The token endpoint refused the client id or secret. */
		CREDENTIALS_REFUSED,

		/** The token endpoint could not be reached or answered nonsense. */
		AUTH_SERVER_UNREACHABLE,

		/** An API refused a freshly fetched token (audience, issuer, scope). */
		TOKEN_REFUSED

	}

}
