package com.exampleco.timesheets.authserver;

import java.text.ParseException;
import java.time.Duration;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every {@code timesheets.auth.*} setting reaches the tokens, including overridden and
 * added clients.
 */
class ConfiguredSettingsIntegrationTests {

	private static final String ISSUER = "http://auth.timesheets.test:9000";

	private static ConfigurableApplicationContext context;

	private static AuthServerHttp server;

	@BeforeAll
	static void startServer() {
		String bcryptSecret = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("hashed-secret");
		context = AuthServerApplication.start("--server.port=0", "--timesheets.auth.issuer=" + ISSUER,
				"--timesheets.auth.audience=https://api.example.test", "--timesheets.auth.employee-claim=emp",
				"--timesheets.auth.access-token-ttl=2m", "--timesheets.auth.clients.uploader.secret=changed-secret",
				"--timesheets.auth.clients.extra.client-id=extra-client",
				"--timesheets.auth.clients.extra.secret=" + bcryptSecret,
				"--timesheets.auth.clients.extra.scopes=read:timesheets",
				"--timesheets.auth.clients.extra.employee-id=E42", "--timesheets.auth.clients.extra.permissions=true");
		server = new AuthServerHttp(context);
	}

	@AfterAll
	static void stopServer() {
		context.close();
	}

	@Test
	void usesConfiguredIssuerInTokensAndDiscovery() throws ParseException {
		JWTClaimsSet claims = server.accessToken("contractor-app", "contractor-secret", "read:timesheets")
			.getJWTClaimsSet();

		assertThat(claims.getIssuer()).isEqualTo(ISSUER);
		assertThat(server.get("/.well-known/openid-configuration").json()).containsEntry("issuer", ISSUER)
			.containsEntry("jwks_uri", ISSUER + "/oauth2/jwks");
	}

	@Test
	void usesConfiguredAudienceAndLifetime() throws ParseException {
		JWTClaimsSet claims = server.accessToken("contractor-app", "contractor-secret", "read:timesheets")
			.getJWTClaimsSet();

		assertThat(claims.getAudience()).containsExactly("https://api.example.test");
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void overriddenSecretReplacesDefault() {
		assertThat(server.tokenWithBasic("timesheets-uploader", "changed-secret", "create:timesheets").status())
			.isEqualTo(200);
		assertThat(server.tokenWithBasic("timesheets-uploader", "uploader-secret", "create:timesheets").status())
			.isEqualTo(401);
	}

	@Test
	void addedClientWithBcryptSecretGetsItsClaims() throws ParseException {
		JWTClaimsSet claims = server.accessToken("extra-client", "hashed-secret", null).getJWTClaimsSet();

		assertThat(claims.getStringClaim("azp")).isEqualTo("extra-client");
		assertThat(claims.getStringClaim("scope")).isEqualTo("read:timesheets");
		assertThat(claims.getStringClaim("emp")).isEqualTo("E42");
		assertThat(claims.getStringListClaim("permissions")).containsExactly("read:timesheets");
		assertThat(server.tokenWithBasic("extra-client", "wrong", null).status()).isEqualTo(401);
	}

	@Test
	void employeeClaimUsesConfiguredName() throws ParseException {
		JWTClaimsSet claims = server.accessToken("employee-e1001", "employee-secret", null).getJWTClaimsSet();

		assertThat(claims.getStringClaim("emp")).isEqualTo("E1001");
		assertThat(claims.getClaims()).doesNotContainKey("https://timesheets.exampleco.com/employee_id");
	}

	@Test
	void refusesToStartWithIncompleteClient() {
		assertThatException()
			.isThrownBy(() -> AuthServerApplication.start("--server.port=0",
					"--timesheets.auth.clients.broken.secret=some-secret"))
			.withStackTraceContaining("timesheets.auth.clients[broken].clientId")
			.withStackTraceContaining("timesheets.auth.clients[broken].scopes");
	}

}
