package com.exampleco.timesheets.uploader.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the uploader job ({@code timesheets.uploader.*}); each is documented with
 * its default in the module README. The command-line options ({@code --inbox},
 * {@code --batch-size}, …) are shorthands for these.
 *
 * @param inbox the folder whose files are uploaded; {@code done/} and {@code failed/} are
 * created inside it
 * @param batchSize entries per request
 * @param concurrency requests of one file in flight at once
 * @param dryRun read and validate only: no token, no request, nothing moved
 * @param await after each file, wait until the processor has seen every event
 * @param ingestUrl base URL of the ingest API
 * @param queryUrl base URL of the query API (used by {@code await})
 * @param connectTimeout TCP connect timeout of every HTTP call
 * @param requestTimeout how long one HTTP call may wait for its answer
 * @param retryDeadline how long one batch is retried after its first attempt
 * @param backoff the retry delays
 * @param awaitDeadline how long {@code await} waits for one file's batches
 * @param awaitPollInterval pause between two status polls of {@code await}
 * @param auth the OAuth 2.0 client
 */
@ConfigurationProperties("timesheets.uploader")
@Validated
public record UploaderProperties(@NotNull Path inbox, @DefaultValue("500") @Min(1) @Max(100_000) int batchSize,
		@DefaultValue("2") @Min(1) @Max(64) int concurrency, @DefaultValue("false") boolean dryRun,
		@DefaultValue("false") boolean await, @DefaultValue("http://localhost:8081") @NotNull URI ingestUrl,
		@DefaultValue("http://localhost:8082") @NotNull URI queryUrl,
		@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("60s") @NotNull Duration requestTimeout,
		@DefaultValue("5m") @NotNull Duration retryDeadline, @DefaultValue @Valid @NotNull Backoff backoff,
		@DefaultValue("5m") @NotNull Duration awaitDeadline, @DefaultValue("1s") @NotNull Duration awaitPollInterval,
		@DefaultValue @Valid @NotNull Auth auth) {

	/**
	 * Exponential back-off with jitter: the n-th retry waits a random time between half
	 * and all of {@code min(maxDelay, initialDelay * multiplier^(n-1))}, and never less
	 * than the server's {@code Retry-After}.
	 *
	 * @param initialDelay the delay before the first retry
	 * @param maxDelay the longest computed delay
	 * @param multiplier growth per retry
	 */
	public record Backoff(@DefaultValue("500ms") @NotNull Duration initialDelay,
			@DefaultValue("30s") @NotNull Duration maxDelay,
			@DefaultValue("2.0") @DecimalMin("1.0") double multiplier) {

	}

	/**
	 * The OAuth 2.0 client-credentials client. The secret comes from {@code clientSecret}
	 * (e.g. the environment variable {@code TIMESHEETS_UPLOADER_AUTH_CLIENT_SECRET}) or
	 * from {@code clientSecretFile}; it is never logged.
	 *
	 * @param tokenUri the authorization server's token endpoint
	 * @param clientId the client id
	 * @param clientSecret the client secret, or null when read from a file
	 * @param clientSecretFile a file holding the client secret (surrounding white space
	 * ignored), or null
	 * @param scope the scopes asked for, space-separated
	 * @param audience the {@code audience} parameter of the token request (Auth0 needs
	 * it), or null to send none
	 * @param retryDeadline how long a token request is retried (with the job's back-off)
	 * while the authorization server is unreachable or answers 429/5xx
	 */
	public record Auth(@DefaultValue("http://localhost:9000/oauth2/token") @NotNull URI tokenUri,
			@DefaultValue("timesheets-uploader") @NotBlank String clientId, @Nullable String clientSecret,
			@Nullable Path clientSecretFile, @DefaultValue("create:timesheets") @NotBlank String scope,
			@Nullable String audience, @DefaultValue("5m") @NotNull Duration retryDeadline) {

		@Override
		public String toString() {
			// never print the secret, even by accident
			return "Auth[tokenUri=" + this.tokenUri + ", clientId=" + this.clientId + ", scope=" + this.scope
					+ ", audience=" + this.audience + ", retryDeadline=" + this.retryDeadline + "]";
		}

	}

}
