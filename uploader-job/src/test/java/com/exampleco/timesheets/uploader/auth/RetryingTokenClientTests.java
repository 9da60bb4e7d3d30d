package com.exampleco.timesheets.uploader.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.exampleco.timesheets.uploader.config.UploaderProperties;
import com.exampleco.timesheets.uploader.upload.Backoff;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which token-request failures are retried, and for how long.
 */
class RetryingTokenClientTests {

	static final OAuth2ClientCredentialsGrantRequest REQUEST = new OAuth2ClientCredentialsGrantRequest(
			ClientRegistration.withRegistrationId("t")
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.clientId("c")
				.clientSecret("s")
				.tokenUri("http://127.0.0.1:1/oauth2/token")
				.build());

	static final OAuth2AccessTokenResponse TOKEN = OAuth2AccessTokenResponse.withToken("t")
		.tokenType(OAuth2AccessToken.TokenType.BEARER)
		.expiresIn(600)
		.build();

	final AtomicInteger attempts = new AtomicInteger();

	final List<Duration> waits = new ArrayList<>();

	@Test
	void retriesUnreachableAndServerErrorsThenReturnsTheToken() {
		List<RuntimeException> failures = List.of(unreachable(), status(HttpStatus.SERVICE_UNAVAILABLE),
				status(HttpStatus.TOO_MANY_REQUESTS), status(HttpStatus.BAD_GATEWAY));
		RetryingTokenClient client = client(Duration.ofSeconds(10), () -> {
			int attempt = this.attempts.getAndIncrement();
			if (attempt < failures.size()) {
				throw failures.get(attempt);
			}
			return TOKEN;
		});

		assertThat(client.getTokenResponse(REQUEST)).isSameAs(TOKEN);
		assertThat(this.attempts).hasValue(5);
		assertThat(this.waits).hasSize(4);
	}

	@Test
	void failsAtOnceForAnswersThatWaitingCannotMend() {
		for (RuntimeException failure : List.of(status(HttpStatus.UNAUTHORIZED), status(HttpStatus.BAD_REQUEST),
				new OAuth2AuthorizationException(new OAuth2Error("invalid_scope")))) {
			this.attempts.set(0);
			RetryingTokenClient client = client(Duration.ofSeconds(10), () -> {
				this.attempts.incrementAndGet();
				throw failure;
			});

			assertThatExceptionOfType(OAuth2AuthorizationException.class)
				.isThrownBy(() -> client.getTokenResponse(REQUEST))
				.isSameAs(failure);
			assertThat(this.attempts).as(failure.toString()).hasValue(1);
		}
		assertThat(this.waits).isEmpty();
	}

	@Test
	void givesUpWithTheLastFailureOnceTheDeadlineWouldPass() {
		RuntimeException down = unreachable();
		RetryingTokenClient client = client(Duration.ofMillis(300), () -> {
			this.attempts.incrementAndGet();
			throw down;
		});

		assertThatExceptionOfType(OAuth2AuthorizationException.class).isThrownBy(() -> client.getTokenResponse(REQUEST))
			.isSameAs(down);
		// waits of 50–100 ms, 100–200 ms, 200–400 ms: the third or fourth would pass 300
		// ms
		assertThat(this.attempts.get()).isBetween(2, 4);
		assertThat(this.waits.stream().mapToLong(Duration::toMillis).sum()).isLessThanOrEqualTo(300);
	}

	@Test
	void waitsAtLeastTheRetryAfterOfA503() {
		RetryingTokenClient client = client(Duration.ofSeconds(10), () -> {
			if (this.attempts.getAndIncrement() == 0) {
				HttpHeaders headers = new HttpHeaders();
				headers.set(HttpHeaders.RETRY_AFTER, "1");
				throw wrap(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", headers,
						new byte[0], StandardCharsets.UTF_8));
			}
			return TOKEN;
		});

		assertThat(client.getTokenResponse(REQUEST)).isSameAs(TOKEN);
		assertThat(this.waits).containsExactly(Duration.ofSeconds(1));
	}

	private RetryingTokenClient client(Duration deadline, TokenCall call) {
		Backoff backoff = new Backoff(new UploaderProperties.Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2));
		return new RetryingTokenClient((request) -> call.get(), backoff, deadline, Clock.systemUTC(),
				(retry, why, delay) -> this.waits.add(delay));
	}

	private static OAuth2AuthorizationException unreachable() {
		return wrap(new ResourceAccessException("I/O error", new IOException("Connection refused")));
	}

	private static OAuth2AuthorizationException status(HttpStatus status) {
		Exception answer = status.is5xxServerError()
				? HttpServerErrorException.create(status, status.name(), new HttpHeaders(), new byte[0],
						StandardCharsets.UTF_8)
				: HttpClientErrorException.create(status, status.name(), new HttpHeaders(), new byte[0],
						StandardCharsets.UTF_8);
		return wrap(answer);
	}

	private static OAuth2AuthorizationException wrap(Exception cause) {
		return new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response"), cause);
	}

	@FunctionalInterface
	interface TokenCall {

		OAuth2AccessTokenResponse get();

	}

}
