package com.exampleco.timesheets.uploader;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves {@code GET /batches/{batchId}?expectedEvents=N} in the query API's documented
 * shape, standing in for query API + processor + database: the first poll of each batch
 * is 404 (nothing recorded yet), later polls report every event with the configured
 * outcome. Refuses requests without a bearer token.
 */
final class FakeQueryApi implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

	private volatile String outcome = "APPLIED";

	private volatile String reason;

	FakeQueryApi() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/batches/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Later polls report every event with this outcome (and reason when REJECTED). */
	void reportEvery(String outcome, String reason) {
		this.outcome = outcome;
		this.reason = reason;
	}

	int polls() {
		return this.polls.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (authorization == null || !authorization.startsWith("Bearer ")) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			String batchId = exchange.getRequestURI().getPath().substring("/batches/".length());
			int expected = Integer.parseInt(exchange.getRequestURI().getQuery().replace("expectedEvents=", ""));
			if (this.polls.computeIfAbsent(batchId, (id) -> new AtomicInteger()).incrementAndGet() == 1) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			Map<String, Integer> outcomes = new java.util.LinkedHashMap<>(
					Map.of("APPLIED", 0, "UNCHANGED", 0, "REJECTED", 0, "DUPLICATE", 0));
			outcomes.put(this.outcome, expected);
			String rejections = "REJECTED".equals(this.outcome)
					? "[{\"reason\":\"" + this.reason + "\",\"count\":" + expected + "}]" : "[]";
			String body = "{\"batchId\":\"" + batchId + "\",\"eventsSeen\":" + expected + ",\"outcomes\":{"
					+ "\"APPLIED\":" + outcomes.get("APPLIED") + ",\"UNCHANGED\":" + outcomes.get("UNCHANGED")
					+ ",\"REJECTED\":" + outcomes.get("REJECTED") + ",\"DUPLICATE\":" + outcomes.get("DUPLICATE")
					+ "},\"rejections\":" + rejections + ",\"rejectedEvents\":[],\"rejectedEventsTruncated\":false,"
					+ "\"expectedEvents\":" + expected + ",\"complete\":true}";
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
