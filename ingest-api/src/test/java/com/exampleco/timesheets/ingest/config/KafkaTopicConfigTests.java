package com.exampleco.timesheets.ingest.config;

import java.util.Map;

import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.ingest.idempotency.KeyLedger;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics the ingest API creates take partitions, replication factor and
 * {@code min.insync.replicas} from configuration: one replica and the broker's default by
 * default, three replicas with two in sync for a replicated cluster.
 */
class KafkaTopicConfigTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, KafkaTopicConfig.class);

	@Test
	void createsBothTopicsWithOneReplicaAndTheBrokersMinInsyncReplicasByDefault() {
		this.runner.run((context) -> {
			NewTopic events = context.getBean("timesheetEventsTopic", NewTopic.class);
			NewTopic keys = context.getBean("idempotencyKeysTopic", NewTopic.class);
			assertThat(events.name()).isEqualTo(Topics.TIMESHEET_EVENTS);
			assertThat(events.numPartitions()).isEqualTo(6);
			assertThat(events.replicationFactor()).isEqualTo((short) 1);
			assertThat(configs(events)).doesNotContainKey("min.insync.replicas");
			assertThat(keys.name()).isEqualTo(KeyLedger.TOPIC);
			assertThat(keys.numPartitions()).isEqualTo(1);
			assertThat(keys.replicationFactor()).isEqualTo((short) 1);
			assertThat(configs(keys)).doesNotContainKey("min.insync.replicas")
				.containsEntry("cleanup.policy", "compact,delete");
		});
	}

	@Test
	void createsBothTopicsReplicatedWithTheConfiguredPartitionsAndMinInsyncReplicas() {
		this.runner
			.withPropertyValues("timesheets.ingest.topic-partitions=12", "timesheets.ingest.topic-replicas=3",
					"timesheets.ingest.topic-min-insync-replicas=2", "timesheets.ingest.idempotency.topic-partitions=3")
			.run((context) -> {
				NewTopic events = context.getBean("timesheetEventsTopic", NewTopic.class);
				NewTopic keys = context.getBean("idempotencyKeysTopic", NewTopic.class);
				assertThat(events.numPartitions()).isEqualTo(12);
				assertThat(events.replicationFactor()).isEqualTo((short) 3);
				assertThat(events.configs()).containsEntry("min.insync.replicas", "2");
				assertThat(keys.numPartitions()).isEqualTo(3);
				assertThat(keys.replicationFactor()).isEqualTo((short) 3);
				assertThat(keys.configs()).containsEntry("min.insync.replicas", "2");
			});
	}

	@Test
	void refusesMoreInSyncReplicasThanReplicas() {
		this.runner
			.withPropertyValues("timesheets.ingest.topic-replicas=1", "timesheets.ingest.topic-min-insync-replicas=2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("topic-min-insync-replicas"));
	}

	/** A topic's configs: TopicBuilder leaves them null when none is set. */
	private static Map<String, String> configs(NewTopic topic) {
		return (topic.configs() != null) ? topic.configs() : Map.of();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(IngestProperties.class)
	static class Properties {

	}

}
