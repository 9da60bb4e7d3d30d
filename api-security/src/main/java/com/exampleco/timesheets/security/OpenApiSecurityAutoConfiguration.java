package com.exampleco.timesheets.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * When the app uses springdoc and declares its {@link ApiRoutes} as a bean: documents the
 * OAuth 2.0 flows and each operation's scopes in {@code GET /v3/api-docs} from those
 * routes ({@link ApiRoutesOpenApiCustomizer}), with the token and authorization URLs of
 * {@link OpenApiSecurityProperties}.
 */
@AutoConfiguration(after = ApiSecurityAutoConfiguration.class)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
@ConditionalOnBean({ ApiRoutes.class, ApiSecurityProperties.class })
@EnableConfigurationProperties(OpenApiSecurityProperties.class)
public final class OpenApiSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ApiRoutesOpenApiCustomizer apiRoutesOpenApiCustomizer(ApiRoutes routes, ApiSecurityProperties security,
			OpenApiSecurityProperties openApi) {
		return new ApiRoutesOpenApiCustomizer(routes, openApi.authorizationUrl(security.issuerUri()),
				openApi.tokenUrl(security.issuerUri()));
	}

}
