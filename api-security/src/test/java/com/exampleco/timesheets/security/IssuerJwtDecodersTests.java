package com.exampleco.timesheets.security;

import java.time.Duration;

import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The decoder's failures carry a fixed description; the library's own message stays in
 * the cause (for the server), never in the description (for the client).
 */
class IssuerJwtDecodersTests {

	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	private final JwtDecoder decoder = IssuerJwtDecoders
		.lazy(new ApiSecurityProperties(TestTokenIssuer.DEFAULT_AUDIENCE, issuer.issuer(), null, Duration.ofSeconds(30),
				ApiSecurityProperties.DEFAULT_EMPLOYEE_CLAIM, ApiSecurityProperties.DEFAULT_TEAM_CLAIM,
				ApiSecurityProperties.PermissionsClaim.WHEN_NO_SCOPE,
				new ApiSecurityProperties.TokenCache(0, Duration.ofMinutes(5))));

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@Test
	void describesUnparsableTokenAsMalformedKeepingTheCause() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("not-a-jwt"))
			.withMessage("The access token is malformed")
			.havingCause()
			.withMessageContaining("Malformed");
	}

	@Test
	void describesExpiryWithoutTheInstant() {
		String token = issuer.token().expiresIn(Duration.ofMinutes(-5)).sign();

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessage("The access token has expired");
	}

	@Test
	void describesBadSignatureWithoutNamingTheCheck() {
		String token = issuer.token().tamperedPayload().sign();

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessage("The access token is not accepted by this API")
			.havingCause()
			.withMessageContaining("signature");
	}

	@Test
	void describesIdentityFailures() {
		String blank = issuer.token().employee(" ").sign();
		String user = issuer.token().auth0User("auth0|x", "portal").sign();

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(blank))
			.withMessage("The access token's employee claim is not a valid employee id");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(user))
			.withMessage("The access token names neither an employee nor a client acting for itself");
	}

}
