package com.exampleco.timesheets.processor.intake;

import java.util.List;

import com.exampleco.timesheets.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Receives each polled batch of {@code timesheet-events} and hands it to the
 * {@link EventIntake}. When this returns, the batch is committed to the database and the
 * container commits the offsets; when it throws, the error handler retries the batch.
 */
@Component
class TimesheetEventListener {

	/** Id of the listener container, for tests and operations. */
	static final String LISTENER_ID = "timesheet-events-processor";

	private final EventIntake intake;

	TimesheetEventListener(EventIntake intake) {
		this.intake = intake;
	}

	@KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.TIMESHEET_EVENTS)
	void onBatch(List<ConsumerRecord<byte[], byte[]>> records) {
		this.intake.accept(records);
	}

}
