package com.exampleco.timesheets.ingest.config;

import com.exampleco.timesheets.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the events topic so that a fresh broker gets it with the configured
 * partitions; an existing topic is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicConfig {

	@Bean
	NewTopic timesheetEventsTopic(IngestProperties properties) {
		return TopicBuilder.name(Topics.TIMESHEET_EVENTS)
			.partitions(properties.topicPartitions())
			.replicas(properties.topicReplicas())
			.build();
	}

}
