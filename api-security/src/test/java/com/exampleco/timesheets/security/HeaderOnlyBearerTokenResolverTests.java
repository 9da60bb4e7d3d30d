package com.exampleco.timesheets.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HeaderOnlyBearerTokenResolverTests {

	static final String SEVERAL = "The access token was sent more than once; send it once, in the Authorization header";

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

		assertRefused(request, "invalid_request",
				"Access tokens are accepted in the Authorization header only, not in the URL");
	}

	@Test
	void refusesTokenInHeaderAndQuery() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/timesheets");
		request.addHeader("Authorization", "Bearer abc.def.ghi");
		request.setQueryString("access_token=abc.def.ghi");

		assertRefused(request, "invalid_request", SEVERAL);
	}

	@Test
	void refusesTwoBearerHeaders() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/timesheets");
		request.addHeader("Authorization", "Bearer abc.def.ghi");
		request.addHeader("Authorization", "bearer jkl.mno.pqr");

		assertRefused(request, "invalid_request", SEVERAL);
	}

	@Test
	void refusesTwoQueryTokens() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/timesheets");
		request.setQueryString("access_token=a&access_token=b");

		assertRefused(request, "invalid_request", SEVERAL);
	}

	@Test
	void refusesTokenInFormBody() {
		MockHttpServletRequest request = form();

		assertRefused(request, "invalid_request",
				"Access tokens are accepted in the Authorization header only, not in the request body");
	}

	@Test
	void refusesTokenInHeaderAndFormBody() {
		MockHttpServletRequest request = form();
		request.addHeader("Authorization", "Bearer abc.def.ghi");

		assertRefused(request, "invalid_request", SEVERAL);
	}

	@Test
	void refusesTokenInQueryAndFormBody() {
		MockHttpServletRequest request = form();
		request.setQueryString("access_token=abc");
		request.addParameter("access_token", "abc");

		assertRefused(request, "invalid_request", SEVERAL);
	}

	@Test
	void refusesMalformedHeaderWithTheFixedText() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/timesheets");
		request.addHeader("Authorization", "Bearer two words");

		assertRefused(request, "invalid_token", "The access token is malformed");
	}

	@Test
	void readsHeaderValuesAsSpringsResolverDoes() {
		DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
		String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl-_~+/";
		List<String> values = List.of("Bearer " + token, "bearer " + token, "BEARER " + token, "bEaReR abc==",
				"Bearer abc=", "Bearer a", "Bearer", "Bearer ", "Bearer  abc", "Bearer abc ", "Bearer\tabc",
				"Bearerabc", "Bearer abc=d", "Bearer =abc", "Bearer ===", "Bearer two words", "Bearer abc\n",
				"Bearer ab\u00e9c", "Bearer ab%c", "Bearer ab,c", "Basic dXNlcjpwYXNz", "Bear abc", "", " Bearer abc",
				"Bearer abc==\u0000", "Bearer " + "x".repeat(5000));
		for (String value : values) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/timesheets");
			request.addHeader("Authorization", value);
			String expected;
			try {
				expected = spring.resolve(request);
			}
			catch (OAuth2AuthenticationException ex) {
				expected = "refused";
			}
			String actual;
			try {
				actual = this.resolver.resolve(request);
			}
			catch (OAuth2AuthenticationException ex) {
				assertThat(ex.getError().getDescription()).isEqualTo("The access token is malformed");
				actual = "refused";
			}
			assertThat(actual).as(value).isEqualTo(expected);
		}
	}

	@Test
	void ignoresSimilarlyNamedParameters() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/timesheets");
		request.setQueryString("my_access_token=1");

		assertThat(this.resolver.resolve(request)).isNull();
	}

	@Test
	void leavesOtherAuthorizationSchemesAlone() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/timesheets");
		request.addHeader("Authorization", "Basic dXNlcjpwYXNz");

		assertThat(this.resolver.resolve(request)).isNull();
	}

	private static MockHttpServletRequest form() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/timesheets");
		request.setContentType("application/x-www-form-urlencoded; charset=UTF-8");
		request.addParameter("access_token", "abc.def.ghi");
		return request;
	}

	private void assertRefused(MockHttpServletRequest request, String code, String description) {
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.resolver.resolve(request))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo(code);
				assertThat(ex.getError().getDescription()).isEqualTo(description);
			});
	}

}
