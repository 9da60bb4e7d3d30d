package com.exampleco.timesheets.uploader.config;

import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import com.exampleco.timesheets.uploader.auth.RetryingTokenClient;
import com.exampleco.timesheets.uploader.auth.TokenSource;
import com.exampleco.timesheets.uploader.run.Console;
import com.exampleco.timesheets.uploader.upload.Backoff;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The OAuth 2.0 client: one client-credentials registration, an authorized-client manager
 * that caches the token until shortly before it expires, and the interceptor that puts it
 * on every API call and drops it when an API answers 401.
 * <p>
 * Boot creates no {@code OAuth2AuthorizedClientManager} for a non-web application and the
 * interceptor's defaults resolve no registration and handle no failure, so both are wired
 * here on purpose. The beans are lazy: a dry run never reads the secret.
 */
@Configuration(proxyBeanMethods = false)
@Lazy
class OAuth2ClientConfig {

	static final String REGISTRATION_ID = "timesheets";

	/** The job acts for itself: one principal, so one cached token for the whole run. */
	static final Authentication JOB = new AnonymousAuthenticationToken("uploader-job", "uploader-job",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	@Bean
	ClientRegistrationRepository clientRegistrationRepository(UploaderProperties properties) {
		UploaderProperties.Auth auth = properties.auth();
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientId(auth.clientId())
			.clientSecret(ClientSecrets.resolve(auth))
			.tokenUri(auth.tokenUri().toString())
			// without scope the token carries no scope claim with some issuers
			.scope(Arrays.stream(auth.scope().split("[\\s,]+")).filter((s) -> !s.isEmpty()).toList())
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	OAuth2AuthorizedClientService authorizedClientService(ClientRegistrationRepository registrations) {
		return new InMemoryOAuth2AuthorizedClientService(registrations);
	}

	@Bean
	TokenRequestCounter tokenRequestCounter() {
		return new TokenRequestCounter();
	}

	@Bean
	AuthorizedClientServiceOAuth2AuthorizedClientManager authorizedClientManager(
			ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients,
			UploaderProperties properties, TokenRequestCounter counter, Clock clock, Console console) {
		RestClient tokenRestClient = RestClient.builder()
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.build(HttpClientSettings.defaults()
					.withTimeouts(properties.connectTimeout(), properties.requestTimeout())))
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.requestInterceptor((request, body, execution) -> {
				counter.requests.incrementAndGet();
				return execution.execute(request, body);
			})
			.build();
		RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
		tokenClient.setRestClient(tokenRestClient);
		String audience = properties.auth().audience();
		if (audience != null && !audience.isBlank()) {
			tokenClient.setParametersCustomizer((parameters) -> parameters.set("audience", audience));
		}
		// the up-front token and every later one (expiry, a 401) alike
		RetryingTokenClient retrying = new RetryingTokenClient(tokenClient, new Backoff(properties.backoff()),
				properties.auth().retryDeadline(), clock, (retry, why, delay) -> console
					.info("token: " + why + "; retry " + retry + " in " + Console.seconds(delay)));
		ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(retrying);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, clients);
		manager.setAuthorizedClientProvider(provider);
		return manager;
	}

	@Bean
	OAuth2ClientHttpRequestInterceptor oauth2Interceptor(AuthorizedClientServiceOAuth2AuthorizedClientManager manager,
			OAuth2AuthorizedClientService clients) {
		OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		interceptor.setClientRegistrationIdResolver((request) -> REGISTRATION_ID);
		interceptor.setPrincipalResolver((request) -> JOB);
		// a 401 (invalid_token) or 403 removes the cached token, so the next call fetches
		// a new one
		interceptor
			.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
		return interceptor;
	}

	@Bean
	TokenSource tokenSource(AuthorizedClientServiceOAuth2AuthorizedClientManager manager, TokenRequestCounter counter) {
		return new TokenSource(manager, REGISTRATION_ID, JOB, counter.requests::get);
	}

	/** How many requests went to the token endpoint in this run. */
	static final class TokenRequestCounter {

		final AtomicInteger requests = new AtomicInteger();

	}

}
