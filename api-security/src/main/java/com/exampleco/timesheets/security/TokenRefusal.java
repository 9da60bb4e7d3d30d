package com.exampleco.timesheets.security;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.resource.BearerTokenError;

/**
 * Every reason a request's token is refused, each with its RFC 6750 error code, its HTTP
 * status and one fixed {@code error_description}. Only these texts are ever sent: what a
 * library says about a failure (which check, which claim, which key) stays on the server,
 * so an answer tells a client what to fix without telling an attacker which check it
 * tripped. The texts are documented in the module README; tests assert them exactly.
 */
enum TokenRefusal {

	/** Not a JWT, or an {@code Authorization} header that is no {@code Bearer} token. */
	MALFORMED(OAuth2ErrorCodes.INVALID_TOKEN, "The access token is malformed"),

	/** {@code exp} (plus the clock skew) has passed. */
	EXPIRED(OAuth2ErrorCodes.INVALID_TOKEN, "The access token has expired"),

	/** {@code nbf} (minus the clock skew) is still ahead. */
	NOT_YET_VALID(OAuth2ErrorCodes.INVALID_TOKEN, "The access token is not valid yet"),

	/**
	 * Signature, algorithm, key, issuer, audience, type, or a required claim
	 * ({@code exp}, {@code sub}): one text for all, so the answer does not say which.
	 */
	NOT_ACCEPTED(OAuth2ErrorCodes.INVALID_TOKEN, "The access token is not accepted by this API"),

	/** The employee claim is present but not a string employee id. */
	EMPLOYEE_CLAIM(OAuth2ErrorCodes.INVALID_TOKEN, "The access token's employee claim is not a valid employee id"),

	/**
	 * The team claim is present but not an array of employee ids (or too long), or comes
	 * without an employee claim.
	 */
	TEAM_CLAIM(OAuth2ErrorCodes.INVALID_TOKEN, "The access token's team claim is not a list of employee ids"),

	/** No employee claim, and not a client-credentials token either (a user's token). */
	NO_IDENTITY(OAuth2ErrorCodes.INVALID_TOKEN,
			"The access token names neither an employee nor a client acting for itself"),

	/** {@code scope}, {@code scp} or {@code permissions} not in their strict shapes. */
	SCOPE_CLAIMS(OAuth2ErrorCodes.INVALID_TOKEN, "The access token's scope claims are malformed"),

	/** A token in the header and in the query or body, or several in one place. */
	SEVERAL_TOKENS(OAuth2ErrorCodes.INVALID_REQUEST,
			"The access token was sent more than once; send it once, in the Authorization header"),

	/** A token in the query string only. */
	TOKEN_IN_URL(OAuth2ErrorCodes.INVALID_REQUEST,
			"Access tokens are accepted in the Authorization header only, not in the URL"),

	/** A token in a form-encoded body only. */
	TOKEN_IN_BODY(OAuth2ErrorCodes.INVALID_REQUEST,
			"Access tokens are accepted in the Authorization header only, not in the request body");

	private final String errorCode;

	private final String description;

	TokenRefusal(String errorCode, String description) {
		this.errorCode = errorCode;
		this.description = description;
	}

	String errorCode() {
		return this.errorCode;
	}

	String description() {
		return this.description;
	}

	/**
	 * RFC 6750 section 3.1: {@code invalid_request} is a 400, {@code invalid_token} a
	 * 401.
	 */
	HttpStatus status() {
		return OAuth2ErrorCodes.INVALID_REQUEST.equals(this.errorCode) ? HttpStatus.BAD_REQUEST
				: HttpStatus.UNAUTHORIZED;
	}

	/** The error as Spring Security carries it. */
	BearerTokenError error() {
		return new BearerTokenError(this.errorCode, status(), this.description, null);
	}

	/**
	 * The refusal an error stands for: the one whose fixed text it carries; otherwise (an
	 * error raised by a library, or by an app's own decoder) the catch-all of its code,
	 * so no other text ever reaches a client.
	 * @param error any error
	 * @return the refusal, or empty when the code is neither {@code invalid_token} nor
	 * {@code invalid_request}
	 */
	static Optional<TokenRefusal> of(OAuth2Error error) {
		for (TokenRefusal refusal : values()) {
			if (refusal.errorCode.equals(error.getErrorCode()) && refusal.description.equals(error.getDescription())) {
				return Optional.of(refusal);
			}
		}
		return switch (error.getErrorCode()) {
			case OAuth2ErrorCodes.INVALID_TOKEN -> Optional.of(NOT_ACCEPTED);
			case OAuth2ErrorCodes.INVALID_REQUEST -> Optional.of(SEVERAL_TOKENS);
			default -> Optional.empty();
		};
	}

}
