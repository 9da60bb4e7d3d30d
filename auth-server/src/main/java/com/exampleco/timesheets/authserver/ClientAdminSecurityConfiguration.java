package com.exampleco.timesheets.authserver;

import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The client administration API's own filter chain ({@code /admin/**}): a bearer token
 * signed by this server's key, unexpired, carrying the admin audience
 * ({@code timesheets.auth.admin-audience}) and, when an issuer is configured, that
 * issuer, and the scope {@code admin:clients}; no sessions, no cookies (so no CSRF), 401
 * without a valid token, 403 without the scope. The decoder is this chain's own, not a
 * bean: the user-info endpoint keeps the one Spring Boot configures.
 */
@Configuration(proxyBeanMethods = false)
class ClientAdminSecurityConfiguration {

	/** The scope that opens the client administration API. */
	static final String SCOPE = "admin:clients";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain clientAdminSecurityFilterChain(HttpSecurity http, JWKSource<SecurityContext> jwkSource,
			AuthServerProperties properties) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtAudienceValidator(properties.adminAudience()));
		if (properties.issuer() != null && !properties.issuer().isBlank()) {
			validators.add(new JwtIssuerValidator(properties.issuer()));
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
		http.securityMatcher("/admin/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().hasAuthority("SCOPE_" + SCOPE))
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> jwt.decoder(decoder)))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
