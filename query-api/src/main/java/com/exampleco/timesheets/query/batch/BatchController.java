package com.exampleco.timesheets.query.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.query.batch.BatchOutcomes.OutcomeCount;
import com.exampleco.timesheets.query.batch.BatchStatus.RejectedEvent;
import com.exampleco.timesheets.query.batch.BatchStatus.Rejection;
import com.exampleco.timesheets.query.config.QueryProperties;
import com.exampleco.timesheets.query.web.InvalidParameterException;
import com.exampleco.timesheets.query.web.NotFoundException;
import com.exampleco.timesheets.query.web.QueryParameters;
import com.exampleco.timesheets.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /batches/{batchId}}: how far the processor got with a batch. Events carry no
 * batch size, so the client passes {@code expectedEvents} (the number of entries its 202
 * acknowledged) to learn whether the batch is {@code complete}.
 * <p>
 * Who may read a batch: a machine client's token with {@code read:timesheets} any batch;
 * any other token only a batch its own client sent ({@link BatchOutcomes#belongsTo}), and
 * an employee-bound token only when the batch also concerns that employee's timesheets
 * alone, or, for a manager, only the employee's own and the team's (so a manager sees the
 * outcome of an approval of a team member's timesheet, refusals with their reasons
 * included). Everything else is 404 with the same body as a batch nothing is known of, so
 * batch ids (derivable from a client id and an idempotency key) leak nothing.
 */
@RestController
class BatchController {

	static final List<String> OUTCOMES = List.of("APPLIED", "UNCHANGED", "REJECTED", "DUPLICATE");

	static final int MAX_EXPECTED_EVENTS = 1_000_000;

	static final String READ_SCOPE = "read:timesheets";

	private final BatchOutcomes outcomes;

	private final QueryProperties properties;

	BatchController(BatchOutcomes outcomes, QueryProperties properties) {
		this.outcomes = outcomes;
		this.properties = properties;
	}

	@GetMapping("/batches/{batchId}")
	@Operation(summary = "Outcomes of a batch's events; with expectedEvents, whether all were processed")
	BatchStatus batch(@PathVariable UUID batchId, @Parameter(
			description = "how many events the batch holds (entries of the 202); enables 'complete'") @RequestParam(
					required = false) Integer expectedEvents,
			@Parameter(hidden = true) Caller caller, @Parameter(hidden = true) Authentication authentication,
			HttpServletRequest request) {
		QueryParameters.requireOnly(request, Set.of("expectedEvents"));
		if (expectedEvents != null && (expectedEvents < 1 || expectedEvents > MAX_EXPECTED_EVENTS)) {
			throw new InvalidParameterException("expectedEvents",
					"'expectedEvents' must be between 1 and " + MAX_EXPECTED_EVENTS);
		}
		List<OutcomeCount> counts = this.outcomes.counts(batchId);
		NotFoundException notFound = new NotFoundException("No event of batch " + batchId + " has been recorded (yet)");
		if (counts.isEmpty()) {
			throw notFound;
		}
		if (!mayRead(batchId, caller, authentication)) {
			throw notFound;
		}
		Map<String, Long> byOutcome = new LinkedHashMap<>();
		OUTCOMES.forEach((outcome) -> byOutcome.put(outcome, 0L));
		Map<String, Long> byReason = new LinkedHashMap<>();
		for (OutcomeCount count : counts) {
			byOutcome.merge(count.outcome(), count.deliveries(), Long::sum);
			if ("REJECTED".equals(count.outcome())) {
				byReason.merge((count.reason() != null) ? count.reason() : "unknown", count.deliveries(), Long::sum);
			}
		}
		long seen = byOutcome.get("APPLIED") + byOutcome.get("UNCHANGED") + byOutcome.get("REJECTED");
		List<Rejection> rejections = new ArrayList<>();
		byReason.forEach((reason, count) -> rejections.add(new Rejection(reason, count)));
		rejections.sort(Comparator.comparingLong(Rejection::count).reversed().thenComparing(Rejection::reason));
		int listed = this.properties.maxRejectionsListed();
		List<RejectedEvent> rejected = (byOutcome.get("REJECTED") > 0 && listed > 0)
				? this.outcomes.rejected(batchId, listed) : List.of();
		Boolean complete = (expectedEvents != null) ? seen >= expectedEvents : null;
		return new BatchStatus(batchId, seen, byOutcome, rejections, rejected, byOutcome.get("REJECTED") > listed,
				expectedEvents, complete);
	}

	private boolean mayRead(UUID batchId, Caller caller, Authentication authentication) {
		if (caller.isMachine() && hasScope(authentication, READ_SCOPE)) {
			return true;
		}
		if (!this.outcomes.belongsTo(batchId, caller.clientId())) {
			return false;
		}
		if (caller.isMachine()) {
			return true;
		}
		// a person reads what they sent themselves (e.g. why their decision on a
		// timesheet
		// outside their team was refused), or a batch of their app that concerns only
		// themselves and their team
		return this.outcomes.sentBy(batchId, caller.clientId(), caller.subject())
				|| !this.outcomes.concernsOthersThan(batchId, caller.ownAndTeam());
	}

	private static boolean hasScope(Authentication authentication, String scope) {
		String authority = "SCOPE_" + scope;
		return authentication.getAuthorities().stream().anyMatch((granted) -> authority.equals(granted.getAuthority()));
	}

}
