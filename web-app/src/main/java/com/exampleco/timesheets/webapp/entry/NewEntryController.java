package com.exampleco.timesheets.webapp.entry;

import java.time.Clock;
import java.time.LocalDate;

import com.exampleco.timesheets.webapp.api.Accepted;
import com.exampleco.timesheets.webapp.api.ApiRefusal;
import com.exampleco.timesheets.webapp.api.FieldErrors;
import com.exampleco.timesheets.webapp.api.IngestApi;
import com.exampleco.timesheets.webapp.person.Person;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "New entry": one timesheet entry for the signed-in person, sent to the ingest API. A
 * 422 answer is shown by field, next to each field; a 202 leads to the "being processed"
 * page.
 */
@Controller
class NewEntryController {

	private final IngestApi ingest;

	NewEntryController(IngestApi ingest) {
		this.ingest = ingest;
	}

	@GetMapping("/timesheets/new")
	String form(Model model) {
		model.addAttribute("form", EntryForm.blank(LocalDate.now(Clock.systemUTC())));
		model.addAttribute("errors", FieldErrors.NONE);
		return "entry";
	}

	@PostMapping("/timesheets/new")
	String submit(@ModelAttribute("person") Person person, @ModelAttribute("form") EntryForm typed, Model model,
			HttpServletResponse response) {
		EntryForm form = typed.withExternalId();
		try {
			Accepted accepted = this.ingest.submit(form.toEntry(person.employeeId()), "web-entry-" + form.externalId());
			return "redirect:/batches/" + accepted.batchId() + "?expected=1&timesheet=" + accepted.firstTimesheet();
		}
		catch (ApiRefusal ex) {
			if (ex.status() != 422 && ex.status() != 400) {
				throw ex;
			}
			model.addAttribute("form", form);
			model.addAttribute("errors", FieldErrors.of(ex.problem(), EntryForm.FIELDS));
			response.setStatus(ex.status());
			return "entry";
		}
	}

}
