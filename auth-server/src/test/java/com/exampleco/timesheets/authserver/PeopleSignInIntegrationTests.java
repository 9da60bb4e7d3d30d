package com.exampleco.timesheets.authserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * People sign in with the login form and apps get tokens on their behalf (authorization
 * code + PKCE), over real HTTP with the demo people and apps of {@code auth-server.yml}.
 */
class PeopleSignInIntegrationTests {

	private static final String WEB = "timesheets-web";

	private static final String WEB_SECRET = "web-app-secret";

	private static final String WEB_REDIRECT = "http://127.0.0.1:8084/login/oauth2/code/timesheets";

	private static final String PORTAL = "contractor-portal";

	private static final String PORTAL_REDIRECT = "http://127.0.0.1:8084/contractor/login/oauth2/code/contractor-portal";

	private static final String EMPLOYEE_CLAIM = "https://timesheets.exampleco.com/employee_id";

	private static final String TEAM_CLAIM = "https://timesheets.exampleco.com/team";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static ConfigurableApplicationContext context;

	private static String baseUrl;

	@BeforeAll
	static void startServer() {
		context = AuthServerApplication.start("--server.port=0");
		baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stopServer() {
		context.close();
	}

	@Test
	void employeeSignsInToTheWebAppAndGetsOnlyTheirOwnPermissions() throws ParseException {
		Map<String, Object> tokens = webAppSignIn(new Browser(baseUrl), "emma", "employee-password");

		JWTClaimsSet access = claims(tokens.get("access_token"));
		assertThat(access.getSubject()).isEqualTo("emma");
		assertThat(access.getStringClaim("azp")).isEqualTo(WEB);
		// the app asked for approve:timesheets too; an employee does not hold it
		assertThat(access.getStringClaim("scope")).isEqualTo("create:timesheets openid profile read:timesheets");
		assertThat(tokens.get("scope")).asString().doesNotContain("approve");
		assertThat(access.getStringClaim(EMPLOYEE_CLAIM)).isEqualTo("E1001");
		assertThat(access.getClaims()).doesNotContainKey(TEAM_CLAIM);
		assertThat(access.getAudience()).containsExactly("https://api.timesheets.exampleco.com", baseUrl + "/userinfo");
		JWTClaimsSet id = claims(tokens.get("id_token"));
		assertThat(id.getSubject()).isEqualTo("emma");
		assertThat(id.getAudience()).containsExactly(WEB);
		assertThat(id.getStringClaim(EMPLOYEE_CLAIM)).isEqualTo("E1001");
		assertThat(tokens).containsKey("refresh_token");
	}

	@Test
	void managerTokenCarriesTheTeamAndApprove() throws ParseException {
		JWTClaimsSet access = claims(
				webAppSignIn(new Browser(baseUrl), "maria", "manager-password").get("access_token"));

		assertThat(access.getStringClaim(EMPLOYEE_CLAIM)).isEqualTo("E1002");
		assertThat(access.getStringListClaim(TEAM_CLAIM)).containsExactly("E1001", "E1003");
		assertThat(access.getStringClaim("scope")).contains("approve:timesheets");
	}

	@Test
	void refreshTokensRotate() throws ParseException {
		Map<String, Object> tokens = webAppSignIn(new Browser(baseUrl), "emma", "employee-password");
		String first = (String) tokens.get("refresh_token");

		TokenAnswer refreshed = token(Map.of("grant_type", "refresh_token", "refresh_token", first), true);
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(claims(refreshed.body().get("access_token")).getStringClaim(EMPLOYEE_CLAIM)).isEqualTo("E1001");
		assertThat(refreshed.body().get("refresh_token")).isNotEqualTo(first);
		// a used refresh token is spent
		assertThat(token(Map.of("grant_type", "refresh_token", "refresh_token", first), true).status()).isEqualTo(400);
	}

	@Test
	void wrongPasswordStaysOnTheLoginForm() {
		Browser browser = new Browser(baseUrl);
		browser.get(authorizeUrl(WEB, WEB_REDIRECT, "openid read:timesheets", Browser.s256(Browser.codeVerifier()),
				"S256"));
		HttpResponse<String> answer = browser.signIn("emma", "not-her-password");
		assertThat(Browser.location(answer)).endsWith("/login?error");
	}

	@Test
	void aBrowserThatIsNotSignedInIsSentToTheLoginForm() {
		HttpResponse<String> answer = new Browser(baseUrl)
			.get(authorizeUrl(WEB, WEB_REDIRECT, "openid", Browser.s256(Browser.codeVerifier()), "S256"));
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(Browser.location(answer)).isEqualTo(baseUrl + "/login");
	}

	@Test
	void pkceIsRequiredAndOnlyS256() {
		Browser browser = new Browser(baseUrl);
		browser.signIn("emma", "employee-password");

		Map<String, String> withoutPkce = Browser
			.query(Browser.location(browser.get(baseUrl + "/oauth2/authorize?response_type=code&client_id=" + WEB
					+ "&scope=openid&state=s1&redirect_uri=" + Browser.encode(WEB_REDIRECT))));
		assertThat(withoutPkce).containsEntry("error", "invalid_request").doesNotContainKey("code");

		String verifier = Browser.codeVerifier();
		Map<String, String> plain = Browser
			.query(Browser.location(browser.get(authorizeUrl(WEB, WEB_REDIRECT, "openid", verifier, "plain"))));
		assertThat(plain).containsEntry("error", "invalid_request").doesNotContainKey("code");
	}

	@Test
	void contractorPortalAsksForConsentAndGetsReadOnlyWithoutRefreshToken() throws ParseException {
		Browser browser = new Browser(baseUrl);
		String verifier = Browser.codeVerifier();
		String authorize = authorizeUrl(PORTAL, PORTAL_REDIRECT, "openid read:timesheets", Browser.s256(verifier),
				"S256");
		browser.get(authorize);
		browser.signIn("carla", "contractor-password");
		HttpResponse<String> consent = browser.get(authorize);
		assertThat(consent.statusCode()).isEqualTo(200);
		assertThat(consent.body()).contains("read:timesheets").contains(PORTAL);

		Map<String, String> decision = new LinkedHashMap<>();
		decision.put("client_id", PORTAL);
		decision.put("state", Browser.hidden(consent.body(), "state"));
		decision.put("scope", "read:timesheets");
		Map<String, String> answer = Browser.query(Browser.location(browser.postForm("/oauth2/authorize", decision)));
		assertThat(answer).containsKey("code");

		TokenAnswer tokens = token(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
				"redirect_uri", PORTAL_REDIRECT, "client_id", PORTAL, "code_verifier", verifier), false);
		assertThat(tokens.status()).isEqualTo(200);
		JWTClaimsSet access = claims(tokens.body().get("access_token"));
		assertThat(access.getStringClaim("scope")).isEqualTo("openid read:timesheets");
		assertThat(access.getStringClaim(EMPLOYEE_CLAIM)).isEqualTo("C2001");
		assertThat(tokens.body()).doesNotContainKey("refresh_token");
	}

