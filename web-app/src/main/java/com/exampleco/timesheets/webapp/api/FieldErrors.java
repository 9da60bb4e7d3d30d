package com.exampleco.timesheets.webapp.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A 422 problem's errors sorted for a form: those of the form's own fields by field
 * (shown next to the field), the others as general messages (shown above the form).
 *
 * @param byField the first message of each of the form's fields, in the API's order
 * @param general messages that concern no field of the form, never null
 */
public record FieldErrors(Map<String, String> byField, List<String> general) {

	/** No errors. */
	public static final FieldErrors NONE = new FieldErrors(Map.of(), List.of());

	/**
	 * @param problem the API's problem
	 * @param formFields the fields the form shows
	 * @return the errors, never null
	 */
	public static FieldErrors of(Problem problem, Set<String> formFields) {
		Map<String, String> byField = new LinkedHashMap<>();
		List<String> general = new ArrayList<>();
		for (Problem.Error error : problem.errors()) {
			if (error.field() != null && formFields.contains(error.field())) {
				byField.putIfAbsent(error.field(), error.message());
			}
			else {
				general.add((error.field() != null) ? error.field() + ": " + error.message() : error.message());
			}
		}
		if (byField.isEmpty() && general.isEmpty() && problem.detail() != null) {
			general.add(problem.detail());
		}
		return new FieldErrors(byField, general);
	}

	/**
	 * @return whether there is any error
	 */
	public boolean any() {
		return !this.byField.isEmpty() || !this.general.isEmpty();
	}

}
