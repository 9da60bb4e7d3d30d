package com.exampleco.timesheets.security;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a web API validates the access tokens it receives ({@code timesheets.security.*}).
 *
 * @param audience the API identifier every token's {@code aud} must contain
 * @param issuerUri the issuer; the token's {@code iss} must equal it exactly (mind the
 * trailing slash: Auth0 issuers end with {@code /})
 * @param jwkSetUri where the signing keys are; when absent, discovered from
 * {@code issuerUri + /.well-known/openid-configuration} on the first token, so an app
 * starts even while its issuer is not up yet
 * @param clockSkew tolerance applied to {@code exp} and {@code nbf}
 * @param employeeClaim the claim that names the employee a token acts for, if any
 */
@ConfigurationProperties("timesheets.security")
@Validated
public record ApiSecurityProperties(@NotBlank @DefaultValue(DEFAULT_AUDIENCE) String audience, @NotNull URI issuerUri,
		@Nullable URI jwkSetUri, @NotNull @DefaultValue("30s") Duration clockSkew,
		@NotBlank @DefaultValue(DEFAULT_EMPLOYEE_CLAIM) String employeeClaim) {

	/** The production API identifier. */
	public static final String DEFAULT_AUDIENCE = "https://api.timesheets.exampleco.com";

	/** The namespaced custom claim Auth0 actions add for employee-bound tokens. */
	public static final String DEFAULT_EMPLOYEE_CLAIM = "https://timesheets.exampleco.com/employee_id";

}
