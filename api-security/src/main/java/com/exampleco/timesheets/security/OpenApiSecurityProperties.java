package com.exampleco.timesheets.security;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the API document tells clients to get tokens
 * ({@code timesheets.security.openapi.*}). Both default to the endpoints of the local
 * authorization server under {@code timesheets.security.issuer-uri}; set them for an
 * issuer with other paths, e.g. Auth0: {@code https://TENANT.auth0.com/authorize} and
 * {@code https://TENANT.auth0.com/oauth/token}.
 *
 * @param authorizationUrl the authorization endpoint (authorization code flow); default
 * {@code <issuer-uri>/oauth2/authorize}
 * @param tokenUrl the token endpoint (both flows); default
 * {@code <issuer-uri>/oauth2/token}
 */
@ConfigurationProperties("timesheets.security.openapi")
public record OpenApiSecurityProperties(@Nullable URI authorizationUrl, @Nullable URI tokenUrl) {

	/**
	 * The authorization endpoint to document.
	 * @param issuer the configured issuer
	 * @return the configured URL, else the issuer's {@code /oauth2/authorize}
	 */
	public String authorizationUrl(URI issuer) {
		return (this.authorizationUrl != null) ? this.authorizationUrl.toString() : below(issuer, "oauth2/authorize");
	}

	/**
	 * The token endpoint to document.
	 * @param issuer the configured issuer
	 * @return the configured URL, else the issuer's {@code /oauth2/token}
	 */
	public String tokenUrl(URI issuer) {
		return (this.tokenUrl != null) ? this.tokenUrl.toString() : below(issuer, "oauth2/token");
	}

	private static String below(URI issuer, String path) {
		String base = issuer.toString();
		return base.endsWith("/") ? base + path : base + "/" + path;
	}

}
