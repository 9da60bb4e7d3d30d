package com.exampleco.timesheets.systemtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security against the running services, with real tokens from the auth server and
 * hostile ones signed with the key the APIs trust.
 */
@Order(6)
@ExtendWith(SystemTestPipeline.class)
class SecuritySystemTests {

	static final String PREFIX = "sec-";

	private static final Pipeline pipeline = SystemTestPipeline.get();

	/** Timesheets the tests below look at, and the batches that created them. */
	private static UUID ownTimesheet;

	private static UUID otherTimesheet;

	private static String ownBatch;

	private static String mixedBatch;

	@BeforeAll
	static void timesheetsOfTwoEmployees() {
		String uploader = pipeline.accessToken(Pipeline.UPLOADER);
		String own = "[" + entry(PREFIX + "own-1", "E1001") + "," + entry(PREFIX + "own-2", "E1001") + "]";
		String mixed = "[" + entry(PREFIX + "mixed-1", "E1001") + "," + entry(PREFIX + "other-1", "E2001") + "]";
		Http.Answer first = Http.post(pipeline.ingestUrl() + "/timesheet-batches", uploader, "application/json", own);
		Http.Answer second = Http.post(pipeline.ingestUrl() + "/timesheet-batches", uploader, "application/json",
				mixed);
		assertThat(first.status()).as(first.toString()).isEqualTo(202);
		assertThat(second.status()).as(second.toString()).isEqualTo(202);
		Figures.acknowledged
			.addAll(List.of(PREFIX + "own-1", PREFIX + "own-2", PREFIX + "mixed-1", PREFIX + "other-1"));
		ownBatch = first.json().get("batchId").asString();
		mixedBatch = second.json().get("batchId").asString();
		ownTimesheet = Entries.timesheetId(PREFIX + "own-1");
		otherTimesheet = Entries.timesheetId(PREFIX + "other-1");
		Ledger ledger = new Ledger(pipeline);
		await().atMost(Duration.ofMinutes(1)).until(() -> ledger.timesheets(PREFIX) == 4);
	}

	private static String entry(String externalId, String employee) {
		return "{\"externalId\":\"" + externalId + "\",\"employeeId\":\"" + employee
				+ "\",\"projectCode\":\"SEC\",\"workDate\":\"2026-03-02\",\"hours\":1.5}";
	}

