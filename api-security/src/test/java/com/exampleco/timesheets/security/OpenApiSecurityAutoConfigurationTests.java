package com.exampleco.timesheets.security;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiSecurityAutoConfigurationTests {

	static final ApiRoutes ROUTES = ApiRoutes.builder()
		.scope("read:timesheets", "Read timesheets")
		.route(HttpMethod.GET, "/batches/{batchId}", "read:timesheets", "create:timesheets")
		.route(HttpMethod.GET, "/timesheets/**", "read:timesheets")
		.build();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ApiSecurityAutoConfiguration.class, OpenApiSecurityAutoConfiguration.class))
		.withPropertyValues("timesheets.security.issuer-uri=http://localhost:9000");

	@Test
	void documentsNothingWithoutRoutesBean() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ApiRoutesOpenApiCustomizer.class));
	}

	@Test
	void derivesEndpointsFromTheIssuer() {
		this.runner.withBean(ApiRoutes.class, () -> ROUTES).run((context) -> {
			OAuthFlows flows = customised(context.getBean(ApiRoutesOpenApiCustomizer.class), "authorization-code");
			assertThat(flows.getAuthorizationCode().getAuthorizationUrl())
				.isEqualTo("http://localhost:9000/oauth2/authorize");
			assertThat(flows.getAuthorizationCode().getTokenUrl()).isEqualTo("http://localhost:9000/oauth2/token");
		});
	}

	@Test
	void usesConfiguredEndpointsForAuth0() {
		this.runner.withBean(ApiRoutes.class, () -> ROUTES)
			.withPropertyValues("timesheets.security.issuer-uri=https://tenant.auth0.com/",
					"timesheets.security.openapi.authorization-url=https://tenant.auth0.com/authorize",
					"timesheets.security.openapi.token-url=https://tenant.auth0.com/oauth/token")
			.run((context) -> {
				ApiRoutesOpenApiCustomizer customizer = context.getBean(ApiRoutesOpenApiCustomizer.class);
				OAuthFlows code = customised(customizer, "authorization-code");
				assertThat(code.getAuthorizationCode().getAuthorizationUrl())
					.isEqualTo("https://tenant.auth0.com/authorize");
				assertThat(code.getAuthorizationCode().getTokenUrl()).isEqualTo("https://tenant.auth0.com/oauth/token");
				assertThat(customised(customizer, "client-credentials").getClientCredentials().getTokenUrl())
					.isEqualTo("https://tenant.auth0.com/oauth/token");
			});
	}

	@Test
	void keepsTheIssuersTrailingSlashOnce() {
		this.runner.withBean(ApiRoutes.class, () -> ROUTES)
			.withPropertyValues("timesheets.security.issuer-uri=https://tenant.auth0.com/")
			.run((context) -> assertThat(
					customised(context.getBean(ApiRoutesOpenApiCustomizer.class), "client-credentials")
						.getClientCredentials()
						.getTokenUrl())
				.isEqualTo("https://tenant.auth0.com/oauth2/token"));
	}

	@Test
	void namesEachOpeningScopeAsAnAlternativeAndFallsBackToTheScopeAsDescription() {
		OpenAPI openApi = document();
		new ApiRoutesOpenApiCustomizer(ROUTES, "https://issuer/authorize", "https://issuer/token").customise(openApi);
		assertThat(openApi.getPaths().get("/batches/{batchId}").getGet().getSecurity()).containsExactly(
				requirement("client-credentials", "read:timesheets"),
				requirement("client-credentials", "create:timesheets"),
				requirement("authorization-code", "read:timesheets"),
				requirement("authorization-code", "create:timesheets"));
		assertThat(openApi.getPaths().get("/timesheets/{timesheetId}/history").getGet().getSecurity()).containsExactly(
				requirement("client-credentials", "read:timesheets"),
				requirement("authorization-code", "read:timesheets"));
		assertThat(openApi.getPaths().get("/timesheets/{timesheetId}/history").getPost().getSecurity()).isNull();
		assertThat(openApi.getComponents()
			.getSecuritySchemes()
			.get("client-credentials")
			.getFlows()
			.getClientCredentials()
			.getScopes()).containsExactlyInAnyOrderEntriesOf(
					Map.of("read:timesheets", "Read timesheets", "create:timesheets", "create:timesheets"));
	}

	private static OAuthFlows customised(ApiRoutesOpenApiCustomizer customizer, String scheme) {
		OpenAPI openApi = document();
		customizer.customise(openApi);
		return openApi.getComponents().getSecuritySchemes().get(scheme).getFlows();
	}

	private static OpenAPI document() {
		return new OpenAPI().paths(new Paths().addPathItem("/batches/{batchId}", new PathItem().get(new Operation()))
			.addPathItem("/timesheets/{timesheetId}/history",
					new PathItem().get(new Operation()).post(new Operation())));
	}

	private static SecurityRequirement requirement(String scheme, String scope) {
		return new SecurityRequirement().addList(scheme, List.of(scope));
	}

}
