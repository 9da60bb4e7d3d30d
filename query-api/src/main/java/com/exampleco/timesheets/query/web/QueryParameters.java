package com.exampleco.timesheets.query.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Strict query-string checks shared by every route: a parameter the route does not know,
 * a parameter given twice and an empty value are refused with 400 naming the parameter,
 * instead of being ignored (a misspelt filter must not silently widen a result).
 */
public final class QueryParameters {

	private QueryParameters() {
	}

	/**
	 * Refuses unknown, repeated and empty parameters.
	 * @param request the request
	 * @param allowed the parameter names the route accepts
	 * @throws InvalidParameterException naming the first offending parameter (in
	 * alphabetical order, so the answer is deterministic)
	 */
	public static void requireOnly(HttpServletRequest request, Set<String> allowed) {
		Map<String, String[]> parameters = request.getParameterMap();
		for (String name : new TreeSet<>(parameters.keySet())) {
			if (!allowed.contains(name)) {
				throw new InvalidParameterException(name, "Unknown query parameter '" + printable(name)
						+ "'; accepted: " + String.join(", ", new TreeSet<>(allowed)));
			}
			String[] values = parameters.get(name);
			if (values.length > 1) {
				throw new InvalidParameterException(name, "Query parameter '" + name + "' must be given at most once");
			}
			if (values.length == 1 && values[0].isBlank()) {
				throw new InvalidParameterException(name, "Query parameter '" + name + "' must not be empty");
			}
		}
	}

	/**
	 * A parameter name made safe to repeat in an answer: at most 64 characters, only
	 * visible ASCII.
	 * @param name the name as sent
	 * @return the printable form
	 */
	public static String printable(String name) {
		String cut = (name.length() > 64) ? name.substring(0, 64) + "…" : name;
		return cut.replaceAll("[^\\x21-\\x7E…]", "?");
	}

}