	@Test
	@Order(1)
	void everyBadTokenIsAnswered401OnEveryApi() throws Exception {
		TrustedKeyTokens tokens = new TrustedKeyTokens(pipeline);
		// the control: a token made the same way without a
		// defect is accepted by both APIs
		assertThat(queryProbe(tokens.valid()).status()).isEqualTo(200);
		assertThat(ingestProbe(tokens.valid()).status()).isEqualTo(422);

		Instant now = Instant.now();
		Map<String, String> invalid = new LinkedHashMap<>();
		invalid.put("garbage", "not-a-jwt");
		invalid.put("three dots of garbage", "a.b.c");
		invalid.put("expired beyond the skew",
				tokens.with((c) -> c.issueTime(Date.from(now.minusSeconds(900)))
					.notBeforeTime(Date.from(now.minusSeconds(900)))
					.expirationTime(Date.from(now.minusSeconds(120)))));
		invalid.put("nbf in the future", tokens.with((c) -> c.notBeforeTime(Date.from(now.plusSeconds(300)))));
		invalid.put("no exp", tokens.with((c) -> c.expirationTime(null)));
		invalid.put("wrong iss", tokens.with((c) -> c.issuer("https://evil.example.com/")));
		invalid.put("iss with a trailing slash", tokens.with((c) -> c.issuer(pipeline.issuer() + "/")));
		invalid.put("no iss", tokens.with((c) -> c.issuer(null)));
		invalid.put("wrong aud", tokens.with((c) -> c.audience("https://other.example.com")));
		invalid.put("no aud", tokens.with((c) -> c.audience((String) null)));
		invalid.put("no sub", tokens.with((c) -> c.subject(null)));
		invalid.put("alg none", tokens.algNone());
		invalid.put("HS256 keyed with the public key", tokens.hs256WithPublicKey());
		invalid.put("unknown kid", tokens.unknownKid());
		invalid.put("foreign key under the trusted kid", tokens.foreignKeyWithTrustedKid());
		invalid.put("tampered payload of a real token",
				TrustedKeyTokens.tampered(pipeline.accessToken(Pipeline.CONTRACTOR)));
		invalid.put("signature stripped from a real token",
				pipeline.accessToken(Pipeline.ADMIN).replaceFirst("\\.[^.]+$", "."));

		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, String> token : invalid.entrySet()) {
			for (Map.Entry<String, Function<String, Http.Answer>> api : apis().entrySet()) {
				Http.Answer answer = api.getValue().apply(token.getValue());
				check(wrong, api.getKey() + " / " + token.getKey(), answer, token.getValue(),
						"Bearer error=\"invalid_token\"");
			}
		}
		String valid = pipeline.accessToken(Pipeline.ADMIN);
		for (String base : List.of(pipeline.ingestUrl(), pipeline.queryUrl())) {
			// no token at all: RFC 6750 §3.1, a bare challenge
			Http.Answer none = Http.get(base + "/timesheets", null);
			Figures.badTokensTried.incrementAndGet();
			if (none.status() == 401 && "Bearer".equals(none.wwwAuthenticate()) && none.isProblem()) {
				Figures.badTokensAnswered.incrementAndGet();
			}
			else {
				wrong.add(base + " / no token -> " + none);
			}
			// RFC 6750 §3.1: invalid_request is a 400
			check(wrong, base + " / token in the query string",
					Http.get(base + "/timesheets?access_token=" + valid, null), valid, 400,
					"Bearer error=\"invalid_request\"");
			check(wrong, base + " / token in the query string and the header",
					Http.get(base + "/timesheets?access_token=" + valid, valid), valid, 400,
					"Bearer error=\"invalid_request\"");
			check(wrong, base + " / Basic client credentials instead of a bearer token",
					Http.send(Http.request(base + "/timesheets", null)
						.header("Authorization", "Basic dGltZXNoZWV0cy1hZG1pbjphZG1pbi1zZWNyZXQ=")
						.GET()),
					valid, "Bearer");
		}
		assertThat(wrong).as("bad tokens not answered 401 with the right challenge").isEmpty();
	}

	private static Map<String, Function<String, Http.Answer>> apis() {
		Map<String, Function<String, Http.Answer>> apis = new LinkedHashMap<>();
		apis.put("ingest POST /timesheet-batches", SecuritySystemTests::ingestProbe);
		apis.put("ingest POST approval",
				(token) -> Http.post(pipeline.ingestUrl() + "/timesheets/" + ownTimesheet + "/approval", token,
						"application/json", "{\"decision\":\"MAYBE\"}"));
		apis.put("query GET /timesheets", SecuritySystemTests::queryProbe);
		apis.put("query GET /batches/{id}", (token) -> Http.get(pipeline.queryUrl() + "/batches/" + ownBatch, token));
		return apis;
	}

	/** An upload that passes authorization but is invalid (422): nothing is published. */
	private static Http.Answer ingestProbe(String token) {
		return Http.post(pipeline.ingestUrl() + "/timesheet-batches", token, "application/json",
				"[{\"externalId\":\"sec-probe\",\"hours\":99}]");
	}

	private static Http.Answer queryProbe(String token) {
		return Http.get(pipeline.queryUrl() + "/timesheets?limit=1", token);
	}

	private static void check(List<String> wrong, String name, Http.Answer answer, String token, String challenge) {
		check(wrong, name, answer, token, 401, challenge);
	}

	private static void check(List<String> wrong, String name, Http.Answer answer, String token, int status,
			String challenge) {
		Figures.badTokensTried.incrementAndGet();
		boolean ok = answer.status() == status && answer.wwwAuthenticate() != null
				&& answer.wwwAuthenticate().startsWith(challenge) && answer.isProblem()
				&& !answer.body().contains(token);
		if (ok) {
			Figures.badTokensAnswered.incrementAndGet();
		}
		else {
			wrong.add(name + " -> " + answer);
		}
	}

	@Test
	@Order(2)
	void everyScopeIsDeniedWhereItDoesNotBelong() {
		long offsets = Topic.endOffsets(pipeline.kafkaOperator(), Topic.EVENTS);
		String unknown = UUID.randomUUID().toString();
		// route -> (scopes that open it, its answer when open; none of them publishes)
		record Route(String name, List<String> scopes, int open, Function<String, Http.Answer> call) {
		}
		List<Route> routes = List.of(
				new Route("POST /timesheets", List.of("create:timesheets"), 422,
						(t) -> Http.post(pipeline.ingestUrl() + "/timesheets", t, "application/json", "{}")),
				new Route("POST /timesheet-batches", List.of("create:timesheets"), 422,
						SecuritySystemTests::ingestProbe),
				new Route("POST /timesheets/{id}/approval", List.of("approve:timesheets"), 422,
						(t) -> Http.post(pipeline.ingestUrl() + "/timesheets/" + unknown + "/approval", t,
								"application/json", "{\"decision\":\"MAYBE\"}")),
				new Route("DELETE /timesheets/{id}", List.of("delete:timesheets"), 400,
						(t) -> Http.delete(pipeline.ingestUrl() + "/timesheets/not-a-uuid", t)),
				new Route("GET /timesheets", List.of("read:timesheets"), 200, SecuritySystemTests::queryProbe),
				new Route("GET /timesheets/{id}", List.of("read:timesheets"), 404,
						(t) -> Http.get(pipeline.queryUrl() + "/timesheets/" + unknown, t)),
				new Route("GET /employees/{id}/summary", List.of("read:timesheets"), 200,
						(t) -> Http.get(pipeline.queryUrl() + "/employees/E1001/summary", t)),
				new Route("GET /batches/{id}", List.of("read:timesheets", "create:timesheets"), 404,
						(t) -> Http.get(pipeline.queryUrl() + "/batches/" + unknown, t)));
		Map<String, List<String>> tokens = new LinkedHashMap<>();
		for (String scope : List.of("create:timesheets", "read:timesheets", "approve:timesheets",
				"delete:timesheets")) {
			tokens.put("admin with only " + scope, List.of(scope));
		}
		tokens.put("timesheets-uploader", List.of("create:timesheets"));
		tokens.put("contractor-app", List.of("read:timesheets"));
		tokens.put("timesheets-approver", List.of("approve:timesheets", "read:timesheets"));
		tokens.put("employee-e1001", List.of("read:timesheets"));
		Map<String, String> issued = new LinkedHashMap<>();
		tokens.keySet().forEach((name) -> issued.put(name, switch (name) {
			case "timesheets-uploader" -> pipeline.accessToken(Pipeline.UPLOADER);
			case "contractor-app" -> pipeline.accessToken(Pipeline.CONTRACTOR);
			case "timesheets-approver" -> pipeline.accessToken(Pipeline.APPROVER);
			case "employee-e1001" -> pipeline.accessToken(Pipeline.EMPLOYEE_E1001);
			default -> pipeline.accessToken(Pipeline.ADMIN, tokens.get(name).get(0));
		}));
		List<String> wrong = new ArrayList<>();
		for (Route route : routes) {
			for (Map.Entry<String, List<String>> token : tokens.entrySet()) {
				boolean allowed = token.getValue().stream().anyMatch(route.scopes()::contains);
				Http.Answer answer = route.call().apply(issued.get(token.getKey()));
				// the approver's token carries employee E1002: another employee's summary
				// is 404 by the object-level rule, not by a scope
				int open = (route.name().startsWith("GET /employees") && token.getKey().equals("timesheets-approver"))
						? 404 : route.open();
				boolean ok = allowed ? answer.status() == open
						: answer.status() == 403 && answer.wwwAuthenticate() != null
								&& answer.wwwAuthenticate().contains("error=\"insufficient_scope\"")
								&& answer.wwwAuthenticate().contains("scope=\"" + route.scopes().get(0) + "\"");
				Figures.scopeChecksTried.incrementAndGet();
				if (ok) {
					Figures.scopeChecksAnswered.incrementAndGet();
				}
				else {
					wrong.add(route.name() + " with " + token.getKey() + " (expected "
							+ (allowed ? open : "403 insufficient_scope") + ") -> " + answer);
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(Topic.endOffsets(pipeline.kafkaOperator(), Topic.EVENTS)).as("no probe published anything")
			.isEqualTo(offsets);
	}

	@Test
	@Order(3)
	void employeeTokenSeesOnlyTheEmployeesOwnTimesheetsSummaryAndBatches() {
		String employee = pipeline.accessToken(Pipeline.EMPLOYEE_E1001);
		String contractor = pipeline.accessToken(Pipeline.CONTRACTOR);
		String q = pipeline.queryUrl();
		assertThat(Http.get(q + "/timesheets/" + ownTimesheet, employee).status()).isEqualTo(200);
		assertThat(Http.get(q + "/timesheets/" + otherTimesheet, contractor).status()).isEqualTo(200);
		Http.Answer hidden = Http.get(q + "/timesheets/" + otherTimesheet, employee);
		UUID random = UUID.randomUUID();
		Http.Answer unknown = Http.get(q + "/timesheets/" + random, employee);
		assertThat(hidden.status()).isEqualTo(404);
		// the same answer but for the id itself
		assertThat(hidden.body().replace(otherTimesheet.toString(), "{id}")).as("hidden looks exactly like unknown")
			.isEqualTo(unknown.body().replace(random.toString(), "{id}"));
		assertThat(hidden.contentType()).isEqualTo(unknown.contentType());

		Http.Answer filtered = Http.get(q + "/timesheets?employeeId=E2001&limit=500", employee);
		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.json().get("items").size()).isZero();
		Http.Answer all = Http.get(q + "/timesheets?limit=500", employee);
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().get("items").size()).isPositive();
		all.json().get("items").forEach((item) -> assertThat(item.get("employeeId").asString()).isEqualTo("E1001"));

		assertThat(Http.get(q + "/employees/E1001/summary", employee).status()).isEqualTo(200);
		assertThat(Http.get(q + "/employees/E2001/summary", employee).status()).isEqualTo(404);
		assertThat(Http.get(q + "/employees/E2001/summary", contractor).status()).isEqualTo(200);

		// a batch belongs to the client that sent it; machine readers see every batch,
		// an employee-bound token none of another client's
		assertThat(Http.get(q + "/batches/" + ownBatch, employee).status()).isEqualTo(404);
		assertThat(Http.get(q + "/batches/" + mixedBatch, employee).status()).isEqualTo(404);
		assertThat(Http.get(q + "/batches/" + mixedBatch, contractor).status()).isEqualTo(200);
		assertThat(Http.get(q + "/batches/" + ownBatch, pipeline.accessToken(Pipeline.UPLOADER)).status())
			.isEqualTo(200);
		assertThat(Http.get(q + "/batches/" + ownBatch, pipeline.accessToken(Pipeline.ADMIN, "create:timesheets"))
			.status()).as("another client's batch, with create:timesheets only").isEqualTo(404);
	}

	@Test
	@Order(4)
	void nothingButHealthAndTheApiDocumentAnswerWithoutAToken() {
		String id = UUID.randomUUID().toString();
		List<String> wrong = new ArrayList<>();
		for (String base : List.of(pipeline.ingestUrl(), pipeline.queryUrl())) {
			// and the API document (issue 14): how to get a token is readable without one
			for (String health : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
					"/v3/api-docs")) {
				Http.Answer answer = Http.get(base + health, null);
				if (answer.status() != 200) {
					wrong.add(base + health + " -> " + answer);
				}
			}
			for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
				for (String path : List.of("/", "/timesheets", "/timesheets/" + id, "/timesheets/" + id + "/approval",
						"/timesheet-batches", "/batches/" + id, "/employees/E1001/summary", "/actuator",
						"/actuator/prometheus", "/actuator/env", "/actuator/info", "/actuator/heapdump", "/v3/api-docs",
						"/swagger-ui/index.html", "/error", "/no-such-route")) {
					if (method.equals("GET") && path.equals("/v3/api-docs")) {
						continue;
					}
					Http.Answer answer = Http.method(method, base + path, null);
					if (answer.status() != 401 || answer.wwwAuthenticate() == null) {
						wrong.add(method + " " + base + path + " -> " + answer);
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	@Order(5)
	void oversizedHeadersAndBodiesAreAnswered4xxNever500() {
		long offsets = Topic.endOffsets(pipeline.kafkaOperator(), Topic.EVENTS);
		String token = pipeline.accessToken(Pipeline.ADMIN);
		List<String> wrong = new ArrayList<>();
		for (String url : List.of(pipeline.ingestUrl() + "/timesheet-batches", pipeline.queryUrl() + "/timesheets")) {
			expect4xx(wrong, "64 KB header on " + url,
					Http.send(Http.request(url, token).header("X-Padding", "a".repeat(64 * 1024)).GET()));
			expect4xx(wrong, "64 KB bearer token on " + url,
					Http.send(Http.request(url, "e" + "a".repeat(64 * 1024)).GET()));
			expect4xx(wrong, "32 KB query string on " + url,
					Http.send(Http.request(url + "?employeeId=" + "a".repeat(32 * 1024), token).GET()));
		}
		Http.Answer tooMany = Http.post(pipeline.ingestUrl() + "/timesheet-batches", token, "application/json",
				Entries.jsonArray("sec-big-", 0, 5001));
		if (tooMany.status() != 413) {
			wrong.add("5001 entries -> " + tooMany);
		}
		StringBuilder huge = new StringBuilder("[");
		String note = "x".repeat(400);
		for (int i = 0; huge.length() < 11 * 1024 * 1024; i++) {
			huge.append((i > 0) ? "," : "")
				.append("{\"externalId\":\"sec-huge-")
				.append(i)
				.append("\",\"note\":\"")
				.append(note)
				.append("\"}");
		}
		huge.append(']');
		Http.Answer tooLarge;
		try {
			tooLarge = Http.send(Http.request(pipeline.ingestUrl() + "/timesheet-batches", token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(huge.toString())));
		}
		catch (RuntimeException ex) {
			tooLarge = null;
			wrong.add("11 MB body: no answer (" + ex + ")");
		}
		if (tooLarge != null && tooLarge.status() != 413) {
			wrong.add("11 MB body -> " + tooLarge);
		}
		assertThat(wrong).isEmpty();
		assertThat(Topic.endOffsets(pipeline.kafkaOperator(), Topic.EVENTS)).isEqualTo(offsets);
	}

	@Test
	@Order(6)
	void everyHostileIdentityOrScopeClaimIsAnswered401OnEveryApi() throws Exception {
		TrustedKeyTokens tokens = new TrustedKeyTokens(pipeline);
		String claim = "https://timesheets.exampleco.com/employee_id";
		Map<String, String> hostile = new LinkedHashMap<>();
		hostile.put("blank employee claim", tokens.with((c) -> c.claim(claim, "")));
		hostile.put("whitespace employee claim", tokens.with((c) -> c.claim(claim, "   ")));
		hostile.put("employee claim as an array", tokens.with((c) -> c.claim(claim, List.of("E1001"))));
		hostile.put("employee claim as a number", tokens.with((c) -> c.claim(claim, 1001)));
		hostile.put("employee claim as an object", tokens.with((c) -> c.claim(claim, Map.of("id", "E1001"))));
		hostile.put("employee claim of 65 characters", tokens.with((c) -> c.claim(claim, "E".repeat(65))));
		hostile.put("employee claim with SQL", tokens.with((c) -> c.claim(claim, "E1001' OR '1'='1")));
		hostile.put("a user's token without the employee claim", tokens.with((c) -> c.subject("auth0|5f1a2b3c")));
		hostile.put("gty password without the employee claim", tokens.with((c) -> c.claim("gty", "password")));
		hostile.put("blank azp", tokens.with((c) -> c.claim("azp", "")));
		hostile.put("scope as an array", tokens.with((c) -> c.claim("scope", List.of("read:timesheets"))));
		hostile.put("scp element holding two scopes",
				tokens.with((c) -> c.claim("scope", null).claim("scp", List.of("read:timesheets approve:timesheets"))));
		hostile.put("permissions holding a number",
				tokens.with((c) -> c.claim("scope", null).claim("permissions", List.of(1))));
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, String> token : hostile.entrySet()) {
			for (Map.Entry<String, Function<String, Http.Answer>> api : apis().entrySet()) {
				Http.Answer answer = api.getValue().apply(token.getValue());
				Figures.hostileClaimsTried.incrementAndGet();
				if (answer.status() == 401 && answer.wwwAuthenticate() != null
						&& answer.wwwAuthenticate().startsWith("Bearer error=\"invalid_token\"")
						&& answer.isProblem()) {
					Figures.hostileClaimsAnswered.incrementAndGet();
				}
				else {
					wrong.add(api.getKey() + " / " + token.getKey() + " -> " + answer);
				}
			}
		}

		// least privilege: scope alone decides when present; permissions only without it
		String readWithPermissions = tokens.with((c) -> c.claim("scope", "read:timesheets")
			.claim("permissions", List.of("read:timesheets", "approve:timesheets", "delete:timesheets")));
		expect(wrong, "scope read + permissions approve: approval", 403,
				Http.post(pipeline.ingestUrl() + "/timesheets/" + ownTimesheet + "/approval", readWithPermissions,
						"application/json", "{\"decision\":\"APPROVED\"}"));
		expect(wrong, "scope read + permissions delete: deletion", 403,
				Http.delete(pipeline.ingestUrl() + "/timesheets/" + ownTimesheet, readWithPermissions));
		expect(wrong, "scope read + permissions: read", 200, queryProbe(readWithPermissions));
		String permissionsOnly = tokens
			.with((c) -> c.claim("scope", null).claim("permissions", List.of("read:timesheets")));
		expect(wrong, "permissions read without scope: read", 200, queryProbe(permissionsOnly));
		expect(wrong, "permissions read without scope: upload", 403, ingestProbe(permissionsOnly));

		// employee ids compare in one canonical form: a
		// lower-case claim is the same employee
		String lowerCase = tokens.with((c) -> c.claim(claim, "e1001").claim("scope", "read:timesheets"));
		expect(wrong, "claim e1001 reads E1001's timesheet", 200,
				Http.get(pipeline.queryUrl() + "/timesheets/" + ownTimesheet, lowerCase));
		expect(wrong, "claim e1001 reads E2001's timesheet", 404,
				Http.get(pipeline.queryUrl() + "/timesheets/" + otherTimesheet, lowerCase));
		assertThat(wrong).isEmpty();
	}

	@Test
	@Order(7)
	void managementDataIsNotPublicOnAnyService() throws Exception {
		List<String> wrong = new ArrayList<>();
		String everyTimesheetScope = pipeline.accessToken(Pipeline.ADMIN);
		for (String base : List.of(pipeline.ingestUrl(), pipeline.queryUrl())) {
			sideDoor(wrong, "anonymous " + base + "/actuator/prometheus", 401,
					Http.get(base + "/actuator/prometheus", null));
			sideDoor(wrong, base + "/actuator/prometheus without read:metrics", 403,
					Http.get(base + "/actuator/prometheus", everyTimesheetScope));
			Http.Answer health = Http.get(base + "/actuator/health", null);
			Figures.sideDoorsTried.incrementAndGet();
			if (health.status() == 200 && !health.body().contains("components") && !health.body().contains("details")) {
				Figures.sideDoorsClosed.incrementAndGet();
			}
			else {
				wrong.add("anonymous " + base + "/actuator/health shows more than its status -> " + health);
			}
		}
		// the processor checks no tokens: its actuator server listens on loopback only
		int port = pipeline.processor(0).healthUrl().getPort();
		for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!nic.isUp()) {
				continue;
			}
			for (InetAddress address : Collections.list(nic.getInetAddresses())) {
				if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
					continue;
				}
				Figures.sideDoorsTried.incrementAndGet();
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(address, port), 2000);
					wrong.add("processor actuator reachable on " + address.getHostAddress() + ":" + port);
				}
				catch (IOException refused) {
					Figures.sideDoorsClosed.incrementAndGet();
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static void sideDoor(List<String> wrong, String name, int status, Http.Answer answer) {
		Figures.sideDoorsTried.incrementAndGet();
		if (answer.status() == status) {
			Figures.sideDoorsClosed.incrementAndGet();
		}
		else {
			wrong.add(name + " (expected " + status + ") -> " + answer);
		}
	}

	private static void expect(List<String> wrong, String name, int status, Http.Answer answer) {
		Figures.hostileClaimsTried.incrementAndGet();
		if (answer.status() == status) {
			Figures.hostileClaimsAnswered.incrementAndGet();
		}
		else {
			wrong.add(name + " (expected " + status + ") -> " + answer);
		}
	}

	private static void expect4xx(List<String> wrong, String name, Http.Answer answer) {
		if (answer.status() < 400 || answer.status() >= 500) {
			wrong.add(name + " -> " + answer);
		}
	}

}
