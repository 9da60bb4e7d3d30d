package com.exampleco.timesheets.webapp.contractor;

import com.exampleco.timesheets.webapp.person.Person;
import com.exampleco.timesheets.webapp.timesheets.ListRequest;
import com.exampleco.timesheets.webapp.timesheets.TimesheetListing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The contractor portal, a third-party app in the same process: its own sign-in
 * ({@code contractor-portal}, consent at the issuer, {@code read:timesheets} only) and
 * one read-only page of the contractor's own timesheets. It has no form that changes
 * anything.
 */
@Controller
class ContractorPortalController {

	private final TimesheetListing listing;

	ContractorPortalController(TimesheetListing listing) {
		this.listing = listing;
	}

	@GetMapping("/contractor/")
	String home(@ModelAttribute("person") Person person) {
		return (person != null) ? "redirect:/contractor/timesheets" : "contractor/home";
	}

	@GetMapping("/contractor/timesheets")
	String timesheets(@ModelAttribute("person") Person person, ListRequest request, Model model) {
		this.listing.fill(model, person, request, "/contractor/timesheets");
		return "contractor/timesheets";
	}

}
