package com.exampleco.timesheets.events;

import java.util.regex.Pattern;

/**
 * Employee ids are case-insensitive: {@code e1001} and {@code E1001} name the same
 * employee. Their canonical form is upper case (ASCII letters only; every other character
 * is kept as it is). The entry rules write employee ids in this form, the processor
 * stores and compares them in it (self-approval), and the web APIs canonicalize the
 * token's employee claim the same way, so an exact comparison of canonical forms is
 * enough everywhere.
 */
public final class EmployeeIds {

	/** The employee-id rule: 1 to 64 of {@code A-Z a-z 0-9 _ -}. */
	public static final Pattern RULE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private EmployeeIds() {
	}

	/**
	 * Whether a text is an employee id.
	 * @param text any text, may be null (not an id)
	 * @return true when it matches {@link #RULE}
	 */
	public static boolean isValid(String text) {
		return text != null && RULE.matcher(text).matches();
	}

	/**
	 * The canonical form of an employee id: ASCII letters {@code a-z} upper-cased,
	 * nothing else changed (no locale, no Unicode case mapping, the length never
	 * changes). Idempotent.
	 * @param employeeId the id, may be null
	 * @return the canonical form, or {@code null} when the id is null
	 */
	public static String canonical(String employeeId) {
		if (employeeId == null) {
			return null;
		}
		for (int i = 0; i < employeeId.length(); i++) {
			char c = employeeId.charAt(i);
			if (c >= 'a' && c <= 'z') {
				char[] chars = employeeId.toCharArray();
				for (int j = i; j < chars.length; j++) {
					if (chars[j] >= 'a' && chars[j] <= 'z') {
						chars[j] = (char) (chars[j] - ('a' - 'A'));
					}
				}
				return new String(chars);
			}
		}
		return employeeId;
	}

	/**
	 * Whether two employee ids name the same employee (equal canonical forms).
	 * @param a one id, may be null
	 * @param b the other, may be null
	 * @return true when both are non-null and equal ignoring ASCII case
	 */
	public static boolean same(String a, String b) {
		return a != null && b != null && canonical(a).equals(canonical(b));
	}

}
