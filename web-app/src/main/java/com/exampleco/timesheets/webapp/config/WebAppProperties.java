package com.exampleco.timesheets.webapp.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the web app ({@code timesheets.web.*}); the sign-in itself is configured
 * with Spring Boot's {@code spring.security.oauth2.client.*} properties.
 *
 * @param ingestUri base URL of the ingest API
 * @param queryUri base URL of the query API
 * @param employeeClaim ID-token claim naming the person's employee id
 * @param teamClaim ID-token claim listing the employee ids a manager approves for
 * @param pageSize timesheets per page of "My timesheets" (the query API's {@code limit})
 * @param pollInterval how often a "being processed" page refreshes itself
 * @param maxPolls refreshes before such a page stops and says the outcome is not known
 * yet
 * @param apiTimeout connect and read timeout of calls to the APIs
 */
@ConfigurationProperties("timesheets.web")
@Validated
public record WebAppProperties(@NotNull @DefaultValue("http://localhost:8081") URI ingestUri,
		@NotNull @DefaultValue("http://localhost:8082") URI queryUri,
		@NotBlank @DefaultValue("https://timesheets.exampleco.com/employee_id") String employeeClaim,
		@NotBlank @DefaultValue("https://timesheets.exampleco.com/team") String teamClaim,
		@Min(1) @Max(500) @DefaultValue("20") int pageSize, @NotNull @DefaultValue("2s") Duration pollInterval,
		@Min(1) @DefaultValue("30") int maxPolls, @NotNull @DefaultValue("10s") Duration apiTimeout) {

}
