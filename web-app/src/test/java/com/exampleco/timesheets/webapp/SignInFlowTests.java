package com.exampleco.timesheets.webapp;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real sign-ins over HTTP, no browser: the app on a real port, the real auth server's
 * login form, consent screen, token endpoint and end-session endpoint; the APIs recorded.
 * Shows that the app's authorization requests (PKCE S256, client authentication, redirect
 * URIs) are what the issuer accepts, that the ID token's claims make the person, and that
 * the issuer's access token is what reaches the APIs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "spring.config.name=" + WebAppApplication.CONFIG_NAME })
class SignInFlowTests extends WebAppTestSupport {

	private static final String APP = "http://127.0.0.1:" + WEB_PORT;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> WEB_PORT);
	}

	@Test
	void employeeSignsInAndTheIssuersTokenReachesTheQueryApi() {
		QUERY.json("GET", "/timesheets", 200, page(null));
		QUERY.json("GET", "/employees/E1001/summary", 200,
				"{\"employeeId\":\"E1001\",\"totalHours\":0,\"timesheets\":0,\"byProject\":[],\"byStatus\":[]}");
		Visitor emma = new Visitor();

		signIn(emma, APP + "/timesheets", "emma", "employee-password");

		assertThat(withoutQuery(emma)).isEqualTo(APP + "/timesheets");
		assertThat(emma.page.statusCode()).isEqualTo(200);
		assertThat(emma.page.body()).contains("<h1>My timesheets</h1>")
			.contains("<strong>emma</strong>")
			.contains("(E1001)")
			.doesNotContain("Team approvals");
		JsonNode token = claims(QUERY.requests("GET", "/timesheets").get(0).header("Authorization"));
		assertThat(token.get("sub").asString()).isEqualTo("emma");
		assertThat(token.get("azp").asString()).isEqualTo("timesheets-web");
		assertThat(token.get(EMPLOYEE_CLAIM).asString()).isEqualTo("E1001");
		// the app asks for approve:timesheets; the issuer narrows it to Emma's
		// permissions
		assertThat(token.get("scope").asString()).contains("read:timesheets", "create:timesheets")
			.doesNotContain("approve:timesheets");
	}

	@Test
	void managerSignsInAndReachesTeamApprovals() {
		QUERY.json("GET", "/timesheets", 200, page(null));
		Visitor maria = new Visitor();

		signIn(maria, APP + "/team", "maria", "manager-password");

		assertThat(withoutQuery(maria)).isEqualTo(APP + "/team");
		assertThat(maria.page.statusCode()).isEqualTo(200);
		assertThat(maria.page.body()).contains("<h1>Team approvals</h1>");
		assertThat(QUERY.requests("GET", "/timesheets").stream().map((request) -> request.params().get("employeeId")))
			.containsExactly("E1001", "E1003");
		assertThat(claims(QUERY.requests("GET", "/timesheets").get(0).header("Authorization")).get("scope").asString())
			.contains("approve:timesheets");
	}

	@Test
	void signOutEndsTheSessionHereAndAtTheIssuer() {
		QUERY.json("GET", "/timesheets", 200, page(null));
		QUERY.json("GET", "/employees/E1001/summary", 200,
				"{\"employeeId\":\"E1001\",\"totalHours\":0,\"timesheets\":0,\"byProject\":[],\"byStatus\":[]}");
		Visitor emma = new Visitor();
		signIn(emma, APP + "/timesheets", "emma", "employee-password");

		emma.submit("/logout", Map.of("_csrf", emma.hidden("_csrf")));

		assertThat(emma.at.toString()).isEqualTo(APP + "/");
		assertThat(emma.page.body()).contains(">Sign in</a>");
		// neither the app nor the issuer remembers her: the list asks for the password
		// again
		emma.open(APP + "/timesheets");
		assertThat(emma.at.toString()).isEqualTo(ISSUER + "/login");
	}

	@Test
	void contractorConsentsAndSeesOnlyWhatThePortalMayRead() {
		QUERY.json("GET", "/timesheets", 200, page(null));
		QUERY.json("GET", "/employees/C2001/summary", 200,
				"{\"employeeId\":\"C2001\",\"totalHours\":0,\"timesheets\":0,\"byProject\":[],\"byStatus\":[]}");
		Visitor carla = new Visitor();

		signIn(carla, APP + "/contractor/timesheets", "carla", "contractor-password");
		assertThat(carla.at.getPath()).isEqualTo("/oauth2/authorize");
		assertThat(carla.page.body()).contains("contractor-portal").contains("read:timesheets");
		carla.submit("/oauth2/authorize",
				Map.of("client_id", "contractor-portal", "state", carla.hidden("state"), "scope", "read:timesheets"));

		assertThat(withoutQuery(carla)).isEqualTo(APP + "/contractor/timesheets");
		assertThat(carla.page.body()).contains("<h1>Your timesheets</h1>")
			.contains("<span id=\"granted-scopes\">read:timesheets</span>");
		JsonNode token = claims(QUERY.requests("GET", "/timesheets").get(0).header("Authorization"));
		assertThat(token.get("azp").asString()).isEqualTo("contractor-portal");
		assertThat(token.get("scope").asString()).isEqualTo("openid read:timesheets");
		assertThat(token.get(EMPLOYEE_CLAIM).asString()).isEqualTo("C2001");
		assertThat(QUERY.requests("GET", "/timesheets").get(0).params()).containsEntry("employeeId", "C2001");
	}

	private static void signIn(Visitor visitor, String page, String login, String password) {
		visitor.open(page);
		assertThat(visitor.at.toString()).isEqualTo(ISSUER + "/login");
		visitor.submit("/login", Map.of("username", login, "password", password, "_csrf", visitor.hidden("_csrf")));
	}

	private static String withoutQuery(Visitor visitor) {
		return visitor.at.getScheme() + "://" + visitor.at.getRawAuthority() + visitor.at.getRawPath();
	}

	private static JsonNode claims(String authorization) {
		assertThat(authorization).startsWith("Bearer ey");
		String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
		return JSON.readTree(Base64.getUrlDecoder().decode(payload));
	}

}
