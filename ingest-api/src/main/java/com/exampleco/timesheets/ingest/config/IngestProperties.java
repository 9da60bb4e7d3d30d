package com.exampleco.timesheets.ingest.config;

import java.time.Duration;
import java.time.LocalDate;

import com.exampleco.timesheets.events.entry.EntryLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ingest API ({@code timesheets.ingest.*}); each is documented with its
 * default in the module README.
 *
 * @param maxBatchEntries the most entries one batch may hold; more is answered 413
 * @param maxBodySize the largest request body accepted; larger is answered 413
 * @param maxNoteLength the longest note accepted, in characters (at most 2000)
 * @param maxCommentLength the longest approval comment accepted, in characters
 * @param earliestWorkDate the earliest work date accepted
 * @param maxDaysAhead how many days after today (UTC) a work date may lie
 * @param publishTimeout how long a request waits for the broker before it is answered 503
 * @param retryAfter the {@code Retry-After} sent with a 503
 * @param topicPartitions partitions of the events topic when this service creates it
 * @param topicReplicas replication factor of the topics this service creates (events and
 * idempotency keys)
 * @param topicMinInsyncReplicas {@code min.insync.replicas} of the topics this service
 * creates; null leaves the broker's default (with {@code acks=all}, a write is refused
 * while fewer replicas are in sync, and answered 503)
 * @param eventSource the CloudEvents {@code source} of the events this service publishes
 * @param publishConcurrency publisher threads, each with its own transactional producer
 * @param groupMaxRecords the most records of waiting requests one shared transaction
 * takes (a larger single request still gets a transaction of its own)
 * @param publishQueueCapacity the most requests waiting for a publisher thread; more is
 * answered 503 at once
 * @param publishMinTimeLeft the least part of a request's publish timeout that must be
 * left for a publisher thread to take it into a transaction; a request with less left is
 * answered 503 before anything of it is sent (must be shorter than the publish timeout)
 * @param groupLinger how long a publisher thread taking a group waits for requests that
 * are still being read and validated on other request threads (only while there are such
 * requests; {@code 0} never waits)
 * @param idempotency how {@code Idempotency-Key}s are remembered
 */
@ConfigurationProperties("timesheets.ingest")
@Validated
public record IngestProperties(@DefaultValue("5000") @Min(1) @Max(100_000) int maxBatchEntries,
		@DefaultValue("10MB") @NotNull DataSize maxBodySize,
		@DefaultValue("500") @Min(0) @Max(EntryLimits.NOTE_LENGTH_CEILING) int maxNoteLength,
		@DefaultValue("1000") @Min(0) @Max(2000) int maxCommentLength,
		@DefaultValue("2000-01-01") @NotNull LocalDate earliestWorkDate, @DefaultValue("1") @Min(0) int maxDaysAhead,
		@DefaultValue("10s") @NotNull Duration publishTimeout, @DefaultValue("5s") @NotNull Duration retryAfter,
		@DefaultValue("6") @Min(1) int topicPartitions, @DefaultValue("1") @Min(1) short topicReplicas,
		@Min(1) Integer topicMinInsyncReplicas, @DefaultValue("/timesheets/ingest-api") @NotBlank String eventSource,
		@DefaultValue("2") @Min(1) @Max(64) int publishConcurrency, @DefaultValue("5000") @Min(1) int groupMaxRecords,
		@DefaultValue("64") @Min(1) int publishQueueCapacity, @DefaultValue("2s") @NotNull Duration publishMinTimeLeft,
		@DefaultValue("20ms") @NotNull Duration groupLinger, @DefaultValue @NotNull @Valid Idempotency idempotency) {

	public IngestProperties {
		if (topicMinInsyncReplicas != null && topicMinInsyncReplicas > topicReplicas) {
			throw new IllegalArgumentException("timesheets.ingest.topic-min-insync-replicas (" + topicMinInsyncReplicas
					+ ") cannot exceed timesheets.ingest.topic-replicas (" + topicReplicas + ")");
		}
		if (publishMinTimeLeft != null && publishTimeout != null && publishMinTimeLeft.compareTo(publishTimeout) >= 0) {
			throw new IllegalArgumentException("timesheets.ingest.publish-min-time-left (" + publishMinTimeLeft
					+ ") must be shorter than timesheets.ingest.publish-timeout (" + publishTimeout + ")");
		}
		if (groupLinger != null && (groupLinger.isNegative() || groupLinger.compareTo(Duration.ofSeconds(1)) > 0)) {
			throw new IllegalArgumentException(
					"timesheets.ingest.group-linger (" + groupLinger + ") must be between 0 and 1s");
		}
	}

	/**
	 * The entry rules' bounds these settings describe.
	 * @return the limits
	 */
	public EntryLimits entryLimits() {
		return new EntryLimits(this.maxNoteLength, this.earliestWorkDate, this.maxDaysAhead);
	}

	/**
	 * How the API remembers the {@code Idempotency-Key}s it accepted
	 * ({@code timesheets.ingest.idempotency.*}).
	 *
	 * @param keyRetention how long an accepted key is bound to its request; an older key
	 * names a new request (also the retention of the keys topic)
	 * @param maxKeys the most keys held in memory; beyond it the oldest are forgotten
	 * early (and counted)
	 * @param loadTimeout how long the start waits for the keys topic to be read to its
	 * end before the API serves; after it, requests with a key are answered 503 until the
	 * topic is read
	 * @param topicPartitions partitions of the keys topic when this service creates it
	 * (every instance reads all of them; more only spread the topic over more brokers)
	 */
	public record Idempotency(@DefaultValue("7d") @NotNull Duration keyRetention,
			@DefaultValue("200000") @Min(1) int maxKeys, @DefaultValue("30s") @NotNull Duration loadTimeout,
			@DefaultValue("1") @Min(1) int topicPartitions) {

	}

}
