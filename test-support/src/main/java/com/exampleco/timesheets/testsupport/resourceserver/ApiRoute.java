package com.exampleco.timesheets.testsupport.resourceserver;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One route of an API as the resource-server contract suites call it: a request that the
 * route answers with success when the token carries one of its scopes.
 *
 * @param method the HTTP method
 * @param template the route's path pattern as Spring MVC reports it in metrics, e.g.
 * {@code /timesheets/{timesheetId}}
 * @param path a concrete path of the route that the test's data makes answerable
 * @param scopes the scopes that open the route; the first is the one a 403 names
 * @param answered what a request with an opening scope gets
 * @param content what a request of the route carries besides its path (body, headers)
 */
public record ApiRoute(HttpMethod method, String template, String path, List<String> scopes, ResultMatcher answered,
		UnaryOperator<MockHttpServletRequestBuilder> content) {

	/**
	 * A route without a body, answered with any 2xx.
	 * @param method the method
	 * @param template the path pattern
	 * @param path a concrete path
	 * @param scope the scope a 403 names
	 * @param alternatives other scopes that open the route too
	 * @return the route
	 */
	public static ApiRoute route(HttpMethod method, String template, String path, String scope,
			String... alternatives) {
		List<String> scopes = Stream.concat(Stream.of(scope), Stream.of(alternatives)).toList();
		return new ApiRoute(method, template, path, scopes, status().is2xxSuccessful(), UnaryOperator.identity());
	}

	/**
	 * This route with a JSON body.
	 * @param json the body
	 * @return a new route
	 */
	public ApiRoute withJson(String json) {
		return new ApiRoute(this.method, this.template, this.path, this.scopes, this.answered,
				(request) -> request.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	/**
	 * This route with what its success looks like.
	 * @param matcher e.g. {@code status().isAccepted()}
	 * @return a new route
	 */
	public ApiRoute answeredWith(ResultMatcher matcher) {
		return new ApiRoute(this.method, this.template, this.path, this.scopes, matcher, this.content);
	}

	/**
	 * The scope a 403 of this route names.
	 * @return the first scope
	 */
	public String neededScope() {
		return this.scopes.get(0);
	}

	/**
	 * A request of this route.
	 * @return the request, with the route's content
	 */
	public MockHttpServletRequestBuilder request() {
		return request("");
	}

	/**
	 * A request of this route with more query parameters.
	 * @param parameters added to the path's query string, e.g. {@code access_token=…}
	 * @return the request, with the route's content
	 */
	public MockHttpServletRequestBuilder request(String parameters) {
		String uri = parameters.isEmpty() ? this.path : this.path + (this.path.contains("?") ? "&" : "?") + parameters;
		return this.content.apply(MockMvcRequestBuilders.request(this.method, uri));
	}

	/**
	 * The route's concrete path without its query string.
	 * @return e.g. {@code /timesheets}
	 */
	public String resourcePath() {
		int query = this.path.indexOf('?');
		return (query < 0) ? this.path : this.path.substring(0, query);
	}

	@Override
	public String toString() {
		return this.method + " " + this.template;
	}

}
