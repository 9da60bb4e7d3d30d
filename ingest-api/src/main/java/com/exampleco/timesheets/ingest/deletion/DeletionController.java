package com.exampleco.timesheets.ingest.deletion;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.ingest.approval.CommandAccepted;
import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import com.exampleco.timesheets.ingest.publishing.RequestIds;
import com.exampleco.timesheets.ingest.publishing.RequestIntent;
import com.exampleco.timesheets.ingest.web.Actors;
import com.exampleco.timesheets.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /timesheets/{id}} with {@code delete:timesheets}: publishes a
 * {@link TimesheetDeleted}.
 */
@RestController
class DeletionController {

	private final EventPublisher publisher;

	private final Clock clock;

	DeletionController(EventPublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.clock = clock;
	}

	static final String ROUTE = "/timesheets/{timesheetId}";

	@DeleteMapping(ROUTE)
	ResponseEntity<CommandAccepted> delete(Caller caller, @PathVariable UUID timesheetId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		RequestIds ids = RequestIds.of(caller.clientId(), idempotencyKey);
		UUID eventId = ids.eventId(0);
		Actor actor = Actors.of(caller);
		// the route and id are the whole request: nothing else to fingerprint
		RequestIntent intent = ids.intent(RequestIntent.endpoint("DELETE", ROUTE, timesheetId), actor, (content) -> {
		});
		this.publisher.publish(List.of(new TimesheetDeleted(eventId, timesheetId, ids.batchId(), this.clock.instant(),
				actor, TimesheetEvent.CURRENT_SCHEMA_VERSION)), intent);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new CommandAccepted(ids.batchId(), eventId, timesheetId));
	}

}
