package com.exampleco.timesheets.security;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class CallerResolverTests {

	private final CallerResolver resolver = new CallerResolver("https://timesheets.exampleco.com/employee_id");

	@Test
	void prefersAzpAsClientId() {
		Caller caller = this.resolver.resolve(jwt().claim("azp", "uploader").claim("client_id", "other").build());

		assertThat(caller).isEqualTo(new Caller("uploader", "uploader@clients", java.util.Optional.empty()));
	}

	@Test
	void fallsBackToClientIdThenSubject() {
		assertThat(this.resolver.resolve(jwt().claim("client_id", "cron").build()).clientId()).isEqualTo("cron");
		assertThat(this.resolver.resolve(jwt().build()).clientId()).isEqualTo("uploader@clients");
	}

	@Test
	void readsEmployeeFromTheConfiguredClaim() {
		Caller caller = this.resolver.resolve(
				jwt().claim("https://timesheets.exampleco.com/employee_id", "E-7").claim("employee_id", "E-8").build());

		assertThat(caller.employeeId()).contains("E-7");
		assertThat(caller.isEmployee()).isTrue();
	}

	@Test
	void treatsNumericEmployeeIdAsTextAndBlankAsAbsent() {
		assertThat(this.resolver.resolve(jwt().claim("https://timesheets.exampleco.com/employee_id", 1234).build())
			.employeeId()).contains("1234");
		assertThat(this.resolver.resolve(jwt().claim("https://timesheets.exampleco.com/employee_id", " ").build())
			.employeeId()).isEmpty();
	}

	private static Jwt.Builder jwt() {
		return Jwt.withTokenValue("token").header("alg", "RS256").subject("uploader@clients");
	}

}
