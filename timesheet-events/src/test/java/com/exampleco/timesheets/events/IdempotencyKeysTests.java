package com.exampleco.timesheets.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeysTests {

	@ParameterizedTest
	@ValueSource(strings = { "a", "key-1", "6e66aa77-100a-561d-99d1-44198aa1ebf3", "!#$%&'()*+,-./:;<=>?@[]^_`{|}~",
			"ZZ9_plural.Z-alpha" })
	void acceptsVisibleAsciiKeys(String key) {
		assertThat(IdempotencyKeys.isValid(key)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 254, 255 })
	void acceptsKeysUpToTheMaximumLength(int length) {
		assertThat(IdempotencyKeys.isValid("k".repeat(length))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 256, 1000 })
	void rejectsKeysLongerThanTheMaximum(int length) {
		assertThat(IdempotencyKeys.isValid("k".repeat(length))).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	void rejectsMissingKeys(String key) {
		assertThat(IdempotencyKeys.isValid(key)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", " key", "key ", "a\"b", "a\\b", "clé", "\u00a0", "a\u2028b", "a\tb", "a\nb",
			"a\u0000b", "a\u007fb", "\ud83d\ude00" })
	void rejectsSpacesQuotesBackslashesNonAsciiAndControlCharacters(String key) {
		assertThat(IdempotencyKeys.isValid(key)).isFalse();
	}

}
