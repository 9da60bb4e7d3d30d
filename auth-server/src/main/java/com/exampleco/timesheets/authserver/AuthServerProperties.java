package com.exampleco.timesheets.authserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the authorization server, bound from {@code timesheets.auth.*}.
 *
 * @param issuer the issuer ({@code iss}) of tokens and discovery documents; when null it
 * is derived from each request's scheme, host and port
 * @param audience the API identifier put in every access token's {@code aud}
 * @param employeeClaim the name of the claim that carries a client's employee id
 * @param accessTokenTtl lifetime of access tokens
 * @param keyFile JWK Set file holding the RSA signing keys (the first signs, all are
 * published); created with one key when missing; when null a fresh key is generated at
 * every start
 * @param clients registered clients by a short name (the name only serves configuration
 * keys, such as {@code TIMESHEETS_AUTH_CLIENTS_UPLOADER_SECRET})
 * @param teamClaim the name of the claim that carries a manager's team (the employee ids
 * they approve for)
 * @param refreshTokenTtl lifetime of refresh tokens (confidential apps only)
 * @param apps applications that sign people in (authorization code + PKCE), by a short
 * name
 * @param users people who sign in with the login form, by a short name
 * @param keyFilePollInterval how often the key file is read again for a rotation; zero:
 * never
 * @param adminAudience the audience a token must carry to use the client administration
 * API ({@code /admin/clients/**}); given to the administrating client as its
 * {@link Client#audience()}
 */
@ConfigurationProperties("timesheets.auth")
@Validated
record AuthServerProperties(@Nullable String issuer,
		@DefaultValue("https://api.timesheets.exampleco.com") @NotBlank String audience,
		@DefaultValue("https://timesheets.exampleco.com/employee_id") @NotBlank String employeeClaim,
		@DefaultValue("10m") Duration accessTokenTtl, @Nullable Path keyFile,
		@NotEmpty(
				message = "configure at least one client under timesheets.auth.clients") Map<String, @Valid Client> clients,
		@DefaultValue("https://timesheets.exampleco.com/team") @NotBlank String teamClaim,
		@DefaultValue("8h") Duration refreshTokenTtl, @DefaultValue Map<String, @Valid App> apps,
		@DefaultValue Map<String, @Valid User> users, @DefaultValue("5s") Duration keyFilePollInterval,
		@DefaultValue("timesheets-auth-admin") @NotBlank String adminAudience) {

	AuthServerProperties {
		if (keyFilePollInterval != null && keyFilePollInterval.isNegative()) {
			throw new IllegalArgumentException("timesheets.auth.key-file-poll-interval must not be negative");
		}
	}

	/**
	 * One client allowed to use the client-credentials grant.
	 *
	 * @param clientId the OAuth 2.0 client id, also put in the token's {@code azp}
	 * @param secret the client secret, either encoded with a {@code {id}} prefix such as
	 * {@code {bcrypt}...} or {@code {noop}...}, or plain (then stored as {@code {noop}})
	 * @param scopes the scopes the client may be granted
	 * @param employeeId the employee the client acts as, put in the employee claim; null
	 * for none
	 * @param permissions whether tokens also carry an Auth0-style {@code permissions}
	 * array
	 * @param audience the {@code aud} of this client's tokens; null for the API
	 * identifier ({@link AuthServerProperties#audience()}). Kafka clients get the Kafka
	 * cluster's audience ({@code timesheets-kafka}), so their tokens are useless against
	 * the APIs and the APIs' tokens useless against the broker.
	 * @param accessTokenTtl the lifetime of this client's access tokens; null for
	 * {@link AuthServerProperties#accessTokenTtl()}
	 */
	record Client(@NotBlank String clientId, @NotBlank String secret, @NotEmpty Set<@NotBlank String> scopes,
			@Nullable String employeeId, @DefaultValue("false") boolean permissions, @Nullable String audience,
			@Nullable Duration accessTokenTtl) {

		@Override
		public String toString() {
			// keep the secret out of logs and failure analyses
			return "Client[clientId=" + this.clientId + ", scopes=" + this.scopes + ", employeeId=" + this.employeeId
					+ ", permissions=" + this.permissions + ", audience=" + this.audience + "]";
		}

	}

	/**
	 * An application that signs people in with the authorization code grant and PKCE
	 * (S256).
	 *
	 * @param clientId the OAuth 2.0 client id
	 * @param secret the client secret (encoded like a client's); null for a public client
	 * (a browser or mobile app that cannot keep a secret: no refresh tokens)
	 * @param scopes the scopes the app may ask for (OIDC scopes such as {@code openid}
	 * included)
	 * @param redirectUris where the authorization response may be sent
	 * @param postLogoutRedirectUris where RP-initiated logout may return to
	 * @param consent whether the person must consent to the scopes (third-party apps)
	 */
	record App(@NotBlank String clientId, @Nullable String secret, @NotEmpty Set<@NotBlank String> scopes,
			@NotEmpty Set<@NotBlank String> redirectUris, @DefaultValue Set<@NotBlank String> postLogoutRedirectUris,
			@DefaultValue("false") boolean consent) {

		boolean isPublic() {
			return this.secret == null || this.secret.isBlank();
		}

		@Override
		public String toString() {
			return "App[clientId=" + this.clientId + ", scopes=" + this.scopes + ", public=" + isPublic() + "]";
		}

	}

	/**
	 * A person who signs in with the login form.
	 *
	 * @param username the login name, also the tokens' {@code sub}
	 * @param password the password, encoded with a {@code {id}} prefix of Spring
	 * Security's delegating password encoder other than {@code {noop}}, e.g.
	 * {@code {bcrypt}$2a$10$…}
	 * @param employeeId the person's employee id, put in the employee claim
	 * @param team for a manager, the employee ids they approve for, put in the team
	 * claim; empty for everybody else
	 * @param permissions the API scopes this person may be granted (an app's request is
	 * narrowed to them, as Auth0 does with RBAC)
	 */
	record User(@NotBlank String username, @NotBlank @Pattern(regexp = "\\{(?!noop\\})[^}]+}.+",
			message = "must be encoded with a {id} prefix of the delegating password encoder other than {noop}, e.g. {bcrypt}$2a$10$…") String password,
			@NotBlank String employeeId, @DefaultValue Set<@NotBlank String> team,
			@DefaultValue Set<@NotBlank String> permissions) {

		@Override
		public String toString() {
			return "User[username=" + this.username + ", employeeId=" + this.employeeId + ", team=" + this.team
					+ ", permissions=" + this.permissions + "]";
		}

	}

}
