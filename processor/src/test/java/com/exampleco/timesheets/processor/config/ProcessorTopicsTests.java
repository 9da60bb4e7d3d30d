package com.exampleco.timesheets.processor.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.exampleco.timesheets.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The topics the processor creates when they are missing take partitions, replication
 * factor and {@code min.insync.replicas} from its properties.
 */
class ProcessorTopicsTests {

	@Test
	void createsItsThreeTopicsReplicatedAsConfigured() {
		List<NewTopic> topics = KafkaConfig.topics(properties(12, (short) 3, 2, true));

		assertThat(topics).extracting(NewTopic::name)
			.containsExactly(Topics.TIMESHEET_EVENTS, Topics.TIMESHEET_EVENTS_DLT, Topics.TIMESHEET_STATE);
		assertThat(topics).allSatisfy((topic) -> {
			assertThat(topic.numPartitions()).isEqualTo(12);
			assertThat(topic.replicationFactor()).isEqualTo((short) 3);
			assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
		});
		assertThat(topics.get(2).configs()).containsEntry("cleanup.policy", "compact");
	}

	@Test
	void leavesMinInsyncReplicasToTheBrokerWhenUnset() {
		List<NewTopic> topics = KafkaConfig.topics(properties(6, (short) 1, null, true));

		assertThat(topics).allSatisfy((topic) -> {
			assertThat(topic.replicationFactor()).isEqualTo((short) 1);
			assertThat((topic.configs() != null) ? topic.configs() : Map.of()).doesNotContainKey("min.insync.replicas");
		});
	}

	@Test
	void createsNothingWhenTopicCreationIsOff() {
		assertThat(KafkaConfig.topics(properties(6, (short) 3, 2, false))).isEmpty();
	}

	@Test
	void refusesMoreInSyncReplicasThanReplicas() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(6, (short) 1, 2, true))
			.withMessageContaining("min-insync-replicas");
	}

	private static ProcessorProperties properties(int partitions, short replicas, Integer minInsync, boolean create) {
		return new ProcessorProperties("group", 3, 1000, partitions, replicas, minInsync, create, true,
				new ProcessorProperties.Retry(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30)));
	}

}
