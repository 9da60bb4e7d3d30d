package com.exampleco.timesheets.authserver;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

	@Bean
	JWKSource<SecurityContext> jwkSource(AuthServerProperties properties) {
		RSAKey key = (properties.keyFile() != null) ? SigningKeys.loadOrCreate(properties.keyFile())
				: SigningKeys.generate();
		return new ImmutableJWKSet<>(new JWKSet(key));
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
