package com.exampleco.timesheets.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on a free loopback port that answers what a test tells it to, by method
 * and path, with the APIs' documented answers (status, content type, body, headers), and
 * records every request it gets (method, path, query, headers, body) so a test can check
 * what the web app sent. A request nothing was planned for is answered 500 and recorded.
 */
final class RecordingApi implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, ConcurrentLinkedDeque<Answer>> answers = new ConcurrentHashMap<>();

	private final List<Request> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

	RecordingApi() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * @return the base URL, e.g. {@code http://127.0.0.1:41234}
	 */
	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Plans an answer to the next request with this method and path (answers of the same
	 * key are used in order; the last one is kept for any further request).
	 * @param method the HTTP method
	 * @param path the path, without query
	 * @param status the status
	 * @param contentType the content type, null for none
	 * @param body the body, null for none
	 * @param headers header name and value pairs
	 */
	void answer(String method, String path, int status, String contentType, String body, String... headers) {
		this.answers.computeIfAbsent(method + " " + path, (key) -> new ConcurrentLinkedDeque<>())
			.add(new Answer(status, contentType, body, headers));
	}

	/** Plans a JSON answer. */
	void json(String method, String path, int status, String body) {
		answer(method, path, status, "application/json", body);
	}

	/** Plans a problem+json answer. */
	void problem(String method, String path, int status, String body, String... headers) {
		answer(method, path, status, "application/problem+json", body, headers);
	}

	/**
	 * @return the requests received so far, in order
	 */
	List<Request> requests() {
		return new ArrayList<>(this.requests);
	}

	/**
	 * @param method the method
	 * @param path the path
	 * @return the requests with this method and path, in order
	 */
	List<Request> requests(String method, String path) {
		return requests().stream().filter((r) -> r.method().equals(method) && r.path().equals(path)).toList();
	}

	/** Forgets planned answers and recorded requests. */
	void reset() {
		this.answers.clear();
		this.requests.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			this.requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
					exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8)));
			ConcurrentLinkedDeque<Answer> planned = this.answers.get(exchange.getRequestMethod() + " " + path);
			Answer answer = (planned == null || planned.isEmpty()) ? new Answer(500, null, null, new String[0])
					: (planned.size() > 1) ? planned.poll() : planned.peek();
			Headers headers = exchange.getResponseHeaders();
			if (answer.contentType() != null) {
				headers.set("Content-Type", answer.contentType());
			}
			for (int i = 0; i + 1 < answer.headers().length; i += 2) {
				headers.add(answer.headers()[i], answer.headers()[i + 1]);
			}
			byte[] bytes = (answer.body() != null) ? answer.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
			exchange.sendResponseHeaders(answer.status(), (bytes.length > 0) ? bytes.length : -1);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
		}
	}

	private record Answer(int status, String contentType, String body, String[] headers) {
	}

	/**
	 * A recorded request.
	 *
	 * @param method the method
	 * @param path the path
	 * @param query the raw query, null when none
	 * @param headers the headers
	 * @param body the body as UTF-8 text
	 */
	record Request(String method, String path, String query, Headers headers, String body) {

		String header(String name) {
			return this.headers.getFirst(name);
		}

		/**
		 * @return the query parameters, decoded (one value each)
		 */
		Map<String, String> params() {
			Map<String, String> params = new java.util.LinkedHashMap<>();
			if (this.query != null) {
				for (String pair : this.query.split("&")) {
					int eq = pair.indexOf('=');
					params.put(decode((eq < 0) ? pair : pair.substring(0, eq)),
							(eq < 0) ? "" : decode(pair.substring(eq + 1)));
				}
			}
			return params;
		}

		private static String decode(String text) {
			return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
		}

	}

}
