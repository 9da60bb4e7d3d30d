package com.exampleco.timesheets.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HeaderOnlyBearerTokenResolverTests {

	private final HeaderOnlyBearerTokenResolver resolver = new HeaderOnlyBearerTokenResolver();

	@Test
	void resolvesHeaderToken() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/timesheets");
		request.addHeader("Authorization", "Bearer abc.def.ghi");

		assertThat(this.resolver.resolve(request)).isEqualTo("abc.def.ghi");
	}

	@Test
	void refusesEncodedQueryParameterOnAnyMethod() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/timesheets");
		request.setQueryString("x=1&access%5Ftoken=abc");

		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.resolver.resolve(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void ignoresSimilarlyNamedParameters() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/timesheets");
		request.setQueryString("my_access_token=1");

		assertThat(this.resolver.resolve(request)).isNull();
	}

}
