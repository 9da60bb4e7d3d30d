package com.exampleco.timesheets.webapp.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;

import com.exampleco.timesheets.webapp.config.WebAppProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Builds the clients of the two APIs: each call carries the signed-in person's access
 * token ({@link OAuth2ClientHttpRequestInterceptor} over the
 * {@link OAuth2AuthorizedClientManager}, which refreshes an expired token), times out
 * after {@code api-timeout}, and turns an error status into an {@link ApiRefusal} with
 * the parsed problem.
 */
@Component
class ApiClients {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final int MAX_PROBLEM_BYTES = 256 * 1024;

	private final RestClient.Builder builder;

	private final OAuth2ClientHttpRequestInterceptor relay;

	private final JdkClientHttpRequestFactory requestFactory;

	ApiClients(RestClient.Builder builder, OAuth2AuthorizedClientManager authorizedClients,
			OAuth2AuthorizedClientRepository authorizedClientRepository, WebAppProperties properties) {
		this.builder = builder;
		this.relay = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
		// the registration the person signed in with: the web app's or the contractor
		// portal's
		this.relay.setClientRegistrationIdResolver((request) -> registrationOf(currentAuthentication()));
		// an API that answers 401 invalid_token or 403 drops the stored token, so the
		// next
		// page signs the person in again instead of replaying a dead token
		this.relay.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClientRepository));
		this.requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.apiTimeout()).build());
		this.requestFactory.setReadTimeout(properties.apiTimeout());
	}

	/**
	 * @param name the API's name in refusals ({@code ingest}, {@code query})
	 * @param baseUri the API's base URL
	 * @return a client that relays the current person's token, never null
	 */
	RestClient create(String name, URI baseUri) {
		return this.builder.clone()
			.baseUrl(baseUri.toString())
			.requestFactory(this.requestFactory)
			.requestInterceptor(this.relay)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw refusal(name, response);
			})
			.build();
	}

	private static Authentication currentAuthentication() {
		return SecurityContextHolder.getContext().getAuthentication();
	}

	private static String registrationOf(Authentication authentication) {
		return (authentication instanceof OAuth2AuthenticationToken token) ? token.getAuthorizedClientRegistrationId()
				: null;
	}

	static ApiRefusal refusal(String api, ClientHttpResponse response) throws IOException {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(response.getHeaders());
		return new ApiRefusal(api, response.getStatusCode().value(), problem(response), headers);
	}

	private static Problem problem(ClientHttpResponse response) throws IOException {
		String type = String.valueOf(response.getHeaders().getContentType());
		if (!type.contains("json")) {
			return new Problem(null, null, null, null, null, null);
		}
		try (InputStream body = response.getBody()) {
			byte[] bytes = body.readNBytes(MAX_PROBLEM_BYTES);
			return JSON.readValue(bytes, Problem.class);
		}
		catch (JacksonException ex) {
			return new Problem(null, null, null, null, null, null);
		}
	}

}
