package com.exampleco.timesheets.processor.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the processor, bound from {@code timesheets.processor.*}. Every property is
 * documented with its default in the module README. {@code groupId}, {@code concurrency}
 * and {@code maxPollRecords} take effect through {@code application.yml}, which maps them
 * onto Boot's {@code spring.kafka.consumer.group-id},
 * {@code spring.kafka.listener.concurrency} and
 * {@code spring.kafka.consumer.max-poll-records}; they are bound here so that they stay
 * validated and documented.
 *
 * @param groupId consumer group of all processor instances
 * @param concurrency consumers per instance (at most the number of partitions is useful)
 * @param maxPollRecords records per poll, i.e. the largest batch applied in one database
 * transaction
 * @param partitions partitions of the topics this processor creates when they are missing
 * @param replicationFactor replication factor of the topics this processor creates
 * @param minInsyncReplicas {@code min.insync.replicas} of the topics this processor
 * creates; null leaves the broker's default
 * @param createTopics whether to create missing topics at start-up
 * @param publishState whether to publish each touched timesheet's state to the compacted
 * {@code timesheet-state} topic after the database commit
 * @param retry back-off for failures that may pass (database down, timeouts)
 */
@ConfigurationProperties("timesheets.processor")
@Validated
public record ProcessorProperties(@DefaultValue("timesheet-processor") @NotBlank String groupId,
		@DefaultValue("3") @Min(1) @Max(64) int concurrency,
		@DefaultValue("1000") @Min(1) @Max(50000) int maxPollRecords, @DefaultValue("6") @Min(1) int partitions,
		@DefaultValue("1") @Min(1) short replicationFactor, @Min(1) Integer minInsyncReplicas,
		@DefaultValue("true") boolean createTopics, @DefaultValue("true") boolean publishState,
		@DefaultValue @NotNull @Valid Retry retry) {

	public ProcessorProperties {
		if (minInsyncReplicas != null && minInsyncReplicas > replicationFactor) {
			throw new IllegalArgumentException("timesheets.processor.min-insync-replicas (" + minInsyncReplicas
					+ ") cannot exceed timesheets.processor.replication-factor (" + replicationFactor + ")");
		}
	}

	/**
	 * Capped exponential back-off; retries never stop.
	 *
	 * @param initialInterval first pause
	 * @param multiplier growth of the pause per attempt
	 * @param maxInterval longest pause
	 */
	public record Retry(@DefaultValue("500ms") @NotNull Duration initialInterval,
			@DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
			@DefaultValue("30s") @NotNull Duration maxInterval) {
	}

}
