package com.exampleco.timesheets.processor.statetopic;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.processor.ledger.AppliedBatch;
import com.exampleco.timesheets.processor.ledger.Timesheet;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Service;

/**
 * Publishes the current state of every timesheet a committed batch named to the compacted
 * {@value Topics#TIMESHEET_STATE} topic (key = timesheet id, value = JSON
 * {@link TimesheetState}; a deleted timesheet becomes a tombstone). Called after the
 * database commit and before the offset commit, and it waits for the broker: at least
 * once. A retried batch republishes the same states, which compaction absorbs.
 */
@Service
@ConditionalOnProperty(name = "timesheets.processor.publish-state", havingValue = "true", matchIfMissing = true)
public class StatePublisher {

	private final KafkaTemplate<byte[], byte[]> template;

	private final JsonMapper mapper = JsonMapper.builder().build();

	StatePublisher(KafkaTemplate<byte[], byte[]> template) {
		this.template = template;
	}

	/**
	 * Publishes the states of a committed batch and waits for the acknowledgements.
	 * @param batch the committed batch
	 * @throws KafkaException when the broker did not acknowledge in time
	 */
	public void publish(AppliedBatch batch) {
		if (batch.touched().isEmpty()) {
			return;
		}
		List<CompletableFuture<SendResult<byte[], byte[]>>> sends = new ArrayList<>(batch.touched().size());
		for (Timesheet timesheet : batch.touched().values()) {
			byte[] key = timesheet.timesheetId().toString().getBytes(StandardCharsets.UTF_8);
			byte[] value = (timesheet.status() == com.exampleco.timesheets.processor.ledger.Status.DELETED) ? null
					: this.mapper.writeValueAsBytes(TimesheetState.of(timesheet));
			sends.add(this.template.send(new ProducerRecord<>(Topics.TIMESHEET_STATE, key, value)));
		}
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("interrupted while publishing timesheet states", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new KafkaException("timesheet states not acknowledged", ex);
		}
	}

	/**
	 * The value on the state topic.
	 *
	 * @param timesheetId the id
	 * @param externalId the source system's id
	 * @param employeeId the employee
	 * @param projectCode the project
	 * @param workDate the day
	 * @param hours the hours
	 * @param note the note, may be null
	 * @param status SUBMITTED, APPROVED or REJECTED
	 * @param version the state version, increasing
	 * @param lastEventId the last applied event
	 * @param submittedAt when it was (re)submitted
	 * @param decidedAt when it was approved or rejected, null while submitted
	 */
	public record TimesheetState(UUID timesheetId, String externalId, String employeeId, String projectCode,
			LocalDate workDate, BigDecimal hours, String note, String status, long version, UUID lastEventId,
			Instant submittedAt, Instant decidedAt) {

		static TimesheetState of(Timesheet timesheet) {
			Instant decidedAt = (timesheet.approved() != null) ? timesheet.approved().at()
					: (timesheet.rejected() != null) ? timesheet.rejected().at() : null;
			return new TimesheetState(timesheet.timesheetId(), timesheet.entry().externalId(),
					timesheet.entry().employeeId(), timesheet.entry().projectCode(), timesheet.entry().workDate(),
					timesheet.entry().hours(), timesheet.entry().note(), timesheet.status().name(), timesheet.version(),
					timesheet.lastEventId(), timesheet.submitted().at(), decidedAt);
		}

	}

}
