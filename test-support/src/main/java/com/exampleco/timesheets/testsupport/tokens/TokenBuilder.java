package com.exampleco.timesheets.testsupport.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;

/**
 * Fluent builder of one access token, obtained from {@link TestTokenIssuer#token()}.
 * <p>
 * Good tokens: set what the test needs and call {@link #sign()}. Hostile tokens: the
 * {@code algNone()}, {@code hs256WithPublicKey()}, {@code unknownKid()},
 * {@code tamperedPayload()} and {@code wrongIssuer()} variants produce what an attacker
 * or a misconfigured client would send; a correct resource server rejects each of them.
 * Not thread-safe; use one builder per token.
 */
public final class TokenBuilder {

	private final TestTokenIssuer issuer;

	private final Map<String, Object> claims = new LinkedHashMap<>();

	private TokenSigning signing = TokenSigning.GENUINE;

	TokenBuilder(TestTokenIssuer issuer) {
		this.issuer = issuer;
		Instant now = Instant.now();
		this.claims.put("iss", issuer.issuer().toString());
		this.claims.put("sub", "test-client@clients");
		this.claims.put("azp", "test-client");
		this.claims.put("aud", List.of(issuer.defaultAudience()));
		this.claims.put("iat", now);
		this.claims.put("exp", now.plus(Duration.ofMinutes(5)));
		this.claims.put("jti", UUID.randomUUID().toString());
	}

	/**
	 * Sets the {@code scope} claim, space separated as RFC 8693 and Auth0 do.
	 * @param scopes the scopes, e.g. {@code "create:timesheets"}
	 * @return this builder
	 */
	public TokenBuilder scopes(String... scopes) {
		return claim("scope", String.join(" ", scopes));
	}

	/**
	 * Sets the {@code scp} claim as a JSON array (the form some issuers use).
	 * @param scopes the scopes
	 * @return this builder
	 */
	public TokenBuilder scp(String... scopes) {
		return claim("scp", List.of(scopes));
	}

	/**
	 * Sets Auth0's {@code permissions} claim (a JSON array).
	 * @param permissions the permissions, e.g. {@code "read:timesheets"}
	 * @return this builder
	 */
	public TokenBuilder permissions(String... permissions) {
		return claim("permissions", List.of(permissions));
	}

	/**
	 * Replaces the audience.
	 * @param audiences one or more audiences
	 * @return this builder
	 */
	public TokenBuilder audience(String... audiences) {
		return claim("aud", Arrays.asList(audiences));
	}

	/**
	 * Removes the {@code aud} claim.
	 * @return this builder
	 */
	public TokenBuilder noAudience() {
		return withoutClaim("aud");
	}

	/**
	 * Sets the subject ({@code sub}).
	 * @param subject the subject
	 * @return this builder
	 */
	public TokenBuilder subject(String subject) {
		return claim("sub", subject);
	}

	/**
	 * Sets the authorized party ({@code azp}), Auth0's client id claim.
	 * @param clientId the client id
	 * @return this builder
	 */
	public TokenBuilder authorizedParty(String clientId) {
		return claim("azp", clientId);
	}

	/**
	 * Sets the employee claim ({@link TestTokenIssuer#EMPLOYEE_CLAIM}) to any JSON value,
	 * well formed or not.
	 * @param value the value, e.g. {@code "E1001"}
	 * @return this builder
	 */
	public TokenBuilder employee(Object value) {
		return claim(TestTokenIssuer.EMPLOYEE_CLAIM, value);
	}

	/**
	 * Shapes the token as Auth0 issues a client-credentials (machine-to-machine) token:
	 * {@code sub = <clientId>@clients}, {@code azp = clientId},
	 * {@code gty = client-credentials}, no employee claim.
	 * @param clientId the client id
	 * @return this builder
	 */
	public TokenBuilder auth0ClientCredentials(String clientId) {
		return subject(clientId + "@clients").authorizedParty(clientId)
			.claim("gty", "client-credentials")
			.withoutClaim(TestTokenIssuer.EMPLOYEE_CLAIM);
	}

	/**
	 * Shapes the token as Auth0 issues it for a signed-in user (authorization code
	 * grant): {@code sub = userId}, {@code azp = clientId}, no {@code gty}, and
	 * {@code aud} an array of the API identifier and the tenant's userinfo URL.
	 * @param userId the user, e.g. {@code auth0|5f1c…}
	 * @param clientId the application the user signed in to
	 * @return this builder
	 */
	public TokenBuilder auth0User(String userId, String clientId) {
		return subject(userId).authorizedParty(clientId)
			.withoutClaim("gty")
			.audience(this.issuer.defaultAudience(), "https://exampleco.eu.auth0.com/userinfo");
	}

