package com.exampleco.timesheets.ingest.approval;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TextRules;
import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetRejected;
import com.exampleco.timesheets.ingest.config.IngestProperties;
import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import com.exampleco.timesheets.ingest.publishing.RequestIds;
import com.exampleco.timesheets.ingest.publishing.RequestIntent;
import com.exampleco.timesheets.ingest.web.Actors;
import com.exampleco.timesheets.security.Caller;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /timesheets/{id}/approval} with {@code approve:timesheets}: publishes a
 * {@link TimesheetApproved} or {@link TimesheetRejected} event. The comment must be text
 * the contract allows ({@link TextRules}); an expected version ({@code If-Match} or
 * {@code expectedVersion}, see {@link ExpectedVersion}) goes into the event, and the
 * processor refuses the decision as stale when the timesheet has changed since.
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

	static final String ROUTE = "/timesheets/{timesheetId}/approval";

	@PostMapping(path = ROUTE, consumes = "application/json")
	ResponseEntity<CommandAccepted> decide(Caller caller, @PathVariable UUID timesheetId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ApprovalRequest request) {
		Long expectedVersion = ExpectedVersion.of(ifMatch, request.expectedVersion());
		String comment = comment(request.comment());
		RequestIds ids = RequestIds.of(caller.clientId(), idempotencyKey);
		UUID eventId = ids.eventId(0);
		Actor actor = Actors.of(caller);
		TimesheetEvent event = (request.decision() == Decision.APPROVED)
				? new TimesheetApproved(eventId, timesheetId, ids.batchId(), this.clock.instant(), actor,
						TimesheetEvent.CURRENT_SCHEMA_VERSION, comment, expectedVersion)
				: new TimesheetRejected(eventId, timesheetId, ids.batchId(), this.clock.instant(), actor,
						TimesheetEvent.CURRENT_SCHEMA_VERSION, comment, expectedVersion);
		RequestIntent intent = ids.intent(RequestIntent.endpoint("POST", ROUTE, timesheetId), actor,
				(content) -> content.add(request.decision().name()).add(comment).add(expectedVersion));
		this.publisher.publish(List.of(event), intent);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new CommandAccepted(ids.batchId(), eventId, timesheetId));
	}

	/**
	 * The comment as published: stripped, null when blank.
	 * @throws InvalidApprovalException when it holds text the contract refuses or is too
	 * long
	 */
	private String comment(String raw) {
		// checked as sent: stripping must not hide a control character at either end
		String problem = TextRules.freeTextProblem(raw);
		if (problem != null) {
			throw new InvalidApprovalException("comment", "comment " + problem);
		}
		String comment = (raw != null && !raw.isBlank()) ? raw.strip() : null;
		if (comment != null && comment.codePointCount(0, comment.length()) > this.properties.maxCommentLength()) {
			throw new InvalidApprovalException("comment",
					"comment must be at most " + this.properties.maxCommentLength() + " characters");
		}
		return comment;
	}

}
