package com.exampleco.timesheets.security;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The header-value check gives the verdict of StrictHttpFirewall's default regular
 * expression for every kind of character.
 */
class AssignedNonControlCharactersTests {

	// StrictHttpFirewall's own default for header values
	private static final Predicate<String> DEFAULT = StrictHttpFirewall.ALLOWED_HEADER_VALUES;

	private final AssignedNonControlCharacters check = new AssignedNonControlCharacters();

	@Test
	void judgesLikeTheFirewallsRegularExpression() {
		List<String> values = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_~+/=", "tab\there",
				"nul\u0000", "tab\tinside", "del\u007F", "c1\u0085", "c1\u009F", "nbsp\u00A0", "unassigned\u0378",
				"é ü ß 漢字", "emoji \uD83D\uDE00", "lone high \uD83D", "lone low \uDE00 x",
				"unassigned astral \uDB40\uDC80", "private use \uE000", "line\nbreak", "cr\r", "format \u200B",
				"\uFFFF", "\uFFFD");
		for (String value : values) {
			assertThat(this.check.test(value)).as(value).isEqualTo(DEFAULT.test(value));
		}
		for (int c = 0; c < 0x3000; c++) {
			String value = "a" + (char) c + "b";
			assertThat(this.check.test(value)).as("U+%04X", c).isEqualTo(DEFAULT.test(value));
		}
	}

	@Test
	void theAutoConfiguredFirewallStillRejectsControlCharactersInHeaders() {
		StrictHttpFirewall firewall = new ApiSecurityAutoConfiguration().httpFirewall();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/timesheets");
		request.addHeader("Authorization", "Bearer abc\u0000def");
		request.addHeader("X-Fine", "Bearer abc.def");

		var firewalled = firewall.getFirewalledRequest(request);

		assertThat(firewalled.getHeader("X-Fine")).isEqualTo("Bearer abc.def");
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> firewalled.getHeader("Authorization"));
	}

}
