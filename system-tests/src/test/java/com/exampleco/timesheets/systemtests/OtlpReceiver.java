package com.exampleco.timesheets.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in OpenTelemetry collector for the system tests: an HTTP endpoint on loopback
 * that accepts what the services' OTLP span exporters post to {@code /v1/traces}
 * (protobuf, uncompressed) and keeps every body. The tests look for a trace id's 16 raw
 * bytes in those bodies; a span carries its trace id as such, so counting occurrences
 * bounds the number of spans (and span links) of a trace from above.
 */
final class OtlpReceiver {

	private static OtlpReceiver started;

	private final HttpServer server;

	private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

	private OtlpReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/traces", this::receive);
		this.server.start();
	}

	/** The receiver of this JVM, started on first use. */
	static synchronized OtlpReceiver get() {
		if (started == null) {
			try {
				started = new OtlpReceiver();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return started;
	}

	/** What a service is started with to export its spans here. */
	String endpointArgument() {
		return "--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
				+ this.server.getAddress().getPort() + "/v1/traces";
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			this.bodies.add(in.readAllBytes());
		}
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

	/**
	 * How often the trace id occurs in the export requests of a service.
	 * @param traceId 32 hex digits
	 * @param serviceName the exporting service's {@code service.name} (its resource)
	 * @return the occurrences in bodies that name that service
	 */
	int occurrences(String traceId, String serviceName) {
		byte[] id = HexFormat.of().parseHex(traceId);
		byte[] service = serviceName.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		int count = 0;
		for (byte[] body : this.bodies) {
			if (indexOf(body, service, 0) >= 0) {
				for (int at = indexOf(body, id, 0); at >= 0; at = indexOf(body, id, at + 1)) {
					count++;
				}
			}
		}
		return count;
	}

	/**
	 * Whether a body of that service holds both the trace id and the text (a span name).
	 */
	boolean spanOf(String traceId, String serviceName, String text) {
		byte[] id = HexFormat.of().parseHex(traceId);
		byte[] service = serviceName.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] name = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return this.bodies.stream()
			.anyMatch((body) -> indexOf(body, service, 0) >= 0 && indexOf(body, id, 0) >= 0
					&& indexOf(body, name, 0) >= 0);
	}

	private static int indexOf(byte[] body, byte[] part, int from) {
		outer: for (int i = from; i <= body.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (body[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
