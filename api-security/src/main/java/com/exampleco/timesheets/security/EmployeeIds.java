package com.exampleco.timesheets.security;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The employee-id rule as the access token sees it: 1 to 64 of {@code A-Z a-z 0-9 _ -}
 * (the same rule {@code timesheet-events} applies to an entry's {@code employeeId}), and
 * one canonical form, upper-case ASCII, because employee ids are case-insensitive:
 * {@code e1001} and {@code E1001} name the same employee. Compare employee ids only in
 * their canonical form.
 */
public final class EmployeeIds {

	private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private EmployeeIds() {
	}

	/**
	 * Whether a text is an employee id.
	 * @param text any text
	 * @return true when it matches {@code ^[A-Za-z0-9_-]{1,64}$}
	 */
	public static boolean isValid(String text) {
		return RULE.matcher(text).matches();
	}

	/**
	 * The canonical form of an employee id.
	 * @param employeeId a text that {@link #isValid(String) is valid}
	 * @return the id in upper case, never null
	 * @throws IllegalArgumentException when the text is not an employee id
	 */
	public static String canonical(String employeeId) {
		if (!isValid(employeeId)) {
			throw new IllegalArgumentException("not an employee id: 1 to 64 of A-Z a-z 0-9 _ -");
		}
		// the rule admits ASCII only, so ROOT upper-casing cannot change the length
		return employeeId.toUpperCase(Locale.ROOT);
	}

}
