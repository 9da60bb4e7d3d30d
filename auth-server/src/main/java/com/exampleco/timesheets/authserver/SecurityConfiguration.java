package com.exampleco.timesheets.authserver;

import java.util.Set;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Two filter chains: the authorization server's endpoints (authorize, token, JWKS,
 * discovery, user info, logout) as Spring Authorization Server secures them, with
 * browsers sent to the login form; then (after the client administration API's chain,
 * {@link ClientAdminSecurityConfiguration}) everything else, where the login form and
 * actuator health are open and all other requests are denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, People people) {
		http.oauth2AuthorizationServer((authorizationServer) -> {
			http.securityMatcher(authorizationServer.getEndpointsMatcher());
			authorizationServer
				.tokenEndpoint((token) -> token.accessTokenRequestConverter(new AllScopesWhenNoneRequested()))
				.authorizationEndpoint(
						(authorization) -> authorization.authorizationRequestConverter(new ScopesOfThePerson(people)))
				// serves /.well-known/openid-configuration, as Auth0 does
				.oidc(Customizer.withDefaults());
		});
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		// a browser that is not signed in is sent to the
		// login form; other callers get 401
		http.exceptionHandling(SecurityConfiguration::loginFormForBrowsers);
		// the OIDC user-info endpoint accepts access tokens
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		return http.build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			.anyRequest()
			.denyAll());
		// people sign in here (Spring Security's login page: labelled fields, CSRF token)
		http.formLogin((login) -> login.permitAll());
		http.exceptionHandling(SecurityConfiguration::loginFormForBrowsers);
		return http.build();
	}

	/**
	 * A page request (one that accepts HTML, not merely anything) without a signed-in
	 * person goes to the login form; every other caller gets a plain 401.
	 */
	private static void loginFormForBrowsers(ExceptionHandlingConfigurer<HttpSecurity> exceptions) {
		MediaTypeRequestMatcher pages = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		pages.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		exceptions.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), pages)
			.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					AnyRequestMatcher.INSTANCE);
	}

}
