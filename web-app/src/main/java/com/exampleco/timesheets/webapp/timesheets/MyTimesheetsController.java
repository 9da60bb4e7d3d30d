package com.exampleco.timesheets.webapp.timesheets;

import com.exampleco.timesheets.webapp.person.Person;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The home page (sign in, or straight to the list) and "My timesheets": the signed-in
 * person's timesheets, filtered by date range and status, a page at a time.
 */
@Controller
class MyTimesheetsController {

	private final TimesheetListing listing;

	MyTimesheetsController(TimesheetListing listing) {
		this.listing = listing;
	}

	@GetMapping("/")
	String home(@ModelAttribute("person") Person person) {
		return (person != null) ? "redirect:/timesheets" : "home";
	}

	@GetMapping("/timesheets")
	String list(@ModelAttribute("person") Person person, ListRequest request, Model model) {
		this.listing.fill(model, person, request, "/timesheets");
		return "timesheets";
	}

}
