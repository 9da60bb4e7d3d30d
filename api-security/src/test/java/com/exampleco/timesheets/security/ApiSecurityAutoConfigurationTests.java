package com.exampleco.timesheets.security;

import java.time.Duration;

import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApiSecurityAutoConfigurationTests {

	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiSecurityAutoConfiguration.class));

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@Test
	void bindsDefaults() {
		this.runner.withPropertyValues("timesheets.security.issuer-uri=https://tenant.auth0.com/").run((context) -> {
			ApiSecurityProperties properties = context.getBean(ApiSecurityProperties.class);
			assertThat(properties.audience()).isEqualTo("https://api.timesheets.exampleco.com");
			assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.employeeClaim()).isEqualTo("https://timesheets.exampleco.com/employee_id");
			assertThat(properties.jwkSetUri()).isNull();
			assertThat(properties.permissionsClaim()).isEqualTo(ApiSecurityProperties.PermissionsClaim.WHEN_NO_SCOPE);
			assertThat(context).hasSingleBean(JwtDecoder.class)
				.hasSingleBean(JwtAuthenticationConverter.class)
				.hasSingleBean(CallerResolver.class);
		});
	}

	@Test
	void ignoresPermissionsWhenConfiguredTo() {
		this.runner
			.withPropertyValues("timesheets.security.issuer-uri=" + issuer.issuer(),
					"timesheets.security.permissions-claim=ignore")
			.run((context) -> {
				Jwt jwt = context.getBean(JwtDecoder.class)
					.decode(issuer.token().permissions("read:timesheets").sign());
				assertThat(context.getBean(JwtAuthenticationConverter.class).convert(jwt).getAuthorities())
					.noneMatch((authority) -> authority.getAuthority().startsWith("SCOPE_"));
			});
	}

	@Test
	void switchesSpringSecurityObservationsOff() {
		this.runner.withPropertyValues("timesheets.security.issuer-uri=https://tenant.auth0.com/").run((context) -> {
			SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);
			assertThat(settings.shouldObserveRequests()).isFalse();
			assertThat(settings.shouldObserveAuthentications()).isFalse();
			assertThat(settings.shouldObserveAuthorizations()).isFalse();
		});
	}

	@Test
	void keepsTheAppsOwnObservationSettings() {
		SecurityObservationSettings own = SecurityObservationSettings.withDefaults().build();
		this.runner.withPropertyValues("timesheets.security.issuer-uri=https://tenant.auth0.com/")
			.withBean(SecurityObservationSettings.class, () -> own)
			.run((context) -> assertThat(context.getBean(SecurityObservationSettings.class)).isSameAs(own));
	}

	@Test
	void refusesToStartWithoutIssuer() {
		this.runner.run((
				context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("issuerUri"));
	}

	@Test
	void refusesToStartWithBlankAudience() {
		this.runner
			.withPropertyValues("timesheets.security.issuer-uri=https://tenant.auth0.com/",
					"timesheets.security.audience= ")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void startsWhileTheIssuerIsUnreachable() {
		this.runner.withPropertyValues("timesheets.security.issuer-uri=http://127.0.0.1:9/not-up-yet")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
	}

	@Test
	void discoversKeysFromTheIssuerOnFirstToken() {
		this.runner.withPropertyValues("timesheets.security.issuer-uri=" + issuer.issuer()).run((context) -> {
			Jwt jwt = context.getBean(JwtDecoder.class).decode(issuer.token().subject("test-client").sign());
			assertThat(jwt.getSubject()).isEqualTo("test-client");
		});
	}

	@Test
	void usesConfiguredJwkSetUriWithoutDiscovery() {
		this.runner
			.withPropertyValues("timesheets.security.issuer-uri=https://tenant.auth0.com/",
					"timesheets.security.jwk-set-uri=" + issuer.jwkSetUri())
			.run((context) -> {
				Jwt jwt = context.getBean(JwtDecoder.class)
					.decode(issuer.token().issuer("https://tenant.auth0.com/").sign());
				assertThat(jwt.getIssuer()).hasToString("https://tenant.auth0.com/");
			});
	}

	@Test
	void countsJwksFetchesAndThrottledLookupsAsMeters() {
		this.runner.withPropertyValues("timesheets.security.issuer-uri=" + issuer.issuer())
			.withBean(SimpleMeterRegistry.class)
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.run((context) -> {
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				decoder.decode(issuer.token().sign());
				String unknownKid = issuer.token().unknownKid().sign();
				for (int i = 0; i < 50; i++) {
					assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(unknownKid));
				}
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("timesheets.security.jwks.fetches")
					.tag("outcome", "success")
					.functionCounter()
					.count()).as("the first fetch only: the default minimum interval is 30 s").isEqualTo(1);
				assertThat(meters.get("timesheets.security.jwks.fetches")
					.tag("outcome", "failure")
					.functionCounter()
					.count()).isZero();
				assertThat(meters.get("timesheets.security.jwks.throttled").functionCounter().count()).isEqualTo(50);
			});
	}

	@Test
	void backsOffWhenTheAppDefinesItsOwnDecoder() {
		JwtDecoder own = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri().toString()).build();
		this.runner.withPropertyValues("timesheets.security.issuer-uri=" + issuer.issuer())
			.withBean(JwtDecoder.class, () -> own)
			.run((context) -> assertThat(context.getBean(JwtDecoder.class)).isSameAs(own));
	}

}
