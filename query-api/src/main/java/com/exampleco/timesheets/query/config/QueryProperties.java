package com.exampleco.timesheets.query.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the query API ({@code timesheets.query.*}); each is documented with its
 * default in the module README. The employee claim is api-security's
 * ({@code timesheets.security.employee-claim}).
 *
 * @param defaultLimit page size of {@code GET /timesheets} when {@code limit} is absent
 * @param maxLimit the largest {@code limit} accepted; more is answered 400
 * @param cursorKey secret that signs paging cursors (at least 32 characters); when empty,
 * a random key per process is used, so cursors do not survive a restart and are not
 * accepted by other instances
 * @param maxRejectionsListed how many rejected events {@code GET /batches/{batchId}}
 * lists one by one (the counts by reason are always complete)
 * @param retryAfter the {@code Retry-After} sent with a 503 when the database fails
 */
@ConfigurationProperties("timesheets.query")
@Validated
public record QueryProperties(@DefaultValue("50") @Min(1) @Max(10_000) int defaultLimit,
		@DefaultValue("500") @Min(1) @Max(10_000) int maxLimit, @DefaultValue("") String cursorKey,
		@DefaultValue("100") @Min(0) @Max(10_000) int maxRejectionsListed,
		@DefaultValue("5s") @NotNull Duration retryAfter) {

	public QueryProperties {
		if (defaultLimit > maxLimit) {
			throw new IllegalArgumentException("timesheets.query.default-limit (" + defaultLimit
					+ ") must not exceed timesheets.query.max-limit (" + maxLimit + ")");
		}
		if (cursorKey != null && !cursorKey.isEmpty() && cursorKey.length() < 32) {
			throw new IllegalArgumentException("timesheets.query.cursor-key must have at least 32 characters");
		}
	}

}
