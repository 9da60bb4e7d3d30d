package com.exampleco.timesheets.webapp.batch;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.exampleco.timesheets.webapp.api.BatchStatus;
import com.exampleco.timesheets.webapp.api.QueryApi;
import com.exampleco.timesheets.webapp.api.Timesheet;
import com.exampleco.timesheets.webapp.config.WebAppProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What became of an accepted request. The ingest API's {@code 202} means "committed to
 * the topic", not "applied": this page says "accepted, being processed" and refreshes
 * itself (a meta refresh, no script needed) every {@code poll-interval}, asking the query
 * API each time, until the batch is complete or the timesheet shows a newer version than
 * the one the person decided on; then it shows the applied state, or the refusal in plain
 * words. After {@code max-polls} refreshes it stops and says the outcome is not known
 * yet.
 */
@Controller
class BatchProgressController {

	private final QueryApi query;

	private final WebAppProperties properties;

	BatchProgressController(QueryApi query, WebAppProperties properties) {
		this.query = query;
		this.properties = properties;
	}

	/**
	 * @param batchId the accepted batch
	 * @param expected how many events it has (entries; 1 for a decision)
	 * @param timesheet the timesheet to show once applied, optional
	 * @param version the version a decision was bound to, optional
	 * @param poll how many times the page refreshed already
	 */
	@GetMapping("/batches/{batchId}")
	String progress(@PathVariable UUID batchId, @RequestParam(defaultValue = "1") int expected,
			@RequestParam(required = false) UUID timesheet, @RequestParam(required = false) Long version,
			@RequestParam(defaultValue = "0") int poll, Model model) {
		if (expected < 1 || poll < 0 || (version != null && version < 1)) {
			throw new IllegalArgumentException("bad progress parameters");
		}
		Optional<BatchStatus> status = this.query.batch(batchId, expected);
		Timesheet current = (timesheet != null) ? this.query.get(timesheet).orElse(null) : null;
		boolean complete = status.map((found) -> Boolean.TRUE.equals(found.complete())).orElse(false);
		boolean changed = version != null && current != null && current.version() > version;
		String state = (complete || changed) ? "done" : (poll >= this.properties.maxPolls()) ? "unknown" : "processing";
		model.addAttribute("state", state);
		model.addAttribute("batchId", batchId);
		model.addAttribute("expected", expected);
		model.addAttribute("status", status.orElse(null));
		model.addAttribute("timesheet", current);
		model.addAttribute("refusals", refusals(status));
		if ("processing".equals(state)) {
			UriComponentsBuilder next = UriComponentsBuilder.fromPath("/batches/{id}")
				.queryParam("expected", expected)
				.queryParam("poll", poll + 1);
			Optional.ofNullable(timesheet).ifPresent((id) -> next.queryParam("timesheet", id));
			Optional.ofNullable(version).ifPresent((seen) -> next.queryParam("version", seen));
			model.addAttribute("refresh",
					this.properties.pollInterval().toSeconds() + ";url=" + next.buildAndExpand(batchId).toUriString());
		}
		UriComponentsBuilder again = UriComponentsBuilder.fromPath("/batches/{id}").queryParam("expected", expected);
		Optional.ofNullable(timesheet).ifPresent((id) -> again.queryParam("timesheet", id));
		Optional.ofNullable(version).ifPresent((seen) -> again.queryParam("version", seen));
		model.addAttribute("checkAgain", again.buildAndExpand(batchId).toUriString());
		return "batch";
	}

	private static List<Refusal> refusals(Optional<BatchStatus> status) {
		return status.map(BatchStatus::rejectedEvents)
			.orElse(List.of())
			.stream()
			.map((event) -> new Refusal(event.timesheetId(), event.eventType(), Outcomes.explain(event.reason())))
			.toList();
	}

	/**
	 * A refused event in plain words.
	 *
	 * @param timesheetId its timesheet
	 * @param eventType what was asked
	 * @param explanation what happened and what to do
	 */
	record Refusal(UUID timesheetId, String eventType, String explanation) {
	}

}
