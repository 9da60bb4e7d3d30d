package com.exampleco.timesheets.ingest.command;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.ingest.idempotency.Fingerprint;
import com.exampleco.timesheets.ingest.idempotency.RequestIds;
import com.exampleco.timesheets.ingest.idempotency.RequestIntent;
import com.exampleco.timesheets.ingest.publishing.EventPublisher;

import org.springframework.stereotype.Service;

/**
 * Publishes a command about one timesheet (an approval, a rejection, a deletion) as one
 * event: its ids from the request's {@code Idempotency-Key} ({@link RequestIds}), the key
 * bound to the endpoint and content, and the answer once the broker committed it. The
 * feature services decide what the event is; this class is what they share.
 */
@Service
public class TimesheetCommands {

	private final EventPublisher publisher;

	private final Clock clock;

	TimesheetCommands(EventPublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Publishes one command's event and waits for the commit.
	 * @param actor who sends the command
	 * @param idempotencyKey the request's key, or null
	 * @param endpoint the endpoint, see {@link RequestIntent#endpoint}
	 * @param timesheetId the timesheet concerned
	 * @param content adds the command's canonical content to the key's fingerprint
	 * @param event builds the event from its ids and time
	 * @return what was accepted
	 * @throws RequestIds.MalformedIdempotencyKeyException when the key is malformed
	 */
	public CommandAccepted publish(Actor actor, String idempotencyKey, String endpoint, UUID timesheetId,
			Consumer<Fingerprint> content, CommandEvent event) {
		RequestIds ids = RequestIds.of(actor.clientId(), idempotencyKey);
		UUID eventId = ids.eventId(0);
		RequestIntent intent = ids.intent(endpoint, actor, content);
		this.publisher.publish(List.of(event.of(eventId, ids.batchId(), this.clock.instant())), intent);
		return new CommandAccepted(ids.batchId(), eventId, timesheetId);
	}

	/** Builds a command's event. */
	@FunctionalInterface
	public interface CommandEvent {

		/**
		 * The event.
		 * @param eventId its id
		 * @param batchId the request's batch id
		 * @param occurredAt when the API accepted the request
		 * @return the event
		 */
		TimesheetEvent of(UUID eventId, UUID batchId, Instant occurredAt);

	}

}
