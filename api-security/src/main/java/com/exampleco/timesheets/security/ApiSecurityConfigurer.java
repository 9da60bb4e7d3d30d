package com.exampleco.timesheets.security;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.util.Assert;

/**
 * Applies the shared bearer-token rules to an app's one {@code SecurityFilterChain}: JWT
 * resource server with the auto-configured decoder and authorities converter, header-only
 * token resolution, stateless sessions, no CSRF (no cookies, so nothing to forge), and
 * RFC 6750 / RFC 9457 answers for 401 and 403. Authorization stays in the app's
 * {@code authorizeHttpRequests}, which must call {@link ApiRoutes#authorize}: <pre>
 * &#64;Bean
 * SecurityFilterChain api(HttpSecurity http) {
 *     ApiRoutes routes = ApiRoutes.builder()
 *         .route(HttpMethod.POST, "/timesheet-batches", "create:timesheets")
 *         .build();
 *     return http
 *         .authorizeHttpRequests((authorize) -&gt; routes.authorize(authorize).anyRequest().denyAll())
 *         .with(ApiSecurityConfigurer.apiSecurity(routes), Customizer.withDefaults())
 *         .build();
 * }
 * </pre>
 */
public final class ApiSecurityConfigurer extends AbstractHttpConfigurer<ApiSecurityConfigurer, HttpSecurity> {

	private final ApiRoutes routes;

	private ApiSecurityConfigurer(ApiRoutes routes) {
		this.routes = routes;
	}

	/**
	 * The configurer for an API whose routes need the given scopes.
	 * @param routes the same routes the app passes to {@link ApiRoutes#authorize}
	 * @return a configurer for {@code http.with(...)}
	 */
	public static ApiSecurityConfigurer apiSecurity(ApiRoutes routes) {
		Assert.notNull(routes, "routes must not be null");
		return new ApiSecurityConfigurer(routes);
	}

	@Override
	public void init(HttpSecurity http) {
		Assert.state(http.getConfigurer(AuthorizeHttpRequestsConfigurer.class) != null,
				"Declare authorizeHttpRequests((authorize) -> routes.authorize(authorize)...anyRequest().denyAll()) "
						+ "in the filter chain that applies ApiSecurityConfigurer");
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		JwtDecoder decoder = context.getBean(JwtDecoder.class);
		JwtAuthenticationConverter authenticationConverter = context.getBean(JwtAuthenticationConverter.class);
		BearerProblemEntryPoint entryPoint = new BearerProblemEntryPoint();
		BearerProblemAccessDeniedHandler accessDeniedHandler = new BearerProblemAccessDeniedHandler(this.routes);
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDeniedHandler))
			.oauth2ResourceServer(
					(resourceServer) -> resourceServer.bearerTokenResolver(new HeaderOnlyBearerTokenResolver())
						.authenticationEntryPoint(entryPoint)
						.accessDeniedHandler(accessDeniedHandler)
						.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(authenticationConverter))
						.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
							@Override
							public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
								filter.setAuthenticationFailureHandler(new IssuerUnavailableFailureHandler(entryPoint));
								return filter;
							}
						}));
	}

}
