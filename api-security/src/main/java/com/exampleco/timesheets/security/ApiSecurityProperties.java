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
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param jwks how the issuer's key set is cached and refetched
 */
@ConfigurationProperties("timesheets.security")
@Validated
public record ApiSecurityProperties(@NotBlank @DefaultValue(DEFAULT_AUDIENCE) String audience, @NotNull URI issuerUri,
		@Nullable URI jwkSetUri, @NotNull @DefaultValue("30s") Duration clockSkew,
		@NotBlank @DefaultValue(DEFAULT_EMPLOYEE_CLAIM) String employeeClaim,
		@NotBlank @DefaultValue(DEFAULT_TEAM_CLAIM) String teamClaim,
		@NotNull @DefaultValue("when-no-scope") PermissionsClaim permissionsClaim,
		@Valid @NotNull @DefaultValue TokenCache tokenCache, @Valid @NotNull @DefaultValue Jwks jwks) {

	/** The production API identifier. */
	public static final String DEFAULT_AUDIENCE = "https://api.timesheets.exampleco.com";

	/** The namespaced custom claim Auth0 actions add for employee-bound tokens. */
	public static final String DEFAULT_EMPLOYEE_CLAIM = "https://timesheets.exampleco.com/employee_id";

	/** The namespaced custom claim that lists a manager's team (the auth server's). */
	public static final String DEFAULT_TEAM_CLAIM = "https://timesheets.exampleco.com/team";

	/** The constructor the properties are bound through. */
	@ConstructorBinding
	public ApiSecurityProperties {
	}

	/**
	 * The properties with the default key-set rules ({@link Jwks#defaults()}).
	 * @param audience the API identifier
	 * @param issuerUri the issuer
	 * @param jwkSetUri the key set's location, or null to discover it
	 * @param clockSkew tolerance of {@code exp} and {@code nbf}
	 * @param employeeClaim the employee claim's name
	 * @param teamClaim the team claim's name
	 * @param permissionsClaim when {@code permissions} counts
	 * @param tokenCache the verified-token cache
	 */
	public ApiSecurityProperties(String audience, URI issuerUri, @Nullable URI jwkSetUri, Duration clockSkew,
			String employeeClaim, String teamClaim, PermissionsClaim permissionsClaim, TokenCache tokenCache) {
		this(audience, issuerUri, jwkSetUri, clockSkew, employeeClaim, teamClaim, permissionsClaim, tokenCache,
				Jwks.defaults());
	}

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

	/**
	 * How the issuer's JWK Set is kept ({@code timesheets.security.jwks.*}); the rules
	 * are {@link IssuerKeySet}'s and the module README's.
	 *
	 * @param cacheTtl how long a fetched key set is used before the next request
	 * refreshes it
	 * @param minRefetchInterval the shortest time between two requests to the issuer for
	 * keys, whatever asks for them (a token with an unknown {@code kid}, an expired
	 * cache, a failed attempt); a flood of unknown-{@code kid} tokens costs at most one
	 * request per interval
	 * @param outageTolerance how long beyond {@code cacheTtl} the last key set fetched is
	 * still used while the issuer cannot be reached; after that tokens are answered 503
	 * until a fetch succeeds
	 * @param timeout connect and read time-out of one request to the issuer
	 */
	public record Jwks(@NotNull @DefaultValue("5m") Duration cacheTtl,
			@NotNull @DefaultValue("30s") Duration minRefetchInterval,
			@NotNull @DefaultValue("1h") Duration outageTolerance, @NotNull @DefaultValue("2s") Duration timeout) {

		public Jwks {
			requireNotNegative(cacheTtl, "cache-ttl");
			requireNotNegative(minRefetchInterval, "min-refetch-interval");
			requireNotNegative(outageTolerance, "outage-tolerance");
			if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
				throw new IllegalArgumentException("timesheets.security.jwks.timeout must be positive");
			}
		}

		/**
		 * The defaults: five minutes, 30 seconds, one hour, two seconds.
		 * @return the default rules
		 */
		public static Jwks defaults() {
			return new Jwks(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(2));
		}

		private static void requireNotNegative(@Nullable Duration duration, String name) {
			if (duration != null && duration.isNegative()) {
				throw new IllegalArgumentException("timesheets.security.jwks." + name + " must not be negative");
			}
		}

	}

}
