package com.exampleco.timesheets.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without JavaScript, over HTTP: keeps cookies per host, follows
 * redirects one by one (so a test sees where it went), posts forms. Enough to walk
 * through a real sign-in at the auth server and back into the web app.
 */
final class Visitor {

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/** The last page reached by {@link #open} or {@link #submit}. */
	HttpResponse<String> page;

	/** Where the last page was. */
	URI at;

	/**
	 * Opens a URL and follows its redirects.
	 * @param url an absolute URL
	 * @return the page where the redirects ended
	 */
	HttpResponse<String> open(String url) {
		return follow(send(HttpRequest.newBuilder(URI.create(url)).GET()), URI.create(url));
	}

	/**
	 * Posts a form (URL-encoded) and follows the redirects of the answer.
	 * @param url where to post, absolute or relative to the current page
	 * @param fields the form's fields
	 * @return the page where the redirects ended
	 */
	HttpResponse<String> submit(String url, Map<String, String> fields) {
		URI target = (this.at != null) ? this.at.resolve(url) : URI.create(url);
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return follow(send(HttpRequest.newBuilder(target)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))), target);
	}

	/**
	 * @param name a hidden field's name
	 * @return its value on the current page
	 */
	String hidden(String name) {
		Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"")
			.matcher(this.page.body());
		if (!matcher.find()) {
			throw new AssertionError("no field " + name + " on " + this.at);
		}
		return matcher.group(1);
	}

	private HttpResponse<String> follow(HttpResponse<String> response, URI from) {
		URI current = from;
		int hops = 0;
		while (response.statusCode() / 100 == 3) {
			if (++hops > 20) {
				throw new AssertionError("too many redirects from " + from);
			}
			current = current.resolve(response.headers().firstValue("Location").orElseThrow());
			response = send(HttpRequest.newBuilder(current).GET());
		}
		this.page = response;
		this.at = current;
		return response;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
