package com.exampleco.timesheets.systemtests;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/** Which processor instance owns which partition of {@code timesheet-events}. */
final class ConsumerGroup {

	static final String GROUP = "timesheet-processor";

	private ConsumerGroup() {
	}

	/**
	 * Partitions of the events topic by instance ({@code processor-1}, …: the client id
	 * the harness gives each instance, without Spring Kafka's per-consumer suffix).
	 */
	static Map<String, Set<Integer>> partitionsByInstance(Map<String, Object> client) throws Exception {
		try (Admin admin = Admin.create(client)) {
			ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP))
				.all()
				.get(30, TimeUnit.SECONDS)
				.get(GROUP);
			Map<String, Set<Integer>> owners = new TreeMap<>();
			for (MemberDescription member : group.members()) {
				String instance = member.clientId().replaceFirst("-\\d+$", "");
				for (TopicPartition partition : member.assignment().topicPartitions()) {
					if (partition.topic().equals(Topic.EVENTS)) {
						owners.computeIfAbsent(instance, (key) -> new TreeSet<>()).add(partition.partition());
					}
				}
			}
			return owners;
		}
	}

}
