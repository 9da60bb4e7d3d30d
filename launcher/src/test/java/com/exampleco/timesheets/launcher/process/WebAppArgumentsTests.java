package com.exampleco.timesheets.launcher.process;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebAppArgumentsTests {

	@Test
	void theAuthServerLearnsTheWebAppsAndThePortalsAddresses() {
		assertThat(WebAppArguments.forAuthServer("http://localhost:4242")).containsExactly(
				"--timesheets.auth.apps.web.redirect-uris=http://localhost:4242/login/oauth2/code/timesheets",
				"--timesheets.auth.apps.web.post-logout-redirect-uris=http://localhost:4242/",
				"--timesheets.auth.apps.portal.redirect-uris=http://localhost:4242/contractor/login/oauth2/code/contractor-portal",
				"--timesheets.auth.apps.portal.post-logout-redirect-uris=http://localhost:4242/contractor/");
	}

	@Test
	void atTheDefaultAddressTheyAreTheAuthServersOwnDefaults() throws Exception {
		String authServerYml = Files
			.readString(Path.of("..", "auth-server", "src", "main", "resources", "auth-server.yml"));
		for (String argument : WebAppArguments.forAuthServer("http://127.0.0.1:8084")) {
			String uri = argument.substring(argument.indexOf('=') + 1);
			assertThat(authServerYml).as(argument).contains(uri);
		}
	}

	@Test
	void theWebAppIsToldItsIssuerAndBothApis() {
		assertThat(WebAppArguments.forWebApp("http://127.0.0.1:9000", "http://i:1", "http://q:2")).containsExactly(
				"--spring.security.oauth2.client.provider.exampleco.issuer-uri=http://127.0.0.1:9000",
				"--timesheets.web.ingest-uri=http://i:1", "--timesheets.web.query-uri=http://q:2");
	}

}
