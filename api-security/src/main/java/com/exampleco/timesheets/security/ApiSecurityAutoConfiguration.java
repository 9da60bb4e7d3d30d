package com.exampleco.timesheets.security;

import java.util.List;

import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the shared resource-server pieces: the {@link JwtDecoder} (issuer JWKS, RS256
 * only, {@code iss}, {@code aud}, {@code exp}/{@code nbf} with skew, the employee claim
 * and the machine-client rule, strict scope claims), the
 * {@link JwtAuthenticationConverter} ({@code scope}/{@code scp}, else
 * {@code permissions}, as {@code SCOPE_} authorities) and the {@link CallerResolver}.
 * Apps apply them in their own filter chain with {@link ApiSecurityConfigurer}.
 * <p>
 * Runs before Boot's resource-server and authorization-server auto-configurations so that
 * this decoder wins over any decoder built from a local {@code jwkSource} bean.
 */
@AutoConfiguration(
		before = { OAuth2ResourceServerAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
				SecurityAutoConfiguration.class },
		beforeName = "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration")
@ConditionalOnClass(JwtDecoder.class)
@EnableConfigurationProperties(ApiSecurityProperties.class)
public final class ApiSecurityAutoConfiguration {

	/**
	 * The issuer's keys, cached and refetched by the rules of
	 * {@code timesheets.security.jwks.*}; nothing is fetched before the first token.
	 * @param properties the settings
	 * @return the key set the decoder verifies with
	 */
	@Bean
	@ConditionalOnMissingBean
	IssuerKeySet issuerKeySet(ApiSecurityProperties properties) {
		return IssuerJwtDecoders.keySet(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(ApiSecurityProperties properties, IssuerKeySet keys) {
		return IssuerJwtDecoders.lazy(properties, keys);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter(ApiSecurityProperties properties) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new ScopeAuthoritiesConverter(properties.permissionsClaim()));
		return converter;
	}

	@Bean
	@ConditionalOnMissingBean
	CallerResolver callerResolver(ApiSecurityProperties properties) {
		return new CallerResolver(properties.employeeClaim(), properties.teamClaim());
	}

	/**
	 * Spring Security's default firewall with the same header-value check done without a
	 * regular expression (see {@link AssignedNonControlCharacters}).
	 * @return the firewall of every filter chain
	 */
	@Bean
	@ConditionalOnMissingBean(HttpFirewall.class)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	StrictHttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderValues(new AssignedNonControlCharacters());
		return firewall;
	}

	/**
	 * No Spring Security observations in the APIs: they wrap every filter of the chain,
	 * the authentication and the authorization of every request in observations of their
	 * own (timers, long task timers), about a tenth of a request thread's CPU (issue 8,
	 * ingest-api and query-api READMEs). Each request is still timed, with its status
	 * (401/403 included), by Boot's {@code http.server.requests}. An app that wants them
	 * defines its own {@link SecurityObservationSettings}.
	 * @return settings that observe nothing
	 */
	@Bean
	@ConditionalOnMissingBean(SecurityObservationSettings.class)
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class KeySetMetricsConfiguration {

		@Bean
		MeterBinder issuerKeySetMetrics(IssuerKeySet keys) {
			return new IssuerKeySetMetrics(keys);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebMvcConfigurer.class)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class CallerArgumentConfiguration implements WebMvcConfigurer {

		private final CallerResolver callerResolver;

		CallerArgumentConfiguration(CallerResolver callerResolver) {
			this.callerResolver = callerResolver;
		}

		@Override
		public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
			resolvers.add(new CallerArgumentResolver(this.callerResolver));
		}

	}

}
