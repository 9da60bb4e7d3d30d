package com.exampleco.timesheets.webapp.config;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import com.exampleco.timesheets.webapp.person.Person;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two sign-ins, one filter chain each:
 * <ul>
 * <li>the contractor portal under {@code /contractor/**}: registration
 * {@code contractor-portal} (public client, consent at the issuer), its own security
 * context in the session, its own sign-in and sign-out paths;</li>
 * <li>the web app for everything else: registration {@code timesheets} (confidential
 * client). Team approvals need a manager: a team in the ID token and
 * {@code approve:timesheets} granted.</li>
 * </ul>
 * Both use the authorization code grant with PKCE (S256, also for the confidential
 * client), CSRF tokens on every form, RP-initiated logout at the issuer, and the same
 * security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/** Registration id of the web app. */
	static final String WEB = "timesheets";

	/** Registration id of the contractor portal. */
	static final String PORTAL = "contractor-portal";

	@Bean
	@Order(1)
	SecurityFilterChain contractorPortal(HttpSecurity http, ClientRegistrationRepository registrations)
			throws Exception {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey("CONTRACTOR_PORTAL_SECURITY_CONTEXT");
		http.securityMatcher("/contractor/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/contractor/")
				.permitAll()
				.anyRequest()
				.hasAuthority("SCOPE_read:timesheets"))
			.securityContext((context) -> context.securityContextRepository(contexts))
			.oauth2Login((login) -> login.loginPage("/contractor/oauth2/authorization/" + PORTAL)
				.authorizationEndpoint((endpoint) -> endpoint.baseUri("/contractor/oauth2/authorization")
					.authorizationRequestResolver(onlyFor(PORTAL, registrations, "/contractor/oauth2/authorization")))
				.redirectionEndpoint((endpoint) -> endpoint.baseUri("/contractor/login/oauth2/code/*"))
				.defaultSuccessUrl("/contractor/timesheets")
				.failureUrl("/contractor/?error"))
			.logout((logout) -> forgetTheSession(logout.logoutUrl("/contractor/logout"))
				.logoutSuccessHandler(issuerLogout(registrations, "{baseUrl}/contractor/")));
		return headers(http, registrations).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webApp(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/css/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/team", "/team/**")
			.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasAuthority(Person.MANAGER),
					AuthorityAuthorizationManager.hasAuthority("SCOPE_approve:timesheets")))
			.anyRequest()
			.authenticated())
			.oauth2Login((login) -> login.loginPage("/oauth2/authorization/" + WEB)
				.authorizationEndpoint((endpoint) -> endpoint
					.authorizationRequestResolver(onlyFor(WEB, registrations, "/oauth2/authorization")))
				.defaultSuccessUrl("/timesheets")
				.failureUrl("/?error"))
			.logout((logout) -> forgetTheSession(logout)
				.logoutSuccessHandler(issuerLogout(registrations, "{baseUrl}/")));
		return headers(http, registrations).build();
	}

	/**
	 * Signing out also deletes the session cookie and tells the browser to drop what it
	 * cached of this site: without both, a browser's back button can show a signed-in
	 * page again from its back/forward cache (Chrome keeps even {@code no-store} pages
	 * there while the cookies stay the same).
	 */
	private static LogoutConfigurer<HttpSecurity> forgetTheSession(LogoutConfigurer<HttpSecurity> logout) {
		// Spring's ClearSiteDataHeaderWriter writes only on HTTPS; browsers honour the
		// header
		// on any trustworthy origin, localhost included
		return logout.deleteCookies("JSESSIONID")
			.addLogoutHandler(
					(request, response, authentication) -> response.setHeader("Clear-Site-Data", "\"cache\""));
	}

	/** Used by both chains' {@code oauth2Login} (it picks the bean up). */
	@Bean
	GrantedAuthoritiesMapper managerAuthorities(WebAppProperties properties) {
		return managers(properties.teamClaim());
	}

	/**
	 * Adds {@link Person#MANAGER} to a person whose ID token names a non-empty team.
	 * @param teamClaim the team claim's name
	 * @return the mapper, never null
	 */
	static GrantedAuthoritiesMapper managers(String teamClaim) {
		return (authorities) -> {
			Set<GrantedAuthority> mapped = new HashSet<>(authorities);
			for (GrantedAuthority authority : authorities) {
				if (authority instanceof OidcUserAuthority oidc && teamClaim != null
						&& !Person.teamOf(oidc.getIdToken().getClaim(teamClaim)).isEmpty()) {
					mapped.add(new SimpleGrantedAuthority(Person.MANAGER));
				}
			}
			return mapped;
		};
	}

	private static HttpSecurity headers(HttpSecurity http, ClientRegistrationRepository registrations)
			throws Exception {
		String issuer = issuerOrigin(registrations);
		// no script, style or image from elsewhere; forms post here only, except the
		// sign-out form, whose answer redirects to the issuer's end-session endpoint
		String policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
				+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
				+ ((issuer != null) ? " " + issuer : "");
		return http
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(policy))
				.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.csrf(Customizer.withDefaults());
	}

	private static String issuerOrigin(ClientRegistrationRepository registrations) {
		ClientRegistration web = registrations.findByRegistrationId(WEB);
		String issuer = (web != null) ? web.getProviderDetails().getIssuerUri() : null;
		if (issuer == null) {
			return null;
		}
		URI uri = URI.create(issuer);
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	private static OidcClientInitiatedLogoutSuccessHandler issuerLogout(ClientRegistrationRepository registrations,
			String returnTo) {
		OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		handler.setPostLogoutRedirectUri(returnTo);
		return handler;
	}

	/**
	 * The authorization request resolver of one chain: PKCE (S256) for every client, the
	 * confidential one too, and only the chain's own registration, so the web app's path
	 * cannot start the portal's sign-in or the other way round. (Spring Security 7
	 * already adds PKCE to confidential clients unless a registration sets
	 * {@code requireProofKey(false)}; the customizer keeps it whatever a registration
	 * says, since the auth server refuses an authorization request without it.)
	 */
	private static OAuth2AuthorizationRequestResolver onlyFor(String registrationId,
			ClientRegistrationRepository registrations, String baseUri) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, baseUri);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		return new OAuth2AuthorizationRequestResolver() {

			@Override
			public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
				return own(resolver.resolve(request));
			}

			@Override
			public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
				return registrationId.equals(clientRegistrationId) ? resolver.resolve(request, clientRegistrationId)
						: null;
			}

			private OAuth2AuthorizationRequest own(OAuth2AuthorizationRequest resolved) {
				return (resolved != null
						&& registrationId.equals(resolved.getAttribute(OAuth2ParameterNames.REGISTRATION_ID)))
								? resolved : null;
			}

		};
	}

}
