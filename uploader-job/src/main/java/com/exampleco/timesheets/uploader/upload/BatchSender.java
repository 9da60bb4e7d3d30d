package com.exampleco.timesheets.uploader.upload;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.exampleco.timesheets.events.entry.Violation;
import com.exampleco.timesheets.uploader.auth.AuthenticationProblem;
import com.exampleco.timesheets.uploader.auth.TokenSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * Sends one batch until it is accepted, refused for good, or its retry deadline passes.
 * Retryable answers wait per {@link Backoff} (honouring {@code Retry-After}); a 401 drops
 * the token (done by the OAuth 2.0 interceptor) and is tried once more with a new one.
 * Every attempt carries the same {@code Idempotency-Key}, so the API names the same
 * events each time.
 */
public class BatchSender {

	private static final Logger logger = LoggerFactory.getLogger(BatchSender.class);

	private final IngestClient ingest;

	private final Backoff backoff;

	private final Duration retryDeadline;

	private final URI tokenUri;

	private final Clock clock;

	public BatchSender(IngestClient ingest, Backoff backoff, Duration retryDeadline, URI tokenUri, Clock clock) {
		this.ingest = ingest;
		this.backoff = backoff;
		this.retryDeadline = retryDeadline;
		this.tokenUri = tokenUri;
		this.clock = clock;
	}

	/**
	 * Sends a batch.
	 * @param batch the batch
	 * @param retryListener told about each retry, for progress output
	 * @return how it ended, never null
	 * @throws AuthenticationProblem when no token can be had or the API refuses a fresh
	 * token
	 * @throws InterruptedException when interrupted while waiting to retry
	 */
	public BatchResult send(Batch batch, RetryListener retryListener) throws InterruptedException {
		Instant deadline = this.clock.instant().plus(this.retryDeadline);
		int attempts = 0;
		int retries = 0;
		boolean tokenRenewed = false;
		while (true) {
			attempts++;
			IngestAnswer answer;
			try {
				answer = this.ingest.post(batch);
			}
			catch (OAuth2AuthorizationException ex) {
				throw TokenSource.translate(ex, this.tokenUri);
			}
			switch (answer.kind()) {
				case ACCEPTED:
					return new BatchResult(batch, BatchResult.Outcome.ACCEPTED, answer.batchId(), answer.accepted(),
							attempts, null, List.of());
				case UNAUTHORIZED:
					if (!tokenRenewed) {
						tokenRenewed = true;
						logger.debug("Batch {}: token refused, retrying once with a new token", batch.number());
						continue;
					}
					throw new AuthenticationProblem(AuthenticationProblem.Kind.TOKEN_REFUSED,
							"the ingest API refused a freshly issued token (" + answer.detail()
									+ "): check the issuer and audience the API expects");
				case FORBIDDEN:
					throw new AuthenticationProblem(AuthenticationProblem.Kind.TOKEN_REFUSED,
							"the ingest API denied the request (" + answer.detail()
									+ "): the client needs the create:timesheets scope");
				case KEY_REUSED:
					return new BatchResult(batch, BatchResult.Outcome.KEY_REUSED, null, 0, attempts,
							"the ingest API holds the Idempotency-Key " + batch.idempotencyKey()
									+ " for a different request and published nothing of this batch (" + answer.detail()
									+ ")",
							List.of());
				case REFUSED:
					return new BatchResult(batch, BatchResult.Outcome.REFUSED, null, 0, attempts, answer.detail(),
							toFileLines(batch, answer.violations()));
				default:
					retries++;
					Duration delay = this.backoff.delay(retries, answer.retryAfter());
					if (this.clock.instant().plus(delay).isAfter(deadline)) {
						return new BatchResult(batch, BatchResult.Outcome.GAVE_UP, null, 0, attempts,
								"still unavailable after " + attempts + " attempts (" + answer.detail() + ")",
								List.of());
					}
					retryListener.retrying(batch, retries, answer.detail(), delay);
					Thread.sleep(delay.toMillis());
			}
		}
	}

	private static List<Violation> toFileLines(Batch batch, List<Violation> violations) {
		return violations.stream()
			.map((v) -> (v.index() >= 0)
					? new Violation(batch.firstIndex() + v.index(), batch.lineOf(v.index()), v.field(), v.message())
					: v)
			.toList();
	}

	/** Hears about retries. */
	@FunctionalInterface
	public interface RetryListener {

		/**
		 * A retry is about to wait.
		 * @param batch the batch
		 * @param retry one-based retry number
		 * @param why the answer that calls for it
		 * @param delay the wait
		 */
		void retrying(Batch batch, int retry, String why, Duration delay);

	}

}
