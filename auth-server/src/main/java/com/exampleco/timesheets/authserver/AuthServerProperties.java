package com.exampleco.timesheets.authserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
 * @param keyFile JWK file holding the RSA signing key; created when missing; when null a
 * fresh key is generated at every start
 * @param clients registered clients by a short name (the name only serves configuration
 * keys, such as {@code TIMESHEETS_AUTH_CLIENTS_UPLOADER_SECRET})
 */
@ConfigurationProperties("timesheets.auth")
@Validated
record AuthServerProperties(@Nullable String issuer,
		@DefaultValue("https://api.timesheets.exampleco.com") @NotBlank String audience,
		@DefaultValue("https://timesheets.exampleco.com/employee_id") @NotBlank String employeeClaim,
		@DefaultValue("10m") Duration accessTokenTtl, @Nullable Path keyFile, @NotEmpty(
				message = "configure at least one client under timesheets.auth.clients") Map<String, @Valid Client> clients) {

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
	 */
	record Client(@NotBlank String clientId, @NotBlank String secret, @NotEmpty Set<@NotBlank String> scopes,
			@Nullable String employeeId, @DefaultValue("false") boolean permissions) {

		@Override
		public String toString() {
			// keep the secret out of logs and failure analyses
			return "Client[clientId=" + this.clientId + ", scopes=" + this.scopes + ", employeeId=" + this.employeeId
					+ ", permissions=" + this.permissions + "]";
		}

	}

}
