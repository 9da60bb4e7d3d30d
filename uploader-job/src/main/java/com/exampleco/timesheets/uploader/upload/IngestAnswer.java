package com.exampleco.timesheets.uploader.upload;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.entry.Violation;
import org.jspecify.annotations.Nullable;

/**
 * What the ingest API answered to one attempt at a batch, sorted by what the job does
 * next.
 *
 * @param kind what to do next
 * @param status the HTTP status, or 0 when no answer arrived
 * @param batchId the accepted batch's id, only for {@link Kind#ACCEPTED}
 * @param accepted how many entries were accepted
 * @param retryAfter the server's {@code Retry-After}, or null
 * @param detail why, for a person (problem detail or exception name), or null
 * @param violations the entry errors of a 422, batch-relative indices
 */
public record IngestAnswer(Kind kind, int status, @Nullable UUID batchId, int accepted, @Nullable Duration retryAfter,
		@Nullable String detail, List<Violation> violations) {

	static IngestAnswer accepted(int status, UUID batchId, int entries) {
		return new IngestAnswer(Kind.ACCEPTED, status, batchId, entries, null, null, List.of());
	}

	static IngestAnswer retryable(int status, @Nullable Duration retryAfter, String detail) {
		return new IngestAnswer(Kind.RETRYABLE, status, null, 0, retryAfter, detail, List.of());
	}

	static IngestAnswer of(Kind kind, int status, @Nullable String detail, List<Violation> violations) {
		return new IngestAnswer(kind, status, null, 0, null, detail, List.copyOf(violations));
	}

	/** The next step an answer calls for. */
	public enum Kind {

		/** 2xx: the broker committed the batch. */
		ACCEPTED,

		/** 429, 502, 503, 504, no connection or a timeout: try again later. */
		RETRYABLE,

		/** 401: the token was refused; it has been dropped, a new one may work. */
		UNAUTHORIZED,

		/** 403: the token lacks the scope; no new token will help. */
		FORBIDDEN,

		/**
		 * 422 whose problem {@code type} ends in {@value IngestClient#KEY_REUSED_TYPE}:
		 * the API holds the batch's {@code Idempotency-Key} for a different request and
		 * published nothing. Never retried; the file fails.
		 */
		KEY_REUSED,

		/** Any other answer: the batch cannot succeed as it is; the file fails. */
		REFUSED

	}

}
