package com.exampleco.timesheets.uploader.config;

import java.net.http.HttpClient;

import com.exampleco.timesheets.uploader.await.BatchStatusClient;
import com.exampleco.timesheets.uploader.upload.IngestClient;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The HTTP clients of the two APIs, both carrying the job's bearer token. Lazy, like the
 * OAuth 2.0 client they need.
 */
@Configuration(proxyBeanMethods = false)
@Lazy
class HttpClientsConfig {

	@Bean
	IngestClient ingestClient(UploaderProperties properties, OAuth2ClientHttpRequestInterceptor oauth2) {
		return new IngestClient(restClient(properties, oauth2, properties.ingestUrl().toString()));
	}

	@Bean
	BatchStatusClient batchStatusClient(UploaderProperties properties, OAuth2ClientHttpRequestInterceptor oauth2) {
		return new BatchStatusClient(restClient(properties, oauth2, properties.queryUrl().toString()));
	}

	private static RestClient restClient(UploaderProperties properties, OAuth2ClientHttpRequestInterceptor oauth2,
			String baseUrl) {
		ClientHttpRequestFactory requestFactory = ClientHttpRequestFactoryBuilder.jdk()
			// plain HTTP/1.1: no h2c upgrade dance with every new connection
			.withHttpClientCustomizer((builder) -> builder.version(HttpClient.Version.HTTP_1_1))
			.build(HttpClientSettings.defaults()
				.withTimeouts(properties.connectTimeout(), properties.requestTimeout()));
		return RestClient.builder().baseUrl(baseUrl).requestFactory(requestFactory).requestInterceptor(oauth2).build();
	}

}
