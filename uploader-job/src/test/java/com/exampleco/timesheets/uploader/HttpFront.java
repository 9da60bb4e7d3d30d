package com.exampleco.timesheets.uploader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server in front of a real one: forwards every request, counts requests by
 * path, and can be told to answer the next requests of a path itself (503 with
 * {@code Retry-After}, 401 with {@code WWW-Authenticate}), as a load balancer in front of
 * a troubled service would.
 */
final class HttpFront implements AutoCloseable {

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
			"upgrade", "http2-settings", "keep-alive");

	private final HttpServer server;

	private final URI target;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();

	private final Map<String, Canned> canned = new ConcurrentHashMap<>();

	private HttpFront(URI target) throws IOException {
		this.target = target;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(8));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	static HttpFront of(String target) throws IOException {
		return new HttpFront(URI.create(target));
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Requests seen for a path (forwarded or answered here). */
	int requests(String path) {
		AtomicInteger count = this.requests.get(path);
		return (count != null) ? count.get() : 0;
	}

	/** Requests of a path this front answered itself. */
	int answeredHere(String path) {
		AtomicInteger count = this.answered.get(path);
		return (count != null) ? count.get() : 0;
	}

	/** Answers the next {@code times} requests of a path with a status and headers. */
	void answerNext(String path, int times, int status, Map<String, String> headers) {
		this.canned.put(path, new Canned(new AtomicInteger(times), status, headers));
	}

	void reset() {
		this.requests.clear();
		this.answered.clear();
		this.canned.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			this.requests.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Canned canned = this.canned.get(path);
			if (canned != null && canned.remaining.getAndDecrement() > 0) {
				this.answered.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
				canned.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
				exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
				byte[] problem = ("{\"status\":" + canned.status + ",\"title\":\"from the front\"}").getBytes();
				exchange.sendResponseHeaders(canned.status, problem.length);
				exchange.getResponseBody().write(problem);
				return;
			}
			forward(exchange, body);
		}
	}

	private void forward(HttpExchange exchange, byte[] body) throws IOException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(this.target
				.resolve(exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
						? "?" + exchange.getRequestURI().getRawQuery() : "")))
			.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!HOP_BY_HOP.contains(name.toLowerCase())) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		HttpResponse<byte[]> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		response.headers().map().forEach((name, values) -> {
			if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
				values.forEach((value) -> exchange.getResponseHeaders().add(name, value));
			}
		});
		byte[] answer = response.body();
		exchange.sendResponseHeaders(response.statusCode(), (answer.length == 0) ? -1 : answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private record Canned(AtomicInteger remaining, int status, Map<String, String> headers) {

	}

}
