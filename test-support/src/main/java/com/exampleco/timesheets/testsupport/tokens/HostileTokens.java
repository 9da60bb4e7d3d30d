package com.exampleco.timesheets.testsupport.tokens;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The bad-token matrix every API must answer with 401
 * {@code WWW-Authenticate: Bearer error="invalid_token"}: each variant turns a valid
 * token into a hostile one. Use it as a parameterized test source:
 * {@code @MethodSource("com.exampleco.timesheets.testsupport.tokens.HostileTokens#all")}.
 */
public final class HostileTokens {

	private HostileTokens() {
	}

	/**
	 * Every hostile variant, named for test reports.
	 * @return the variants
	 */
	public static List<Variant> all() {
		return List.of(new Variant("expired", (token) -> token.expiresAt(Instant.now().minusSeconds(120))),
				new Variant("nbf in the future", (token) -> token.notBefore(Instant.now().plusSeconds(300))),
				new Variant("wrong iss", TokenBuilder::wrongIssuer),
				new Variant("wrong aud", (token) -> token.audience("https://other.example.com")),
				new Variant("no aud", TokenBuilder::noAudience), new Variant("alg none", TokenBuilder::algNone),
				new Variant("HS256 signed with the public key", TokenBuilder::hs256WithPublicKey),
				new Variant("tampered payload", TokenBuilder::tamperedPayload),
				new Variant("unknown kid", TokenBuilder::unknownKid));
	}

	/**
	 * One hostile variant.
	 *
	 * @param name what is wrong with the token
	 * @param change what turns a valid token into this one
	 */
	public record Variant(String name, UnaryOperator<TokenBuilder> change) {

		/**
		 * Signs the hostile variant of a token.
		 * @param valid a builder of a token that would be accepted
		 * @return the hostile token
		 */
		public String sign(TokenBuilder valid) {
			return this.change.apply(valid).sign();
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
