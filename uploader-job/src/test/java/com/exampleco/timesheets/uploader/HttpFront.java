package com.exampleco.timesheets.uploader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP server in front of a real one: forwards every request, counts requests by
 * path and records their {@code Idempotency-Key}s, and can be told to answer the next
 * requests of a path itself (503 with {@code Retry-After}, 401 with
 * {@code WWW-Authenticate}, a problem of a given type), as a load balancer in front of a
 * troubled service would, or to hold them until released.
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

	private final Map<String, List<String>> keys = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> forwardedOk = new ConcurrentHashMap<>();

	private final Map<String, Hold> holds = new ConcurrentHashMap<>();

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
		answerAfter(path, 0, times, status, headers, null);
	}

	/**
	 * Forwards the next {@code forward} requests of a path, then answers {@code times}
	 * with a status, headers and a problem {@code type} (null: none).
	 */
	void answerAfter(String path, int forward, int times, int status, Map<String, String> headers,
			@Nullable String problemType) {
		this.canned.put(path,
				new Canned(new AtomicInteger(forward), new AtomicInteger(times), status, headers, problemType));
	}

	/**
	 * Forwards the next {@code forward} requests of a path, then holds the later ones
	 * until {@link #reset()}, which answers them 503 without forwarding them.
	 */
	void holdAfter(String path, int forward) {
		this.holds.put(path, new Hold(new AtomicInteger(forward), new AtomicInteger(), new CountDownLatch(1)));
	}

	/** Requests of a path held now or before. */
	int held(String path) {
		Hold hold = this.holds.get(path);
		return (hold != null) ? hold.held.get() : 0;
	}

	/** The {@code Idempotency-Key}s of a path's requests, in arrival order. */
	List<String> keys(String path) {
		List<String> seen = this.keys.get(path);
		return (seen != null) ? List.copyOf(seen) : List.of();
	}

	/** Requests of a path forwarded and answered 2xx by the service. */
	int forwardedOk(String path) {
		AtomicInteger count = this.forwardedOk.get(path);
		return (count != null) ? count.get() : 0;
	}

	void reset() {
		this.holds.values().forEach((hold) -> hold.release.countDown());
		this.holds.clear();
		this.requests.clear();
		this.answered.clear();
		this.canned.clear();
		this.keys.clear();
		this.forwardedOk.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			this.requests.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			if (key != null) {
				this.keys.computeIfAbsent(path, (p) -> new CopyOnWriteArrayList<>()).add(key);
			}
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Hold hold = this.holds.get(path);
			if (hold != null && hold.forward.getAndDecrement() <= 0) {
				hold.held.incrementAndGet();
				awaitRelease(hold);
				answer(exchange, path, 503, Map.of(), null);
				return;
			}
			Canned canned = this.canned.get(path);
			if (canned != null && canned.forward.getAndDecrement() <= 0 && canned.remaining.getAndDecrement() > 0) {
				answer(exchange, path, canned.status, canned.headers, canned.problemType);
				return;
			}
			if (forward(exchange, body) / 100 == 2) {
				this.forwardedOk.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
			}
		}
	}

	private void answer(HttpExchange exchange, String path, int status, Map<String, String> headers,
			@Nullable String problemType) throws IOException {
		this.answered.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
		headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
		String type = (problemType != null) ? "\"type\":\"" + problemType + "\"," : "";
		byte[] problem = ("{" + type + "\"status\":" + status + ",\"title\":\"from the front\"}").getBytes();
		exchange.sendResponseHeaders(status, problem.length);
		exchange.getResponseBody().write(problem);
	}

	private static void awaitRelease(Hold hold) throws IOException {
		try {
			hold.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/** Forwards a request and its answer; returns the service's status. */
	private int forward(HttpExchange exchange, byte[] body) throws IOException {
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
		return response.statusCode();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private record Canned(AtomicInteger forward, AtomicInteger remaining, int status, Map<String, String> headers,
			@Nullable String problemType) {

	}

	private record Hold(AtomicInteger forward, AtomicInteger held, CountDownLatch release) {

	}

}
