package com.exampleco.timesheets.processor.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.exampleco.timesheets.processor.ledger.TimesheetLedger;
import org.apache.kafka.clients.consumer.Consumer;
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
 * again. A partition without a stored offset starts where Kafka says. If the database
 * cannot be read here, the consumer starts where Kafka says and the ledger still skips
 * the records before the stored offsets in its transaction: this is a shortcut, not the
 * guarantee.
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
			byTopic.forEach((topic, numbers) -> this.ledger.storedOffsets(groupId, topic, numbers)
				.forEach((partition, offset) -> {
					consumer.seek(new TopicPartition(topic, partition), offset);
					logger.debug("Assigned {}-{}: starting at the stored offset {}", topic, partition, offset);
				}));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the stored offsets of {} (starting at Kafka's committed offsets; records "
					+ "applied before are skipped when they arrive): {}", partitions, ex.toString());
		}
	}

}
