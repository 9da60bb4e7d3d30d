package com.exampleco.timesheets.processor.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.exampleco.timesheets.events.MalformedEventException;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.UnsupportedSchemaVersionException;
import com.exampleco.timesheets.processor.ledger.AppliedBatch;
import com.exampleco.timesheets.processor.ledger.ReadPosition;
import com.exampleco.timesheets.processor.ledger.ReceivedEvent;
import com.exampleco.timesheets.processor.ledger.TimesheetLedger;
import com.exampleco.timesheets.processor.statetopic.StatePublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Service;

/**
 * Processes one polled batch: decodes every record; sends records that can never be
 * decoded to the dead-letter topic (original bytes, failure in headers) and waits for the
 * broker's acknowledgement; applies the rest in one database transaction; then publishes
 * the touched states. A record of a newer schema version than this processor knows stops
 * the batch before anything is dead-lettered or written: the
 * {@link UnsupportedSchemaVersionException} propagates and the error handler stops the
 * container without committing. The ledger stores, in its transaction, where the batch
 * ended in each partition (the group's offsets in the database; Kafka's commit after it
 * is advisory). Any exception leaves the offsets uncommitted, so the batch is retried as
 * a whole; that is safe because the ledger skips records before the stored offsets and
 * drops eventIds it already recorded.
 */
@Service
class EventIntake {

	private static final Logger logger = LoggerFactory.getLogger(EventIntake.class);

	private static final int REMEMBERED_DEAD_LETTERS = 10_000;

	private final String groupId;

	private final EventDecoder decoder;

	private final TimesheetLedger ledger;

	private final DeadLetterPublishingRecoverer deadLetters;

	private final IntakeMetrics metrics;

	private final ObjectProvider<StatePublisher> statePublisher;

	private final BatchTracing tracing;

	/**
	 * Records already dead-lettered by this instance, so that retrying a batch (database
	 * down) does not publish its poison records again and again.
	 */
	private final Set<String> deadLettered = Collections
		.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > REMEMBERED_DEAD_LETTERS;
			}
		}));

	EventIntake(EventDecoder decoder, TimesheetLedger ledger, DeadLetterPublishingRecoverer deadLetters,
			IntakeMetrics metrics, ObjectProvider<StatePublisher> statePublisher, KafkaProperties kafka,
			BatchTracing tracing) {
		this.groupId = kafka.getConsumer().getGroupId();
		this.decoder = decoder;
		this.ledger = ledger;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
		this.statePublisher = statePublisher;
		this.tracing = tracing;
	}

	void accept(List<ConsumerRecord<byte[], byte[]>> records) {
		try (BatchTracing.Batch trace = this.tracing.start(records)) {
			try {
				accept(records, trace);
			}
			catch (RuntimeException | Error ex) {
				trace.failed(ex);
				throw ex;
			}
		}
	}

	private void accept(List<ConsumerRecord<byte[], byte[]>> records, BatchTracing.Batch trace) {
		List<ReceivedEvent> events = new ArrayList<>(records.size());
		Map<ConsumerRecord<byte[], byte[]>, MalformedEventException> poison = new LinkedHashMap<>();
		for (ConsumerRecord<byte[], byte[]> record : records) {
			try {
				events.add(new ReceivedEvent(this.decoder.decode(record.value()), record.topic(), record.partition(),
						record.offset()));
			}
			catch (MalformedEventException ex) {
				poison.put(record, ex);
			}
			catch (UnsupportedSchemaVersionException ex) {
				// before anything of this batch is dead-lettered or written: the
				// upgraded processor receives the whole batch again
				logger.error(
						"Record {}-{}@{} is a '{}' event of schemaVersion {}, newer than this processor understands "
								+ "(schemaVersion {}). Stopping the consumer without committing its offset; nothing "
								+ "was skipped or dead-lettered. Deploy a processor that knows schemaVersion {} "
								+ "(upgrade processors before ingest), then restart.",
						record.topic(), record.partition(), record.offset(), ex.type(), ex.schemaVersion(),
						TimesheetEvent.CURRENT_SCHEMA_VERSION, ex.schemaVersion());
				throw ex;
			}
		}
		poison.forEach(this::deadLetter);
		AppliedBatch applied = trace.apply(() -> this.ledger.apply(this.groupId, events, positions(records)));
		this.metrics.recordCommitted(applied);
		StatePublisher publisher = this.statePublisher.getIfAvailable();
		if (publisher != null) {
			publisher.publish(applied);
		}
	}

	/**
	 * Where the batch ended in each partition: after its last record, poison included.
	 */
	private static Collection<ReadPosition> positions(List<ConsumerRecord<byte[], byte[]>> records) {
		Map<TopicPartition, Long> next = new LinkedHashMap<>();
		for (ConsumerRecord<byte[], byte[]> record : records) {
			next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
		}
		List<ReadPosition> positions = new ArrayList<>(next.size());
		next.forEach((partition, offset) -> positions
			.add(new ReadPosition(partition.topic(), partition.partition(), offset)));
		return positions;
	}

	private void deadLetter(ConsumerRecord<byte[], byte[]> record, MalformedEventException ex) {
		String coordinates = record.topic() + "-" + record.partition() + "@" + record.offset();
		if (!this.deadLettered.add(coordinates)) {
			return;
		}
		logger.warn("Sending undecodable record {} to the dead-letter topic: {}", coordinates, ex.getMessage());
		try {
			// synchronous: throws when the broker did not acknowledge
			this.deadLetters.accept(record, null, ex);
		}
		catch (RuntimeException failure) {
			this.deadLettered.remove(coordinates);
			throw failure;
		}
		this.metrics.deadLettered();
	}

}
