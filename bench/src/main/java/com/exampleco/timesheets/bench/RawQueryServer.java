package com.exampleco.timesheets.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.exampleco.timesheets.events.EmployeeIds;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw HTTP baseline of the query API, a process of its own: the JDK's
 * {@link HttpServer} on a fixed thread pool doing the same work for {@code GET
 * /timesheets/{id}} and {@code GET /timesheets?employeeId=…&limit=…} — the bearer token
 * checked by the same rule ({@link BearerTokens}), scope {@code read:timesheets}, the
 * row(s) selected with JDBC from a HikariCP pool of the query API's size
 * ({@link RawTimesheetReads}), the same JSON written with Jackson, the {@code ETag} and
 * {@code Cache-Control} of a single read — and nothing else (no framework, no filters, no
 * metrics, no access log). {@code GET /health} answers anonymously.
 *
 * <pre>
 * java -cp bench.jar com.exampleco.timesheets.bench.RawQueryServer --port P --jdbc-url U --user U
 *     --password P --issuer URL --audience A --threads N --pool N
 * </pre>
 */
public final class RawQueryServer {

	static final String SCOPE = "read:timesheets";

	static final String EMPLOYEE_CLAIM = "https://timesheets.exampleco.com/employee_id";

	private final BearerTokens tokens;

	private final RawTimesheetReads reads;

	private final JsonMapper json;

	private RawQueryServer(BearerTokens tokens, RawTimesheetReads reads, JsonMapper json) {
		this.tokens = tokens;
		this.reads = reads;
		this.json = json;
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		HikariConfig pool = new HikariConfig();
		pool.setJdbcUrl(options.get("jdbc-url"));
		pool.setUsername(options.get("user"));
		pool.setPassword(options.get("password"));
		pool.setMaximumPoolSize(Integer.parseInt(options.getOrDefault("pool", "10")));
		pool.setReadOnly(true);
		pool.setConnectionTimeout(3000);
		JsonMapper json = JsonMapper.builder().build();
		RawQueryServer server = new RawQueryServer(new BearerTokens(options.get("issuer"), options.get("audience"),
				EMPLOYEE_CLAIM, json, Clock.systemUTC()), new RawTimesheetReads(new HikariDataSource(pool)), json);
		HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(options.get("port"))),
				128);
		http.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(options.getOrDefault("threads", "10"))));
		http.createContext("/health", (exchange) -> server.send(exchange, 200, "text/plain", "UP".getBytes()));
		http.createContext("/timesheets", server::timesheets);
		http.start();
		System.out.println("raw query server listening on " + http.getAddress());
	}

	private void timesheets(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod())) {
				problem(exchange, 405, "only GET");
				return;
			}
			BearerTokens.Caller caller = caller(exchange);
			if (caller == null) {
				return;
			}
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/timesheets")) {
				page(exchange, caller);
			}
			else if (path.startsWith("/timesheets/") && path.indexOf('/', 12) < 0) {
				one(exchange, caller, path.substring(12));
			}
			else {
				problem(exchange, 404, "no such resource");
			}
		}
		catch (Exception ex) {
			problem(exchange, 500, ex.getClass().getSimpleName());
		}
	}

	/** The token's caller, or null after answering 401/403. */
	private BearerTokens.Caller caller(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
			send(exchange, 401, "text/plain", new byte[0]);
			return null;
		}
		try {
			BearerTokens.Caller caller = this.tokens.verify(authorization.substring(7).trim());
			if (!caller.scopes().contains(SCOPE)) {
				exchange.getResponseHeaders()
					.set("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + SCOPE + "\"");
				send(exchange, 403, "text/plain", new byte[0]);
				return null;
			}
			return caller;
		}
		catch (BearerTokens.Refused ex) {
			exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			send(exchange, 401, "text/plain", new byte[0]);
			return null;
		}
	}

	private void one(HttpExchange exchange, BearerTokens.Caller caller, String idText) throws Exception {
		UUID id;
		try {
			id = UUID.fromString(idText);
		}
		catch (IllegalArgumentException ex) {
			problem(exchange, 400, "not a timesheet id");
			return;
		}
		RawTimesheetReads.Timesheet timesheet = this.reads.find(id);
		if (timesheet == null || timesheet.deleted()
				|| (caller.employeeId() != null && !caller.employeeId().equals(timesheet.employeeId()))) {
			problem(exchange, 404, "No timesheet " + id);
			return;
		}
		exchange.getResponseHeaders().set("ETag", "\"" + timesheet.version() + "\"");
		exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
		send(exchange, 200, "application/json", this.json.writeValueAsBytes(timesheet));
	}

	private void page(HttpExchange exchange, BearerTokens.Caller caller) throws Exception {
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		String employeeId = query.remove("employeeId");
		String limitText = query.remove("limit");
		if (employeeId == null || !query.isEmpty()) {
			problem(exchange, 400, "the baseline lists by employeeId (and limit) only");
			return;
		}
		int limit = (limitText != null) ? Integer.parseInt(limitText) : 50;
		if (limit < 1 || limit > 500 || employeeId.length() > 64) {
			problem(exchange, 400, "limit 1 to 500");
			return;
		}
		if (EmployeeIds.isValid(employeeId)) {
			employeeId = EmployeeIds.canonical(employeeId);
		}
		RawTimesheetReads.Page page = (caller.employeeId() != null && !caller.employeeId().equals(employeeId))
				? new RawTimesheetReads.Page(List.of(), null) : this.reads.employeePage(employeeId, limit);
		send(exchange, 200, "application/json", this.json.writeValueAsBytes(page));
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return query;
	}

	private void problem(HttpExchange exchange, int status, String detail) throws IOException {
		Map<String, Object> problem = Map.of("type", "about:blank", "status", status, "detail", detail);
		send(exchange, status, "application/problem+json", this.json.writeValueAsBytes(problem));
	}

	private void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
