package com.exampleco.timesheets.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka records of a request's events on {@value Topics#TIMESHEET_EVENTS}: value =
 * the contract's JSON ({@link TimesheetEventCodec}), key = timesheet id, timestamp = when
 * the API accepted the request, and the contract's CloudEvents headers
 * ({@link CloudEventHeaders#of}) with {@code event-source} as source.
 */
final class EventRecords {

	private final TimesheetEventCodec codec;

	private final String source;

	EventRecords(TimesheetEventCodec codec, String source) {
		this.codec = codec;
		this.source = source;
	}

	/**
	 * The records of a request.
	 * @param events the events of one request
	 * @return the records, in the events' order; a list the caller may add to
	 */
	List<ProducerRecord<String, byte[]>> of(List<TimesheetEvent> events) {
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size() + 1);
		for (TimesheetEvent event : events) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TIMESHEET_EVENTS, null,
					event.occurredAt().toEpochMilli(), event.timesheetId().toString(), this.codec.encode(event));
			CloudEventHeaders.of(event, this.source)
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			records.add(record);
		}
		return records;
	}

}
