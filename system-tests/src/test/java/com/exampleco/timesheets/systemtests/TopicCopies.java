package com.exampleco.timesheets.systemtests;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the events topic holds for acknowledged entries, read as an analyst would
 * ({@code read_committed}): every entry, each as exactly one event. A request whose
 * commit timed out (its EndTxn sent to a coordinator that was lost: "outcome unknown")
 * may have committed after all, and its retry with the same {@code Idempotency-Key}
 * publishes the same events again: such copies carry the same event ids, and the
 * processor must have dropped each as {@code DUPLICATE}.
 */
final class TopicCopies {

	private TopicCopies() {
	}

	/**
	 * Asserts the above (that none was applied twice is the database's check).
	 * @return how many records are copies of an event already on the topic
	 */
	static long assertEachEntryIsOneEvent(Map<String, Object> client, Set<String> acknowledged, Ledger ledger) {
		Set<UUID> keys = acknowledged.stream().map(Entries::timesheetId).collect(Collectors.toSet());
		List<ConsumerRecord<String, byte[]>> records = Topic.recordsOf(client, keys);
		Map<String, Set<String>> eventIdsByKey = records.stream()
			.collect(Collectors.groupingBy(ConsumerRecord::key,
					Collectors.mapping((r) -> Topic.header(r, "ce_id"), Collectors.toSet())));
		assertThat(eventIdsByKey).as("every acknowledged entry on the topic").hasSize(acknowledged.size());
		assertThat(eventIdsByKey.values()).as("each entry as one event, never as two different events")
			.allSatisfy((ids) -> assertThat(ids).hasSize(1));
		// copies of an event (same id) only, each dropped by the processor
		long copies = records.size() - acknowledged.size();
		Set<String> copied = records.stream()
			.collect(Collectors.groupingBy((r) -> Topic.header(r, "ce_id"), Collectors.counting()))
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		assertThat(copied).as("every event on the topic twice was dropped by the processor as DUPLICATE")
			.allSatisfy((eventId) -> assertThat(
					ledger.count("SELECT COUNT(*) FROM duplicate_events WHERE event_id = ?", UUID.fromString(eventId)))
				.isPositive());
		return copies;
	}

}
