package com.exampleco.timesheets.processor.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.exampleco.timesheets.processor.ledger.TimesheetLedger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * When a consumer is assigned partitions, moves it to the offsets stored in the database
 * with the state they led to (Boot hands this bean to its listener container factory).
 * Kafka's committed offset can lag behind them (a crash between the database commit and
 * the offset commit); starting from the stored ones, such records are not even read
 * again, and Kafka's committed offset is brought up to the stored one. A partition
 * without a stored offset starts where Kafka says. If the database cannot be read here,
 * the consumer starts where Kafka says and the ledger still skips the records before the
 * stored offsets in its transaction: this is a shortcut, not the guarantee.
 */
@Component
class StoredOffsetSeeker implements ConsumerAwareRebalanceListener {

	private static final Logger logger = LoggerFactory.getLogger(StoredOffsetSeeker.class);

	private final TimesheetLedger ledger;

	StoredOffsetSeeker(TimesheetLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (partitions.isEmpty()) {
			return;
		}
		String groupId = consumer.groupMetadata().groupId();
		Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
		partitions.forEach((tp) -> byTopic.computeIfAbsent(tp.topic(), (t) -> new ArrayList<>()).add(tp.partition()));
		try {
			Map<TopicPartition, Long> stored = new LinkedHashMap<>();
			byTopic.forEach((topic, numbers) -> this.ledger.storedOffsets(groupId, topic, numbers)
				.forEach((partition, offset) -> stored.put(new TopicPartition(topic, partition), offset)));
			stored.forEach((partition, offset) -> {
				consumer.seek(partition, offset);
				logger.debug("Assigned {}: starting at the stored offset {}", partition, offset);
			});
			commitWhereBehind(consumer, stored);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the stored offsets of {} (starting at Kafka's committed offsets; records "
					+ "applied before are skipped when they arrive): {}", partitions, ex.toString());
		}
	}

	/**
	 * Brings Kafka's committed offsets up to the stored ones where they lag (after a
	 * crash between the two commits), so that lag shown by Kafka's tools is right before
	 * the next record arrives.
	 */
	private static void commitWhereBehind(Consumer<?, ?> consumer, Map<TopicPartition, Long> stored) {
		if (stored.isEmpty()) {
			return;
		}
		Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(stored.keySet());
		Map<TopicPartition, OffsetAndMetadata> ahead = new HashMap<>();
		stored.forEach((partition, offset) -> {
			OffsetAndMetadata kafka = committed.get(partition);
			if (kafka == null || kafka.offset() < offset) {
				ahead.put(partition, new OffsetAndMetadata(offset));
			}
		});
		if (!ahead.isEmpty()) {
			consumer.commitSync(ahead);
			logger.info("Kafka's committed offsets lagged behind the stored ones; committed {}", ahead);
		}
	}

}
