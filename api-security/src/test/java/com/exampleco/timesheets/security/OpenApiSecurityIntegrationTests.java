package com.exampleco.timesheets.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.exampleco.timesheets.security.sample.SampleApiApplication;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample API's OpenAPI document, fetched over HTTP without a token: the OAuth 2.0
 * schemes at the issuer's endpoints and, for every route of its {@link ApiRoutes}, the
 * operation's security requirements naming exactly the route's scopes.
 */
@SpringBootTest(classes = SampleApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiSecurityIntegrationTests {

	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	@LocalServerPort
	int port;

	private HttpResponse<String> response;

	private JsonNode document;

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) {
		registry.add("timesheets.security.issuer-uri", () -> issuer.issuer().toString());
	}

	@BeforeAll
	void fetchDocumentWithoutToken() throws Exception {
		this.response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString());
		this.document = JsonMapper.builder().build().readTree(this.response.body());
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@Test
	void servesDocumentWithoutToken() {
		assertThat(this.response.statusCode()).isEqualTo(200);
	}

	@Test
	void declaresBothFlowsAtTheIssuersEndpoints() {
		String base = issuer.issuer().toString().replaceAll("/$", "");
		JsonNode schemes = this.document.path("components").path("securitySchemes");
		JsonNode clientCredentials = schemes.path("client-credentials").path("flows").path("clientCredentials");
		assertThat(clientCredentials.path("tokenUrl").asString()).isEqualTo(base + "/oauth2/token");
		JsonNode authorizationCode = schemes.path("authorization-code").path("flows").path("authorizationCode");
		assertThat(authorizationCode.path("authorizationUrl").asString()).isEqualTo(base + "/oauth2/authorize");
		assertThat(authorizationCode.path("tokenUrl").asString()).isEqualTo(base + "/oauth2/token");
		assertThat(schemes.path("authorization-code").path("description").asString()).contains("PKCE", "S256");
		assertThat(authorizationCode.path("scopes").path("read:timesheets").asString()).isEqualTo("Read timesheets");
		assertThat(clientCredentials.path("scopes").propertyNames()).containsExactlyInAnyOrder("create:timesheets",
				"read:timesheets", "approve:timesheets", "delete:timesheets");
	}

	@Test
	void requiresExactlyEachRoutesScopesOnItsOperation() {
		assertThat(SampleApiApplication.ROUTES.routes()).isNotEmpty();
		for (ApiRoutes.Route route : SampleApiApplication.ROUTES.routes()) {
			JsonNode operation = this.document.path("paths")
				.path(route.pattern())
				.path(route.method().name().toLowerCase(Locale.ROOT));
			assertThat(operation.isMissingNode()).as("%s %s documented", route.method(), route.pattern()).isFalse();
			List<String> requirements = new ArrayList<>();
			operation.path("security")
				.forEach((requirement) -> requirement.properties()
					.forEach((scheme) -> requirements.add(scheme.getKey() + "=" + scheme.getValue())));
			List<String> expected = new ArrayList<>();
			for (String scheme : List.of("client-credentials", "authorization-code")) {
				route.scopes().forEach((scope) -> expected.add(scheme + "=[\"" + scope + "\"]"));
			}
			assertThat(requirements).as("%s %s", route.method(), route.pattern())
				.containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	@Test
	void leavesAnOperationNoRouteDeclaresWithoutRequirement() {
		assertThat(this.document.path("paths").path("/not-routed").path("get").has("security")).isFalse();
	}

}
