package com.exampleco.timesheets.uploader.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.exampleco.timesheets.uploader.upload.Backoff;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.client.RestClientResponseException;

/**
 * The token request, retried while the authorization server is unreachable or in trouble:
 * a failed connection, a time-out, {@code 429} or a {@code 5xx} answer waits per
 * {@link Backoff} (exponential with jitter, never sooner than {@code Retry-After}) and is
 * tried again until {@code retryDeadline} after the first attempt; then the last failure
 * is thrown (exit code 2). Any other answer — {@code 401 invalid_client},
 * {@code 400 invalid_scope}, … — cannot get better by waiting and is thrown at once. A
 * token request changes nothing at the issuer, so repeating it is harmless; the batches
 * waiting for the token keep their {@code Idempotency-Key}s.
 */
public class RetryingTokenClient implements OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> {

	private final OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> delegate;

	private final Backoff backoff;

	private final Duration retryDeadline;

	private final Clock clock;

	private final RetryListener listener;

	public RetryingTokenClient(OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> delegate,
			Backoff backoff, Duration retryDeadline, Clock clock, RetryListener listener) {
		this.delegate = delegate;
		this.backoff = backoff;
		this.retryDeadline = retryDeadline;
		this.clock = clock;
		this.listener = listener;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(OAuth2ClientCredentialsGrantRequest request) {
		Instant deadline = this.clock.instant().plus(this.retryDeadline);
		URI tokenUri = URI.create(request.getClientRegistration().getProviderDetails().getTokenUri());
		int retries = 0;
		while (true) {
			try {
				return this.delegate.getTokenResponse(request);
			}
			catch (OAuth2AuthorizationException ex) {
				if (!isTransient(ex)) {
					throw ex;
				}
				retries++;
				Duration delay = this.backoff.delay(retries, retryAfter(ex));
				if (this.clock.instant().plus(delay).isAfter(deadline)) {
					throw ex;
				}
				this.listener.retrying(retries, TokenSource.translate(ex, tokenUri).getMessage(), delay);
				sleep(delay, ex);
			}
		}
	}

	/**
	 * Whether waiting may help: no answer at all (connection refused, time-out), or
	 * {@code 429} or {@code 5xx}.
	 * @param ex the failure of one token request
	 * @return true for a failure worth retrying
	 */
	static boolean isTransient(OAuth2AuthorizationException ex) {
		RestClientResponseException answer = TokenSource.causeOf(ex, RestClientResponseException.class);
		if (answer != null) {
			int status = answer.getStatusCode().value();
			return status == 429 || status >= 500;
		}
		return TokenSource.causeOf(ex, IOException.class) != null;
	}

	private static @Nullable Duration retryAfter(OAuth2AuthorizationException ex) {
		RestClientResponseException answer = TokenSource.causeOf(ex, RestClientResponseException.class);
		HttpHeaders headers = (answer != null) ? answer.getResponseHeaders() : null;
		String value = (headers != null) ? headers.getFirst(HttpHeaders.RETRY_AFTER) : null;
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ignored) {
			return null;
		}
	}

	private static void sleep(Duration delay, OAuth2AuthorizationException failure) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure;
		}
	}

	/** Hears about retries of the token request, for progress output. */
	@FunctionalInterface
	public interface RetryListener {

		/**
		 * A retry is about to wait.
		 * @param retry one-based retry number
		 * @param why what went wrong, in words, without secrets
		 * @param delay the wait
		 */
		void retrying(int retry, String why, Duration delay);

	}

}
