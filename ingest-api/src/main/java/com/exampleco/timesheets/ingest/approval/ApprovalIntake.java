package com.exampleco.timesheets.ingest.approval;

import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TextRules;
import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetRejected;
import com.exampleco.timesheets.ingest.command.CommandAccepted;
import com.exampleco.timesheets.ingest.command.TimesheetCommands;
import com.exampleco.timesheets.ingest.config.IngestProperties;
import com.exampleco.timesheets.ingest.idempotency.RequestIntent;

import org.springframework.stereotype.Service;

/**
 * Turns a decision into a {@link TimesheetApproved} or {@link TimesheetRejected} event
 * and publishes it. The comment must be text the contract allows ({@link TextRules}) and
 * no longer than {@code max-comment-length}; an expected version ({@code If-Match} or
 * {@code expectedVersion}, see {@link ExpectedVersion}) goes into the event, and the
 * processor refuses the decision as stale when the timesheet has changed since.
 */
@Service
public class ApprovalIntake {

	static final String ROUTE = "/timesheets/{timesheetId}/approval";

	private final TimesheetCommands commands;

	private final IngestProperties properties;

	ApprovalIntake(TimesheetCommands commands, IngestProperties properties) {
		this.commands = commands;
		this.properties = properties;
	}

	/**
	 * Publishes a decision and waits for the commit.
	 * @param actor who decides
	 * @param timesheetId the timesheet
	 * @param idempotencyKey the request's key, or null
	 * @param ifMatch the {@code If-Match} header, or null
	 * @param request the body
	 * @return what was accepted
	 * @throws MalformedIfMatchException when {@code If-Match} is not one version tag
	 * @throws InvalidApprovalException when the comment or the expected version breaks a
	 * rule
	 */
	public CommandAccepted decide(Actor actor, UUID timesheetId, String idempotencyKey, String ifMatch,
			ApprovalRequest request) {
		Long expectedVersion = ExpectedVersion.of(ifMatch, request.expectedVersion());
		String comment = comment(request.comment());
		boolean approved = request.decision() == Decision.APPROVED;
		return this.commands.publish(actor, idempotencyKey, RequestIntent.endpoint("POST", ROUTE, timesheetId),
				timesheetId, (content) -> content.add(request.decision().name()).add(comment).add(expectedVersion),
				(eventId, batchId, now) -> approved
						? new TimesheetApproved(eventId, timesheetId, batchId, now, actor,
								TimesheetEvent.CURRENT_SCHEMA_VERSION, comment, expectedVersion)
						: new TimesheetRejected(eventId, timesheetId, batchId, now, actor,
								TimesheetEvent.CURRENT_SCHEMA_VERSION, comment, expectedVersion));
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