	@Test
	void signOutEndsTheSessionAndReturnsToTheApp() {
		Browser browser = new Browser(baseUrl);
		Map<String, Object> tokens = webAppSignIn(browser, "emma", "employee-password");

		HttpResponse<String> logout = browser.get("/connect/logout?id_token_hint=" + tokens.get("id_token")
				+ "&post_logout_redirect_uri=" + Browser.encode("http://127.0.0.1:8084/"));
		assertThat(Browser.location(logout)).isEqualTo("http://127.0.0.1:8084/");
		// signed out: the next authorization request asks for the password again
		HttpResponse<String> again = browser
			.get(authorizeUrl(WEB, WEB_REDIRECT, "openid", Browser.s256(Browser.codeVerifier()), "S256"));
		assertThat(Browser.location(again)).isEqualTo(baseUrl + "/login");
	}

	@Test
	void theDemoPeopleExistOnlyInTheirDefaultProfile() {
		try (ConfigurableApplicationContext compose = AuthServerApplication.start("--server.port=0",
				"--spring.profiles.active=compose")) {
			Browser browser = new Browser(
					"http://localhost:" + compose.getEnvironment().getProperty("local.server.port"));
			assertThat(Browser.location(browser.signIn("emma", "employee-password"))).endsWith("/login?error");
		}
	}

	@Test
	void refusesToStartWithAPersonWhosePasswordIsNotEncoded() {
		assertThatException()
			.isThrownBy(() -> AuthServerApplication.start("--server.port=0",
					"--timesheets.auth.users.emma.password={noop}employee-password"))
			.withStackTraceContaining("timesheets.auth.users[emma].password");
	}

	/** The whole web-app sign-in: authorize, login form, code, token exchange. */
	private static Map<String, Object> webAppSignIn(Browser browser, String username, String password) {
		String verifier = Browser.codeVerifier();
		String authorize = authorizeUrl(WEB, WEB_REDIRECT,
				"openid profile read:timesheets create:timesheets approve:timesheets", Browser.s256(verifier), "S256");
		assertThat(Browser.location(browser.get(authorize))).isEqualTo(baseUrl + "/login");
		HttpResponse<String> signedIn = browser.signIn(username, password);
		String resumed = Browser.location(signedIn);
		String redirect = Browser.location(browser.get(resumed));
		assertThat(redirect).startsWith(WEB_REDIRECT);
		Map<String, String> answer = Browser.query(redirect);
		assertThat(answer).containsEntry("state", "state-1");
		TokenAnswer tokens = token(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
				"redirect_uri", WEB_REDIRECT, "code_verifier", verifier), true);
		assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
		return tokens.body();
	}

	private static String authorizeUrl(String clientId, String redirectUri, String scope, String challenge,
			String method) {
		return baseUrl + "/oauth2/authorize?response_type=code&client_id=" + clientId + "&scope="
				+ Browser.encode(scope) + "&state=state-1&redirect_uri=" + Browser.encode(redirectUri)
				+ "&code_challenge=" + challenge + "&code_challenge_method=" + method;
	}

	private static TokenAnswer token(Map<String, String> form, boolean webAppSecret) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(Browser.form(form)));
		if (webAppSecret) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((WEB + ":" + WEB_SECRET).getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
			@SuppressWarnings("unchecked")
			Map<String, Object> body = json.readValue(response.body(), Map.class);
			return new TokenAnswer(response.statusCode(), body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWTClaimsSet claims(Object token) throws ParseException {
		return AuthServerHttp.parse((String) token).getJWTClaimsSet();
	}

	private record TokenAnswer(int status, Map<String, Object> body) {
	}

}
