package com.exampleco.timesheets.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.exampleco.timesheets.authserver.AuthServerApplication;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/**
 * The web app in MockMvc with everything it talks to real or answering as documented: the
 * real auth server in this JVM (discovery, end-session endpoint), and the ingest and
 * query APIs as {@link RecordingApi}s on free ports. People are signed in with Spring
 * Security's {@code oidcLogin()} and an ID token like the auth server's (employee and
 * team claims), their authorities mapped by the app's own mapper, and their access token
 * stored where the app keeps it (the session), so the app relays it like after a real
 * sign-in.
 */
@SpringBootTest(properties = { "spring.config.name=" + WebAppApplication.CONFIG_NAME })
@AutoConfigureMockMvc
abstract class WebAppTestSupport {

	static final String EMPLOYEE_CLAIM = "https://timesheets.exampleco.com/employee_id";

	static final String TEAM_CLAIM = "https://timesheets.exampleco.com/team";

	/**
	 * The port {@link SignInFlowTests} runs the app on: the auth server must know the
	 * app's redirect URIs before the app starts, so it is chosen first.
	 */
	static final int WEB_PORT = freePort();

	static final ConfigurableApplicationContext AUTH_SERVER = AuthServerApplication.start("--server.port=0",
			"--timesheets.auth.apps.web.redirect-uris=http://127.0.0.1:" + WEB_PORT + "/login/oauth2/code/timesheets",
			"--timesheets.auth.apps.web.post-logout-redirect-uris=http://127.0.0.1:" + WEB_PORT + "/",
			"--timesheets.auth.apps.portal.redirect-uris=http://127.0.0.1:" + WEB_PORT
					+ "/contractor/login/oauth2/code/contractor-portal",
			"--timesheets.auth.apps.portal.post-logout-redirect-uris=http://127.0.0.1:" + WEB_PORT + "/contractor/");

	static final String ISSUER = "http://localhost:" + AUTH_SERVER.getEnvironment().getProperty("local.server.port");

	static final RecordingApi INGEST = new RecordingApi();

	static final RecordingApi QUERY = new RecordingApi();

	@DynamicPropertySource
	static void apis(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.client.provider.exampleco.issuer-uri", () -> ISSUER);
		registry.add("timesheets.web.ingest-uri", INGEST::uri);
		registry.add("timesheets.web.query-uri", QUERY::uri);
	}

	@Autowired
	MockMvc mvc;

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Autowired
	ClientRegistrationRepository registrations;

	@Autowired
	OAuth2AuthorizedClientRepository authorizedClients;

	@Autowired
	GrantedAuthoritiesMapper authoritiesMapper;

	@BeforeEach
	void forgetApiCalls() {
		INGEST.reset();
		QUERY.reset();
	}

	/** Emma: employee E1001, may read and create. */
	RequestPostProcessor emma() {
		return person("emma", "E1001", List.of(), "timesheets", "read:timesheets", "create:timesheets");
	}

	/**
	 * Maria: manager of E1001 and E1003 (herself E1002), may read, create and approve.
	 */
	RequestPostProcessor maria() {
		return person("maria", "E1002", List.of("E1001", "E1003"), "timesheets", "read:timesheets", "create:timesheets",
				"approve:timesheets");
	}

	/**
	 * Carla: contractor C2001, signed in to the contractor portal, which may only read.
	 */
	RequestPostProcessor carla() {
		return person("carla", "C2001", List.of(), "contractor-portal", "read:timesheets");
	}

	/**
	 * A person signed in to an app with {@code oidcLogin()}, the access token
	 * {@code token-<login>} given to the app's authorized-client manager with
	 * {@code oauth2Client()}.
	 */
	RequestPostProcessor person(String login, String employeeId, List<String> team, String app, String... scopes) {
		Instant now = Instant.now();
		ClientRegistration registration = registration(app);
		DefaultOidcUser user = oidcUser(login, employeeId, team, registration, scopes);
		RequestPostProcessor signIn = oidcLogin().oidcUser(user).clientRegistration(registration);
		RequestPostProcessor token = oauth2Client(app).clientRegistration(registration)
			.principalName(login)
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-" + login, now,
					now.plus(Duration.ofMinutes(5))));
		return (request) -> token.postProcessRequest(signIn.postProcessRequest(request));
	}

	/**
	 * A person signed in as after a real sign-in: the authentication in the security
	 * context, the authorized client (with its refresh token) in the session, where the
	 * app keeps it; no test double of the token store.
	 */
	RequestPostProcessor signedInWithSession(String login, String employeeId, String app, OAuth2AccessToken accessToken,
			OAuth2RefreshToken refreshToken, ClientRegistration registration, String... scopes) {
		DefaultOidcUser user = oidcUser(login, employeeId, List.of(), registration, scopes);
		OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(user, user.getAuthorities(), app);
		RequestPostProcessor signIn = authentication(authentication);
		return (request) -> {
			signIn.postProcessRequest(request);
			this.authorizedClients.saveAuthorizedClient(
					new OAuth2AuthorizedClient(registration, login, accessToken, refreshToken), authentication, request,
					new MockHttpServletResponse());
			return request;
		};
	}

	/**
	 * An OIDC user with an ID token like the auth server's, its authorities mapped by the
	 * app's own mapper.
	 */
	DefaultOidcUser oidcUser(String login, String employeeId, List<String> team, ClientRegistration registration,
			String... scopes) {
		Instant now = Instant.now();
		OidcIdToken.Builder idToken = OidcIdToken.withTokenValue("id-token-" + login)
			.subject(login)
			.issuer(ISSUER)
			.audience(List.of(registration.getClientId()))
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(5)))
			.claim(EMPLOYEE_CLAIM, employeeId);
		if (!team.isEmpty()) {
			idToken.claim(TEAM_CLAIM, team);
		}
		OidcIdToken token = idToken.build();
		Collection<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new OidcUserAuthority(token));
		Arrays.stream(scopes).map((scope) -> new SimpleGrantedAuthority("SCOPE_" + scope)).forEach(authorities::add);
		return new DefaultOidcUser(this.authoritiesMapper.mapAuthorities(authorities), token, "sub");
	}

	ClientRegistration registration(String app) {
		return this.registrations.findByRegistrationId(app);
	}

	/**
	 * @param html a page
	 * @param id an element id
	 * @return the start tag of the form control with this id, whitespace collapsed
	 * @throws AssertionError when there is none
	 */
	static String control(String html, String id) {
		Matcher matcher = Pattern.compile("<(input|textarea|select)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
			.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("no form control with id " + id);
		}
		return matcher.group().replaceAll("\\s+", " ");
	}

	static String page(String nextCursor, String... items) {
		return "{\"items\":[" + String.join(",", items) + "],\"nextCursor\":"
				+ ((nextCursor != null) ? "\"" + nextCursor + "\"" : "null") + "}";
	}

	static String timesheet(String id, String employeeId, String workDate, String hours, String status, int version) {
		return """
				{"timesheetId":"%s","externalId":"x-%s","employeeId":"%s","projectCode":"ALPHA","workDate":"%s",\
				"hours":%s,"note":"call, then review","status":"%s","version":%d,\
				"lastBatchId":"6e66aa77-0000-4000-8000-000000000001","submittedAt":"2026-11-02T10:00:00Z",\
				"updatedAt":"2026-11-02T10:00:00Z"}""".formatted(id, id.substring(0, 4), employeeId, workDate, hours,
				status, version);
	}

}
