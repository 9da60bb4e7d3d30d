package com.exampleco.timesheets.authserver;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRegistrationsTests {

	@Test
	void prefixesPlainSecretWithNoop() {
		assertThat(ClientRegistrations.encoded("s3cret")).isEqualTo("{noop}s3cret");
	}

	@Test
	void keepsEncodedSecretsAsTheyAre() {
		assertThat(ClientRegistrations.encoded("{noop}s3cret")).isEqualTo("{noop}s3cret");
		assertThat(ClientRegistrations.encoded("{bcrypt}$2a$10$abc")).isEqualTo("{bcrypt}$2a$10$abc");
	}

	@Test
	void registersClientCredentialsOnlyWithBasicAndPostAuthentication() {
		AuthServerProperties properties = new AuthServerProperties(null, "aud", "emp", Duration.ofMinutes(3), null,
				Map.of("a",
						new AuthServerProperties.Client("client-a", "secret", Set.of("read:timesheets"), "E7", true,
								null, null)),
				"team", Duration.ofHours(8), Map.of(), Map.of(), Duration.ofSeconds(5), "admin-aud");

		RegisteredClient client = ClientRegistrations.from(properties).get(0);

		assertThat(client.getClientId()).isEqualTo("client-a");
		assertThat(client.getClientSecret()).isEqualTo("{noop}secret");
		assertThat(client.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
		assertThat(client.getClientAuthenticationMethods()).containsExactlyInAnyOrder(
				ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
		assertThat(client.getScopes()).containsExactly("read:timesheets");
		assertThat(client.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(3));
		assertThat(client.getClientSettings().<String>getSetting(ClientRegistrations.EMPLOYEE_ID_SETTING))
			.isEqualTo("E7");
		assertThat(client.getClientSettings().<Boolean>getSetting(ClientRegistrations.PERMISSIONS_SETTING)).isTrue();
	}

}
