package com.exampleco.timesheets.webapp.approval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.webapp.api.Accepted;
import com.exampleco.timesheets.webapp.api.ApiRefusal;
import com.exampleco.timesheets.webapp.api.FieldErrors;
import com.exampleco.timesheets.webapp.api.IngestApi;
import com.exampleco.timesheets.webapp.api.QueryApi;
import com.exampleco.timesheets.webapp.api.Timesheet;
import com.exampleco.timesheets.webapp.api.TimesheetPage;
import com.exampleco.timesheets.webapp.config.WebAppProperties;
import com.exampleco.timesheets.webapp.person.Person;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Team approvals" (managers only, see the security configuration): the team's SUBMITTED
 * timesheets, asked from the query API one team member at a time (its {@code employeeId}
 * filter names one employee), and a decision per timesheet with a comment, bound to the
 * version shown ({@code If-Match}): if the timesheet changed since, the processor refuses
 * the decision as stale and the progress page says so.
 */
@Controller
class TeamApprovalsController {

	private static final Set<String> DECISIONS = Set.of("APPROVED", "REJECTED");

	private final QueryApi query;

	private final IngestApi ingest;

	private final int pageSize;

	TeamApprovalsController(QueryApi query, IngestApi ingest, WebAppProperties properties) {
		this.query = query;
		this.ingest = ingest;
		this.pageSize = properties.pageSize();
	}

	@GetMapping("/team")
	String pending(@ModelAttribute("person") Person person, Model model) {
		fill(model, person, null, FieldErrors.NONE, null);
		return "team";
	}

	@PostMapping("/team/{timesheetId}/decision")
	String decide(@ModelAttribute("person") Person person, @PathVariable UUID timesheetId,
			@RequestParam String decision, @RequestParam(required = false) String comment, @RequestParam long version,
			Model model, HttpServletResponse response) {
		if (!DECISIONS.contains(decision) || version < 1) {
			throw new IllegalArgumentException("not a decision");
		}
		String text = (comment == null || comment.isBlank()) ? null : comment;
		try {
			Accepted accepted = this.ingest.decide(timesheetId, decision, text, version);
			return "redirect:/batches/" + accepted.batchId() + "?expected=1&timesheet=" + timesheetId + "&version="
					+ version;
		}
		catch (ApiRefusal ex) {
			if (ex.status() != 422) {
				throw ex;
			}
			response.setStatus(422);
			fill(model, person, timesheetId, FieldErrors.of(ex.problem(), Set.of("comment")), comment);
			return "team";
		}
	}

	private void fill(Model model, Person person, UUID failed, FieldErrors errors, String comment) {
		List<Timesheet> pending = new ArrayList<>();
		List<String> more = new ArrayList<>();
		for (String member : person.team()) {
			TimesheetPage page = this.query.list(new QueryApi.Filter(member, "SUBMITTED", null, null), null,
					this.pageSize);
			pending.addAll(page.items());
			if (page.nextCursor() != null) {
				more.add(member);
			}
		}
		pending.sort(Comparator.comparing(Timesheet::workDate).thenComparing(Timesheet::employeeId));
		model.addAttribute("pending", pending);
		model.addAttribute("more", more);
		model.addAttribute("failed", failed);
		model.addAttribute("errors", errors);
		model.addAttribute("comments", (failed != null && comment != null) ? Map.of(failed, comment) : Map.of());
	}

}
