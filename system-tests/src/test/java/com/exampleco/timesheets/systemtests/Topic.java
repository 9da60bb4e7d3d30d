package com.exampleco.timesheets.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.exampleco.timesheets.testsupport.kafka.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;

/**
 * What is committed on a topic, read as an analyst would ({@code read_committed}), by a
 * client the caller configures (the pipeline's operator,
 * {@code Pipeline.kafkaOperator()}: the analyst may not read the dead-letter topic).
 */
final class Topic {

	static final String EVENTS = "timesheet-events";

	static final String DLT = "timesheet-events.DLT";

	private Topic() {
	}

	/** Committed records whose key is one of the given timesheet ids. */
	static List<ConsumerRecord<String, byte[]>> recordsOf(Map<String, Object> client, Set<UUID> timesheetIds) {
		return TopicReader.readCommitted(client, EVENTS)
			.stream()
			.filter((record) -> record.key() != null && timesheetIds.contains(UUID.fromString(record.key())))
			.toList();
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** One configuration entry of a topic, with its value and where it comes from. */
	static ConfigEntry config(Map<String, Object> client, String topic, String name) throws Exception {
		try (Admin admin = Admin.create(client)) {
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
			Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
			return config.get(name);
		}
	}

	/**
	 * The sum of a topic's end offsets (the last stable offsets): unchanged means nothing
	 * was written, not even an aborted transaction's records or markers.
	 */
	static long endOffsets(Map<String, Object> client, String topic) {
		return TopicReader.endOffsetSum(client, topic);
	}

}
