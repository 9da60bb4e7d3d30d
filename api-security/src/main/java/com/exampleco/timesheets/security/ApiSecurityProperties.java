package com.exampleco.timesheets.security;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a web API validates the access tokens it receives ({@code timesheets.security.*}).
 *
 * @param audience the API identifier every token's {@code aud} must contain
 * @param issuerUri the issuer; the token's {@code iss} must equal it exactly (mind the
 * trailing slash: Auth0 issuers end with {@code /})
 * @param jwkSetUri where the signing keys are; when absent, discovered from
 * {@code issuerUri + /.well-known/openid-configuration} on the first token, so an app
 * starts even while its issuer is not up yet
 * @param clockSkew tolerance applied to {@code exp} and {@code nbf}
 * @param employeeClaim the claim that names the employee a token acts for, if any; when
 * present it must be a string employee id, and a token without it must be a
 * client-credentials token
 * @param teamClaim the claim that lists a manager's team (employee ids); when present it
 * must be an array of string employee ids and come with the employee claim
 * @param permissionsClaim when Auth0's {@code permissions} claim counts
 * @param tokenCache how many verified tokens to remember, and for how long
 */
@ConfigurationProperties("timesheets.security")
@Validated
public record ApiSecurityProperties(@NotBlank @DefaultValue(DEFAULT_AUDIENCE) String audience, @NotNull URI issuerUri,
		@Nullable URI jwkSetUri, @NotNull @DefaultValue("30s") Duration clockSkew,
		@NotBlank @DefaultValue(DEFAULT_EMPLOYEE_CLAIM) String employeeClaim,
		@NotBlank @DefaultValue(DEFAULT_TEAM_CLAIM) String teamClaim,
		@NotNull @DefaultValue("when-no-scope") PermissionsClaim permissionsClaim,
		@Valid @NotNull @DefaultValue TokenCache tokenCache) {

	/** The production API identifier. */
	public static final String DEFAULT_AUDIENCE = "https://api.timesheets.exampleco.com";

	/** The namespaced custom claim Auth0 actions add for employee-bound tokens. */
	public static final String DEFAULT_EMPLOYEE_CLAIM = "https://timesheets.exampleco.com/employee_id";

	/** The namespaced custom claim that lists a manager's team (the auth server's). */
	public static final String DEFAULT_TEAM_CLAIM = "https://timesheets.exampleco.com/team";

	/**
	 * When Auth0's {@code permissions} array grants scopes
	 * ({@code timesheets.security.permissions-claim}). A {@code scope} or {@code scp}
	 * claim, when present, always decides alone: with RBAC, {@code permissions} lists
	 * everything the user or client may do, whatever the token was requested for.
	 */
	public enum PermissionsClaim {

		/**
		 * {@code permissions} grants its scopes only when the token has neither
		 * {@code scope} nor {@code scp} (the default).
		 */
		WHEN_NO_SCOPE,

		/** {@code permissions} never grants anything; only {@code scope}/{@code scp}. */
		IGNORE

	}

	/**
	 * The cache of verified tokens ({@code timesheets.security.token-cache.*}): a client
	 * that sends the same token again skips the signature check and the claim parsing. A
	 * remembered token is checked for {@code exp}/{@code nbf} (with the skew) on every
	 * use; failures are never remembered.
	 *
	 * @param maxEntries how many tokens at most; 0 turns the cache off
	 * @param maxAge how long after its verification a token may be served from the cache
	 * (never beyond its expiry); keep it at most the issuer key set's cache lifetime
	 * (five minutes), so a withdrawn key stops working no later than without the cache
	 */
	public record TokenCache(@DefaultValue("1000") @Min(0) @Max(100_000) int maxEntries,
			@NotNull @DefaultValue("5m") Duration maxAge) {

		public TokenCache {
			if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
				throw new IllegalArgumentException("timesheets.security.token-cache.max-age must be positive");
			}
		}

	}

}
