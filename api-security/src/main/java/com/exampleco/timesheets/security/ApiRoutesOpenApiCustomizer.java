package com.exampleco.timesheets.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Writes the OAuth 2.0 security of an API into its OpenAPI document from the same
 * {@link ApiRoutes} that authorize its requests: two security schemes (client
 * credentials; authorization code with PKCE) listing every route's scope with its
 * description, and on each operation the scopes its route needs: one requirement per
 * scheme and opening scope, as OpenAPI reads alternatives (any one requirement is
 * enough). An operation that no route declares is denied at runtime; it gets no
 * requirement, which the apps' tests catch.
 */
public final class ApiRoutesOpenApiCustomizer implements OpenApiCustomizer {

	/** The scheme name of the client credentials flow (machine clients). */
	public static final String CLIENT_CREDENTIALS = "client-credentials";

	/** The scheme name of the authorization code flow (apps acting for a person). */
	public static final String AUTHORIZATION_CODE = "authorization-code";

	private final ApiRoutes routes;

	private final String authorizationUrl;

	private final String tokenUrl;

	/**
	 * Creates the customizer.
	 * @param routes the app's routes, the same its filter chain authorizes with
	 * @param authorizationUrl the issuer's authorization endpoint
	 * @param tokenUrl the issuer's token endpoint
	 */
	public ApiRoutesOpenApiCustomizer(ApiRoutes routes, String authorizationUrl, String tokenUrl) {
		this.routes = routes;
		this.authorizationUrl = authorizationUrl;
		this.tokenUrl = tokenUrl;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents()
			.addSecuritySchemes(CLIENT_CREDENTIALS,
					new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
						.description("A machine client's token (no person): client_credentials grant at the token URL.")
						.flows(new OAuthFlows()
							.clientCredentials(new OAuthFlow().tokenUrl(this.tokenUrl).scopes(scopes()))))
			.addSecuritySchemes(AUTHORIZATION_CODE, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
				.description("A token for a signed-in person: authorization_code grant with PKCE; "
						+ "code_challenge_method S256 is required.")
				.flows(new OAuthFlows().authorizationCode(new OAuthFlow().authorizationUrl(this.authorizationUrl)
					.tokenUrl(this.tokenUrl)
					.scopes(scopes()))));
		if (openApi.getPaths() == null) {
			return;
		}
		for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
			for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
				route(operation.getKey(), path.getKey())
					.ifPresent((route) -> operation.getValue().setSecurity(requirements(route)));
			}
		}
	}

	private Scopes scopes() {
		Set<String> names = new LinkedHashSet<>();
		this.routes.routes().forEach((route) -> names.addAll(route.scopes()));
		Scopes scopes = new Scopes();
		names.forEach((name) -> scopes.addString(name, this.routes.description(name).orElse(name)));
		return scopes;
	}

	// first match in declaration order, as at runtime; a document path's "{name}"
	// segment matches the route's variable or wildcard like any value would
	private Optional<ApiRoutes.Route> route(PathItem.HttpMethod method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return this.routes.routes()
			.stream()
			.filter((route) -> route.method().name().equals(method.name()))
			.filter((route) -> parse(route.pattern()).matches(container))
			.findFirst();
	}

	private static PathPattern parse(String pattern) {
		return PathPatternParser.defaultInstance.parse(pattern);
	}

	private static List<SecurityRequirement> requirements(ApiRoutes.Route route) {
		List<SecurityRequirement> requirements = new ArrayList<>();
		for (String scheme : List.of(CLIENT_CREDENTIALS, AUTHORIZATION_CODE)) {
			for (String scope : route.scopes()) {
				requirements.add(new SecurityRequirement().addList(scheme, scope));
			}
		}
		return requirements;
	}

}
