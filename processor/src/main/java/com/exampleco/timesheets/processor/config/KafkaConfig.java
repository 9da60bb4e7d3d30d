package com.exampleco.timesheets.processor.config;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.exampleco.timesheets.events.MalformedEventException;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.events.UnsupportedSchemaVersionException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonContainerStoppingErrorHandler;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What {@code spring.kafka.*} cannot say. The clients and the listener container are
 * Boot's, set in {@code application.yml}: the consumer reads raw bytes with
 * {@code isolation.level=read_committed} and auto-commit off, the listener is a batch
 * listener whose container commits a batch's offsets (AckMode BATCH, synchronously) only
 * after the listener returned, which is after the database commit; the producer (dead
 * letters, state topic) is idempotent with {@code acks=all}. Boot hands the one
 * {@link CommonErrorHandler} declared here to its container factory: a
 * {@link DefaultErrorHandler} whose back-off is capped exponential and never ends, so a
 * failing batch (database down, broker down for the dead-letter or state topic) is
 * retried in place, paused consumer polling between attempts, until it succeeds; it is
 * never skipped. Records that can never succeed are recognised while decoding and sent to
 * the dead-letter topic by the same {@link DeadLetterPublishingRecoverer} this handler
 * holds. An event of a newer schema version ({@link UnsupportedSchemaVersionException})
 * is handed to a {@link CommonContainerStoppingErrorHandler} instead: the container stops
 * without committing, as it does for an {@link Error}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	private static final Logger logger = LoggerFactory.getLogger(KafkaConfig.class);

	@Bean
	DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<?, ?> template, KafkaProperties kafka) {
		// partition -1: let the producer choose (by key), whatever the DLT's partition
		// count
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.TIMESHEET_EVENTS_DLT, -1));
		// which consumer group dead-lettered it (Spring Kafka adds this header only for
		// exceptions thrown out of a listener; ours are recognised while decoding)
		byte[] group = kafka.getConsumer().getGroupId().getBytes(StandardCharsets.UTF_8);
		recoverer.setHeadersFunction((record, ex) -> new RecordHeaders(
				new Header[] { new RecordHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group) }));
		return recoverer;
	}

	@Bean
	CommonErrorHandler errorHandler(DeadLetterPublishingRecoverer recoverer, ProcessorProperties properties) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(),
				properties.retry().multiplier());
		backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		backOff.setMaxAttempts(Long.MAX_VALUE);
		DefaultErrorHandler retrying = new DefaultErrorHandler(recoverer, backOff);
		// reached only if a listener reports a failed record itself: such records go
		// straight to the DLT
		retrying.addNotRetryableExceptions(MalformedEventException.class);
		retrying.setRetryListeners(new RetryListener() {

			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
				logger.warn("Record {}-{}@{} failed (attempt {}), retrying: {}", record.topic(), record.partition(),
						record.offset(), deliveryAttempt, rootMessage(ex));
			}

			@Override
			public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
				logger.warn("Batch of {} records failed (attempt {}), retrying in place: {}", records.count(),
						deliveryAttempt, rootMessage(ex));
			}

		});
		// an event of a newer schema version is not poison and retrying cannot help: stop
		// the container (offsets uncommitted, listeners health DOWN) until a processor
		// that knows the version runs
		CommonContainerStoppingErrorHandler stopping = new CommonContainerStoppingErrorHandler();
		stopping.setStopContainerAbnormally(true);
		CommonDelegatingErrorHandler handler = new CommonDelegatingErrorHandler(retrying);
		handler.setCauseChainTraversing(true);
		handler.addDelegate(UnsupportedSchemaVersionException.class, stopping);
		return handler;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	@Bean
	KafkaAdmin.NewTopics processorTopics(ProcessorProperties properties) {
		return new KafkaAdmin.NewTopics(topics(properties).toArray(NewTopic[]::new));
	}

	/**
	 * The topics the processor creates when missing: none when topic creation is off.
	 * @param properties the settings
	 * @return the events topic, its DLT and the compacted state topic
	 */
	static List<NewTopic> topics(ProcessorProperties properties) {
		if (!properties.createTopics()) {
			return List.of();
		}
		return List.of(topic(Topics.TIMESHEET_EVENTS, properties).build(),
				topic(Topics.TIMESHEET_EVENTS_DLT, properties).build(),
				topic(Topics.TIMESHEET_STATE, properties)
					.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
					.build());
	}

	/** A topic with the configured partitions, replicas and min.insync.replicas. */
	private static TopicBuilder topic(String name, ProcessorProperties properties) {
		TopicBuilder topic = TopicBuilder.name(name)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor());
		if (properties.minInsyncReplicas() != null) {
			topic.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, properties.minInsyncReplicas().toString());
		}
		return topic;
	}

}
