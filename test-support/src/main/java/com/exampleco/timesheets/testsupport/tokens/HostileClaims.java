package com.exampleco.timesheets.testsupport.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Correctly signed tokens whose identity or scope claims are hostile or malformed: every
 * API must answer each with 401 {@code Bearer error="invalid_token"} and the fixed
 * description the variant names, whatever the route. Each variant turns a valid token
 * (that would be allowed on the route) into a hostile one, keeping the route's scope in a
 * form a lenient parser would still grant, so a 403 or 200 means the check is missing.
 * Use it as a parameterized test source:
 * {@code @MethodSource("com.exampleco.timesheets.testsupport.tokens.HostileClaims#all")}.
 */
public final class HostileClaims {

	/** The fixed description of a malformed employee claim. */
	public static final String EMPLOYEE_CLAIM_REFUSED = "The access token's employee claim is not a valid employee id";

	/** The fixed description of a token that is neither an employee's nor a machine's. */
	public static final String NO_IDENTITY = "The access token names neither an employee nor a client acting for itself";

	/**
	 * The fixed description of malformed {@code scope}/{@code scp}/{@code permissions}.
	 */
	public static final String SCOPE_CLAIMS = "The access token's scope claims are malformed";

	private HostileClaims() {
	}

	/**
	 * The employee-claim variants: blank, whitespace, padded, number, array, object,
	 * oversized, outside the id alphabet; and a user token without the claim.
	 * @return the variants
	 */
	public static List<Variant> identity() {
		return List.of(employee("blank employee claim", ""), employee("whitespace employee claim", "  "),
				employee("padded employee claim", " E1001"), employee("number employee claim", 1001),
				employee("array employee claim", List.of("E1001")),
				employee("object employee claim", Map.of("id", "E1001")),
				employee("oversized employee claim", "E".repeat(65)),
				employee("employee claim outside the id alphabet", "E1001;E1002"),
				new Variant("user token without employee claim",
						(token, scope) -> token.scopes(scope).auth0User("auth0|5f1c0ffee", "contractor-app"),
						NO_IDENTITY),
				new Variant("gty password without employee claim",
						(token, scope) -> token.scopes(scope).claim("gty", "password"), NO_IDENTITY));
	}

	/**
	 * The scope-claim variants: {@code scope} not a string, {@code scp} not an array, an
	 * element holding two scopes, non-string elements, {@code scope} and {@code scp}
	 * together.
	 * @return the variants
	 */
	public static List<Variant> scopes() {
		return List.of(
				new Variant("scope as an array", (token, scope) -> token.claim("scope", List.of(scope)), SCOPE_CLAIMS),
				new Variant("scope with a tab", (token, scope) -> token.claim("scope", "openid\t" + scope),
						SCOPE_CLAIMS),
				new Variant("scp as a string", (token, scope) -> token.claim("scp", scope), SCOPE_CLAIMS),
				new Variant("scp element with two scopes", (token, scope) -> token.scp("openid " + scope),
						SCOPE_CLAIMS),
				new Variant("scp with a number element", (token, scope) -> token.claim("scp", List.of(scope, 1)),
						SCOPE_CLAIMS),
				new Variant("permissions element with two scopes",
						(token, scope) -> token.permissions("openid " + scope), SCOPE_CLAIMS),
				new Variant("permissions as a string", (token, scope) -> token.claim("permissions", scope),
						SCOPE_CLAIMS),
				new Variant("scope and scp together", (token, scope) -> token.scopes(scope).scp(scope), SCOPE_CLAIMS));
	}

	/**
	 * Every variant.
	 * @return {@link #identity()} and {@link #scopes()}
	 */
	public static List<Variant> all() {
		List<Variant> all = new ArrayList<>(identity());
		all.addAll(scopes());
		return List.copyOf(all);
	}

	private static Variant employee(String name, Object value) {
		return new Variant(name, (token, scope) -> token.scopes(scope).employee(value), EMPLOYEE_CLAIM_REFUSED);
	}

	/**
	 * One hostile variant.
	 *
	 * @param name what is wrong with the token
	 * @param change what turns a valid token into this one, given the scope the route
	 * needs
	 * @param description the {@code error_description} the API must answer with
	 */
	public record Variant(String name, BiFunction<TokenBuilder, String, TokenBuilder> change, String description) {

		/**
		 * Signs the hostile variant of a token.
		 * @param valid a builder of a token that would be accepted (a machine client's)
		 * @param scope the scope the route needs
		 * @return the hostile token
		 */
		public String sign(TokenBuilder valid, String scope) {
			return this.change.apply(valid, scope).sign();
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
