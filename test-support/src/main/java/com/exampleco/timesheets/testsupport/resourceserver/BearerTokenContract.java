package com.exampleco.timesheets.testsupport.resourceserver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import com.exampleco.timesheets.testsupport.tokens.HostileClaims;
import com.exampleco.timesheets.testsupport.tokens.HostileTokens;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import com.exampleco.timesheets.testsupport.tokens.TokenBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The real token path of an API: tokens signed by a {@link TestTokenIssuer} whose keys
 * the app fetches over HTTP ({@code timesheets.security.issuer-uri} points at it). Valid
 * tokens are answered; each hostile token and hostile claim is 401 {@code invalid_token};
 * a token anywhere but in the {@code Authorization} header is 400
 * {@code invalid_request}; expired, foreign and tampered tokens get fixed descriptions
 * that name no check; Auth0's {@code permissions} never widen a {@code scope}. Every
 * challenge is an RFC 6750 {@code WWW-Authenticate} header with an RFC 9457 body that
 * echoes no token.
 * <p>
 * A subclass carries the app's test annotations ({@code @SpringBootTest} with
 * {@code @AutoConfigureMockMvc}), names its routes and says how a refused request is seen
 * to have had no effect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BearerTokenContract {

	/** The issuer of the tokens; one per test JVM, closed after the class. */
	protected static final TestTokenIssuer issuer = TestTokenIssuer.start();

	static final String TOKEN_IN_URL = "Access tokens are accepted in the Authorization header only, not in the URL";

	static final String SEVERAL_TOKENS = "The access token was sent more than once; send it once, in the Authorization header";

	static final String NOT_ACCEPTED = "The access token is not accepted by this API";

	@Autowired
	protected MockMvc mvc;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("timesheets.security.issuer-uri", () -> issuer.issuer().toString());
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	/**
	 * Every route of the API, with paths the test's data makes answerable; the first is
	 * the one single-route cases call.
	 * @return the routes
	 */
	protected abstract List<ApiRoute> routes();

	/**
	 * Asserts that a refused request changed nothing and revealed nothing (nothing
	 * published, no row data in the body).
	 * @param result the refused request's result
	 * @throws Exception when the result cannot be read
	 */
	protected abstract void assertNoEffect(MvcResult result) throws Exception;

	@ParameterizedTest(name = "{0}")
	@MethodSource("com.exampleco.timesheets.testsupport.tokens.HostileTokens#all")
	void refusesHostileToken(HostileTokens.Variant hostile) throws Exception {
		ApiRoute route = first();
		MvcResult result = perform(route, hostile.sign(issuer.token().scopes(route.neededScope())));
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")
			.contains("error=\"invalid_token\"");
		assertProblem(result);
		assertNoEffect(result);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("com.exampleco.timesheets.testsupport.tokens.HostileClaims#all")
	void refusesHostileClaimsOnEveryRoute(HostileClaims.Variant hostile) throws Exception {
		for (ApiRoute route : routes()) {
			MvcResult result = perform(route, hostile.sign(issuer.token(), route.neededScope()));
			assertChallenge(result, 401, "invalid_token", hostile.description());
			assertNoEffect(result);
		}
	}

	Stream<Arguments> acceptableTokens() {
		Function<String, TokenBuilder> valid = (scope) -> issuer.token().scopes(scope);
		Function<String, TokenBuilder> permissionsOnly = (scope) -> issuer.token().permissions(scope);
		Function<String, TokenBuilder> expiredWithinSkew = (scope) -> issuer.token()
			.scopes(scope)
			.issuedAt(Instant.now().minus(Duration.ofMinutes(5)))
			.expiresAt(Instant.now().minusSeconds(10));
		return Stream.of(Arguments.of("valid token of the issuer", valid),
				Arguments.of("scope in Auth0's permissions claim alone", permissionsOnly),
				Arguments.of("expired within the clock skew", expiredWithinSkew));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("acceptableTokens")
	void answersAcceptableToken(String kind, Function<String, TokenBuilder> token) throws Exception {
		ApiRoute route = first();
		this.mvc.perform(withToken(route.request(), token.apply(route.neededScope()).sign()))
			.andExpect(route.answered());
	}

	@Test
	void deniesValidTokenWithoutTheScope() throws Exception {
		ApiRoute route = first();
		MvcResult result = perform(route, issuer.token().scopes(otherScope(route)).sign());
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
			.isEqualTo("Bearer error=\"insufficient_scope\", scope=\"" + route.neededScope() + "\"");
		assertNoEffect(result);
	}

	@Test
	void deniesEveryRouteBeyondTheScopeWhateverThePermissionsSay() throws Exception {
		for (ApiRoute route : routes()) {
			String token = issuer.token()
				.scopes(otherScope(route))
				.permissions(RouteScopeContract.SCOPES.toArray(String[]::new))
				.sign();
			MvcResult result = perform(route, token);
			assertThat(result.getResponse().getStatus()).as(route.toString()).isEqualTo(403);
			assertNoEffect(result);
		}
	}

	@Test
	void refusesUserTokenWithoutEmployeeClaim() throws Exception {
		ApiRoute route = first();
		String token = issuer.token()
			.auth0User("auth0|65f0c0ffee", "timesheets-portal")
			.scopes(route.neededScope())
			.sign();
		MvcResult result = perform(route, token);
		assertChallenge(result, 401, "invalid_token", HostileClaims.NO_IDENTITY);
		assertNoEffect(result);
	}

	@Test
	void refusesGarbageToken() throws Exception {
		MvcResult result = perform(first(), "not.a.jwt");
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")
			.contains("error=\"invalid_token\"");
		assertNoEffect(result);
	}

	Stream<Arguments> misplacedTokens() {
		BiFunction<ApiRoute, String, MockHttpServletRequestBuilder> inUrl = (route, token) -> route
			.request("access_token=" + token);
		BiFunction<ApiRoute, String, MockHttpServletRequestBuilder> inHeaderAndUrl = (route,
				token) -> withToken(route.request("access_token=" + token), token);
		BiFunction<ApiRoute, String, MockHttpServletRequestBuilder> inHeaderAndForm = (route,
				token) -> withToken(post(route.resourcePath()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.content("access_token=" + token), token);
		return Stream.of(Arguments.of("in the URL", inUrl, TOKEN_IN_URL),
				Arguments.of("in the header and the URL", inHeaderAndUrl, SEVERAL_TOKENS),
				Arguments.of("in the header and a form body", inHeaderAndForm, SEVERAL_TOKENS));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("misplacedTokens")
	void refusesTokenOutsideTheAuthorizationHeaderAsBadRequest(String where,
			BiFunction<ApiRoute, String, MockHttpServletRequestBuilder> request, String description) throws Exception {
		ApiRoute route = first();
		String token = issuer.token().scopes(route.neededScope()).sign();
		MvcResult result = this.mvc.perform(request.apply(route, token)).andReturn();
		assertChallenge(result, 400, "invalid_request", description);
		assertThat(result.getResponse().getContentAsString()).doesNotContain(token);
		assertNoEffect(result);
	}

	@Test
	void refusesExpiredTokenWithTheFixedDescription() throws Exception {
		ApiRoute route = first();
		String token = issuer.token()
			.scopes(route.neededScope())
			.expiresAt(Instant.now().minus(Duration.ofMinutes(2)))
			.sign();
		assertChallenge(perform(route, token), 401, "invalid_token", "The access token has expired");
	}

	@Test
	void refusesTokenOfAnotherAudienceWithTheFixedDescription() throws Exception {
		ApiRoute route = first();
		String token = issuer.token().scopes(route.neededScope()).audience("https://api.other.example.com").sign();
		assertChallenge(perform(route, token), 401, "invalid_token", NOT_ACCEPTED);
	}

	@Test
	void refusesTamperedTokenWithoutNamingTheCheck() throws Exception {
		ApiRoute route = first();
		MvcResult result = perform(route, issuer.token().scopes(route.neededScope()).tamperedPayload().sign());
		assertChallenge(result, 401, "invalid_token", NOT_ACCEPTED);
		assertThat(result.getResponse().getContentAsString()).doesNotContain("signature").doesNotContain("Jwt");
		assertNoEffect(result);
	}

	/**
	 * Calls a route with a bearer token in the {@code Authorization} header.
	 * @param route the route
	 * @param token the compact token
	 * @return the result
	 * @throws Exception when MockMvc fails
	 */
	protected MvcResult perform(ApiRoute route, String token) throws Exception {
		return this.mvc.perform(withToken(route.request(), token)).andReturn();
	}

	/**
	 * Asserts an RFC 6750 challenge with a fixed description, and the same description as
	 * the problem's {@code detail}.
	 * @param result the result
	 * @param status the status expected
	 * @param error the {@code error} expected
	 * @param description the {@code error_description} expected
	 * @throws Exception when the result cannot be read
	 */
	protected static void assertChallenge(MvcResult result, int status, String error, String description)
			throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
			.isEqualTo("Bearer error=\"" + error + "\", error_description=\"" + description + "\"");
		assertProblem(result);
		assertThat(result.getResponse().getContentAsString()).contains("\"detail\":\"" + description);
	}

	private static void assertProblem(MvcResult result) {
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType())
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
	}

	private static MockHttpServletRequestBuilder withToken(MockHttpServletRequestBuilder request, String token) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

	private static String otherScope(ApiRoute route) {
		return RouteScopeContract.SCOPES.stream()
			.filter((scope) -> !route.scopes().contains(scope))
			.findFirst()
			.orElseThrow();
	}

	private ApiRoute first() {
		return routes().get(0);
	}

}
