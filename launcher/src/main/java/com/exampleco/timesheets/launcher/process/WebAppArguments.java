package com.exampleco.timesheets.launcher.process;

import java.util.List;

/**
 * What the auth server and the people's web app are told on their command lines when the
 * web app runs at an address of the launcher's choosing (its defaults name
 * {@code 127.0.0.1:8084}): written once for local-stack and system-tests.
 */
public final class WebAppArguments {

	private WebAppArguments() {
	}

	/**
	 * The auth server's redirect and return URIs of the web app and the contractor
	 * portal.
	 * @param webUrl the web app's base URL as browsers open it, e.g.
	 * {@code http://127.0.0.1:8084}
	 * @return the {@code --timesheets.auth.apps.*} arguments
	 */
	public static List<String> forAuthServer(String webUrl) {
		return List.of("--timesheets.auth.apps.web.redirect-uris=" + webUrl + "/login/oauth2/code/timesheets",
				"--timesheets.auth.apps.web.post-logout-redirect-uris=" + webUrl + "/",
				"--timesheets.auth.apps.portal.redirect-uris=" + webUrl
						+ "/contractor/login/oauth2/code/contractor-portal",
				"--timesheets.auth.apps.portal.post-logout-redirect-uris=" + webUrl + "/contractor/");
	}

	/**
	 * The web app's issuer (discovered at its start) and the APIs it calls.
	 * @param issuer the auth server's issuer URI
	 * @param ingestUrl the ingest API's base URL
	 * @param queryUrl the query API's base URL
	 * @return the arguments
	 */
	public static List<String> forWebApp(String issuer, String ingestUrl, String queryUrl) {
		return List.of("--spring.security.oauth2.client.provider.exampleco.issuer-uri=" + issuer,
				"--timesheets.web.ingest-uri=" + ingestUrl, "--timesheets.web.query-uri=" + queryUrl);
	}

}
