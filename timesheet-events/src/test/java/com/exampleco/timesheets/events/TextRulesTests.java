package com.exampleco.timesheets.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTests {

	@ParameterizedTest(name = "{0}: id {2}, free text {3}")
	@CsvSource(delimiter = '|', textBlock = """
			plain text            | plain              | ok       | ok
			empty                 | ''                 | ok       | ok
			NUL                   | a\\u0000b          | U+0000   | U+0000
			U+0001                | a\\u0001b          | U+0001   | U+0001
			U+001F                | a\\u001Fb          | U+001F   | U+001F
			DEL                   | a\\u007Fb          | U+007F   | U+007F
			vertical tab          | a\\u000Bb          | U+000B   | U+000B
			tab                   | a\\tb              | U+0009   | ok
			line feed             | a\\nb              | U+000A   | ok
			carriage return       | a\\rb              | U+000D   | ok
			lone high surrogate   | a\\uD83D           | surrogate | surrogate
			lone high then text   | \\uD83Dab          | surrogate | surrogate
			lone low surrogate    | a\\uDE00b          | surrogate | surrogate
			reversed pair         | \\uDE00\\uD83D     | surrogate | surrogate
			valid pair            | smile \\uD83D\\uDE00 | ok     | ok
			C1 control            | a\\u0085b          | ok       | ok
			non-ASCII             | Grüße €            | ok       | ok
			""")
	void refusesWhatPostgresqlCannotStore(String description, String escaped, String asId, String asFreeText) {
		String value = unescape(escaped);
		assertProblem(TextRules.singleLineProblem(value), asId);
		assertProblem(TextRules.freeTextProblem(value), asFreeText);
	}

	@ParameterizedTest
	@CsvSource({ "a\\u0000b", "x\\u001F" })
	void nullIsNeverAProblemButAControlCharacterIs(String escaped) {
		assertThat(TextRules.singleLineProblem(null)).isNull();
		assertThat(TextRules.freeTextProblem(null)).isNull();
		assertThat(TextRules.freeTextProblem(unescape(escaped))).startsWith("contains the control character U+00");
	}

	private static void assertProblem(String problem, String expected) {
		if (expected.equals("ok")) {
			assertThat(problem).isNull();
		}
		else {
			assertThat(problem).isNotNull().contains(expected);
		}
	}

	/** {@code \\uXXXX}, {@code \\t}, {@code \\n}, {@code \\r} as in Java source. */
	private static String unescape(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(i + 1);
				if (next == 'u') {
					out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
					i += 5;
					continue;
				}
				out.append(switch (next) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					default -> next;
				});
				i++;
				continue;
			}
			out.append(c);
		}
		return out.toString();
	}

}
