package com.exampleco.timesheets.authserver;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The authorization server's parts: clients and apps, people, signing key, token claims
 * and issuer. Each bean replaces the one Spring Boot would auto-configure.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthServerProperties.class)
class AuthorizationServerConfiguration {

	@Bean
	EnabledClients registeredClientRepository(AuthServerProperties properties) {
		return new EnabledClients(new InMemoryRegisteredClientRepository(ClientRegistrations.from(properties)));
	}

	/**
	 * The signing keys: from the key file (read again every
	 * {@code key-file-poll-interval}, so a rotation needs no restart), else one new key.
	 * @param properties the settings
	 * @return the keys, all published at {@code /oauth2/jwks}
	 */
	@Bean
	SigningKeySource jwkSource(AuthServerProperties properties) {
		return (properties.keyFile() != null)
				? SigningKeySource.fromFile(properties.keyFile(), properties.keyFilePollInterval())
				: SigningKeySource.generated();
	}

	/**
	 * Signs with the first key of the key file (Spring's encoder refuses to choose among
	 * several matching keys by itself).
	 * @param keys the signing keys
	 * @return the encoder of access and ID tokens
	 */
	@Bean
	JwtEncoder jwtEncoder(SigningKeySource keys) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
		encoder.setJwkSelector(SigningKeySource::signingKey);
		return encoder;
	}

	@Bean
	People people(AuthServerProperties properties) {
		return new People(properties);
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims(AuthServerProperties properties, People people) {
		return new AccessTokenClaims(properties.audience(), properties.employeeClaim(), properties.teamClaim(), people);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (properties.issuer() != null && !properties.issuer().isBlank()) {
			settings.issuer(properties.issuer());
		}
		return settings.build();
	}

}
