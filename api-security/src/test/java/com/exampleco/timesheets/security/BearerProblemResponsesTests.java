package com.exampleco.timesheets.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerProblemResponsesTests {

	@Test
	void keepsOnlyCharactersAllowedInErrorDescription() {
		assertThat(BearerProblemResponses.sanitize("bad \"quoted\" \\ value\n")).isEqualTo("bad  quoted    value");
	}

	@Test
	void redactsTokenMaterial() {
		String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzb21lb25lIn0.c2lnbmF0dXJlc2lnbmF0dXJl";

		assertThat(BearerProblemResponses.sanitize("Malformed: " + token)).isEqualTo("Malformed: [redacted]");
	}

	@Test
	void keepsOrdinaryValidationMessages() {
		String message = "An error occurred while attempting to decode the Jwt: Jwt expired at 2025-11-28T04:30:00Z";

		assertThat(BearerProblemResponses.sanitize(message)).isEqualTo(message);
	}

	@Test
	void limitsLength() {
		assertThat(BearerProblemResponses.sanitize("x ".repeat(300))).hasSizeLessThanOrEqualTo(200);
	}

}
