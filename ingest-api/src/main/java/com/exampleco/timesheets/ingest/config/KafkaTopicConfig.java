package com.exampleco.timesheets.ingest.config;

import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.ingest.idempotency.KeyLedger;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the topics this service writes so that a fresh broker gets them with the
 * configured partitions, replication factor and {@code min.insync.replicas}; an existing
 * topic is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicConfig {

	@Bean
	NewTopic timesheetEventsTopic(IngestProperties properties) {
		return replicated(TopicBuilder.name(Topics.TIMESHEET_EVENTS)
			.partitions(properties.topicPartitions())
			.replicas(properties.topicReplicas()), properties).build();
	}

	/**
	 * The accepted {@code Idempotency-Key}s: compacted (one record per batch id) and
	 * deleted after the key retention, so the topic holds about what the instances hold
	 * in memory. One partition by default: every instance reads all of it anyway.
	 * @param properties the settings
	 * @return the topic
	 */
	@Bean
	NewTopic idempotencyKeysTopic(IngestProperties properties) {
		return replicated(TopicBuilder.name(KeyLedger.TOPIC)
			.partitions(properties.idempotency().topicPartitions())
			.replicas(properties.topicReplicas())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG,
					TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
			.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(properties.idempotency().keyRetention().toMillis())),
				properties)
			.build();
	}

	private static TopicBuilder replicated(TopicBuilder topic, IngestProperties properties) {
		if (properties.topicMinInsyncReplicas() != null) {
			topic.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, properties.topicMinInsyncReplicas().toString());
		}
		return topic;
	}

}
