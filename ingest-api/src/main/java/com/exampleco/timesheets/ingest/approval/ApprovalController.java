package com.exampleco.timesheets.ingest.approval;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetRejected;
import com.exampleco.timesheets.ingest.config.IngestProperties;
import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import com.exampleco.timesheets.ingest.publishing.RequestIds;
import com.exampleco.timesheets.ingest.web.Actors;
import com.exampleco.timesheets.security.Caller;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /timesheets/{id}/approval} with {@code approve:timesheets}: publishes a
 * {@link TimesheetApproved} or {@link TimesheetRejected} event.
 */
@RestController
class ApprovalController {

	private final EventPublisher publisher;

	private final IngestProperties properties;

	private final Clock clock;

	ApprovalController(EventPublisher publisher, IngestProperties properties, Clock clock) {
		this.publisher = publisher;
		this.properties = properties;
		this.clock = clock;
	}

	@PostMapping(path = "/timesheets/{timesheetId}/approval", consumes = "application/json")
	ResponseEntity<CommandAccepted> decide(Caller caller, @PathVariable UUID timesheetId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody ApprovalRequest request) {
		String comment = (request.comment() != null && !request.comment().isBlank()) ? request.comment().strip() : null;
		if (comment != null && comment.codePointCount(0, comment.length()) > this.properties.maxCommentLength()) {
			throw new CommentTooLongException(this.properties.maxCommentLength());
		}
		RequestIds ids = RequestIds.of(caller.clientId(), idempotencyKey);
		UUID eventId = ids.eventId(0);
		Actor actor = Actors.of(caller);
		TimesheetEvent event = (request.decision() == Decision.APPROVED)
				? new TimesheetApproved(eventId, timesheetId, ids.batchId(), this.clock.instant(), actor,
						TimesheetEvent.CURRENT_SCHEMA_VERSION, comment)
				: new TimesheetRejected(eventId, timesheetId, ids.batchId(), this.clock.instant(), actor,
						TimesheetEvent.CURRENT_SCHEMA_VERSION, comment);
		this.publisher.publish(List.of(event));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new CommandAccepted(ids.batchId(), eventId, timesheetId));
	}

}