	/**
	 * Shapes the token as Spring Authorization Server (the project's {@code auth-server})
	 * issues a client-credentials token: {@code sub = azp = clientId}.
	 * @param clientId the client id
	 * @return this builder
	 */
	public TokenBuilder springClientCredentials(String clientId) {
		return subject(clientId).authorizedParty(clientId).withoutClaim("gty");
	}

	/**
	 * Sets the issuer ({@code iss}) claim; the token is still signed with this issuer's
	 * key.
	 * @param issuer the issuer claim
	 * @return this builder
	 */
	public TokenBuilder issuer(String issuer) {
		return claim("iss", issuer);
	}

	/**
	 * Hostile: a correctly signed token naming another issuer.
	 * @return this builder
	 */
	public TokenBuilder wrongIssuer() {
		return issuer("https://evil.example.com/");
	}

	/**
	 * Sets the expiry relative to now; negative durations give an expired token.
	 * @param validity how long from now the token stays valid
	 * @return this builder
	 */
	public TokenBuilder expiresIn(Duration validity) {
		return expiresAt(Instant.now().plus(validity));
	}

	/**
	 * Sets the expiry ({@code exp}). An expiry in the past also moves {@code iat} five
	 * minutes before it, so the token is expired rather than inconsistent.
	 * @param expiresAt the instant
	 * @return this builder
	 */
	public TokenBuilder expiresAt(Instant expiresAt) {
		if (this.claims.get("iat") instanceof Instant issuedAt && !issuedAt.isBefore(expiresAt)) {
			issuedAt(expiresAt.minus(Duration.ofMinutes(5)));
		}
		return claim("exp", expiresAt);
	}

	/**
	 * Sets the not-before time ({@code nbf}).
	 * @param notBefore the instant
	 * @return this builder
	 */
	public TokenBuilder notBefore(Instant notBefore) {
		return claim("nbf", notBefore);
	}

	/**
	 * Sets the issued-at time ({@code iat}).
	 * @param issuedAt the instant
	 * @return this builder
	 */
	public TokenBuilder issuedAt(Instant issuedAt) {
		return claim("iat", issuedAt);
	}

	/**
	 * Sets any claim; {@link Instant} values become NumericDate seconds, collections JSON
	 * arrays.
	 * @param name the claim name
	 * @param value the value
	 * @return this builder
	 */
	public TokenBuilder claim(String name, Object value) {
		this.claims.put(name, value);
		return this;
	}

	/**
	 * Removes a claim, including one of the defaults.
	 * @param name the claim name
	 * @return this builder
	 */
	public TokenBuilder withoutClaim(String name) {
		this.claims.remove(name);
		return this;
	}

	/**
	 * Hostile: an unsecured JWT ({@code "alg":"none"}, empty signature).
	 * @return this builder
	 */
	public TokenBuilder algNone() {
		return signedBy(TokenSigning.ALG_NONE);
	}

	/**
	 * Hostile: the algorithm-confusion attack, an HS256 token whose HMAC secret is the
	 * issuer's RSA public key (its X.509 encoding), carrying the real {@code kid}.
	 * @return this builder
	 */
	public TokenBuilder hs256WithPublicKey() {
		return signedBy(TokenSigning.HS256_WITH_PUBLIC_KEY);
	}

	/**
	 * Hostile: signed RS256 with a key the issuer never published, under an unknown
	 * {@code kid}.
	 * @return this builder
	 */
	public TokenBuilder unknownKid() {
		return signedBy(TokenSigning.UNKNOWN_KID);
	}

	/**
	 * Hostile: a validly signed token whose payload was then replaced (scopes widened to
	 * every timesheet scope) while keeping the original signature.
	 * @return this builder
	 */
	public TokenBuilder tamperedPayload() {
		return signedBy(TokenSigning.TAMPERED_PAYLOAD);
	}

	/**
	 * Serializes the token in compact form.
	 * @return the token, never null
	 */
	public String sign() {
		try {
			return this.signing.serialize(this.issuer, this.claims);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign the test token", ex);
		}
	}

	private TokenBuilder signedBy(TokenSigning signing) {
		this.signing = signing;
		return this;
	}

}
