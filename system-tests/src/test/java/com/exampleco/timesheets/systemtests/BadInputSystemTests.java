package com.exampleco.timesheets.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad requests against the running ingest API: each is refused with the
 * documented status as problem+json, and leaves the topic and the database exactly as
 * they were.
 */
@Order(7)
@ExtendWith(SystemTestPipeline.class)
class BadInputSystemTests {

	private static final Set<Integer> INVALID = Set.of(422);

	private static final Set<Integer> MALFORMED = Set.of(400, 422);

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	record Case(String name, String path, String contentType, byte[] body, Map<String, String> headers, String method,
			Set<Integer> expected) {

		static Case batch(String name, String json, Set<Integer> expected) {
			return new Case(name, "/timesheet-batches", "application/json", json.getBytes(StandardCharsets.UTF_8),
					Map.of(), "POST", expected);
		}

		static Case body(String name, String path, String contentType, String body, Set<Integer> expected) {
			return new Case(name, path, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), "POST", expected);
		}

	}

	static String entry(String field, String jsonValue) {
		Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("externalId", "\"bad-1\"", "employeeId",
				"\"E1001\"", "projectCode", "\"ALPHA\"", "workDate", "\"2026-03-02\"", "hours", "7.5"));
		if (jsonValue == null) {
			fields.remove(field);
		}
		else {
			fields.put(field, jsonValue);
		}
		StringBuilder json = new StringBuilder("{");
		fields.forEach(
				(k, v) -> json.append((json.length() > 1) ? "," : "").append('"').append(k).append("\":").append(v));
		return json.append('}').toString();
	}

	static String one(String field, String jsonValue) {
		return "[" + entry(field, jsonValue) + "]";
	}

	static List<Case> corpus() {
		String id = UUID.randomUUID().toString();
		String csvHeader = "external_id,employee_id,project_code,work_date,hours,note\n";
		List<Case> cases = new ArrayList<>();
		cases.add(Case.batch("hours zero", one("hours", "0"), INVALID));
		cases.add(Case.batch("negative hours", one("hours", "-1"), INVALID));
		cases.add(Case.batch("more than 24 hours", one("hours", "24.25"), INVALID));
		cases.add(Case.batch("hours not in quarters", one("hours", "7.3"), INVALID));
		cases.add(Case.batch("hours as text", one("hours", "\"abc\""), MALFORMED));
		cases.add(Case.batch("hours 1e400", one("hours", "1e400"), MALFORMED));
		cases.add(Case.batch("no employeeId", one("employeeId", null), INVALID));
		cases.add(Case.batch("no externalId", one("externalId", null), INVALID));
		cases.add(Case.batch("no workDate", one("workDate", null), INVALID));
		cases.add(Case.batch("no hours", one("hours", null), INVALID));
		cases.add(Case.batch("month 13", one("workDate", "\"2026-13-01\""), MALFORMED));
		cases.add(Case.batch("date in words", one("workDate", "\"yesterday\""), MALFORMED));
		cases.add(Case.batch("before 2000", one("workDate", "\"1999-12-31\""), INVALID));
		cases.add(Case.batch("30 days ahead", one("workDate", "\"" + LocalDate.now().plusDays(30) + "\""), INVALID));
		cases.add(Case.batch("note of 501 characters", one("note", "\"" + "n".repeat(501) + "\""), INVALID));
		cases.add(Case.batch("empty projectCode", one("projectCode", "\"\""), INVALID));
		cases.add(Case.batch("employeeId with spaces and quotes", one("employeeId", "\"E 1'0\\\"01\""), INVALID));
		cases.add(Case.batch("employeeId of 65 characters", one("employeeId", "\"" + "E".repeat(65) + "\""), INVALID));
		cases.add(Case.batch("status set by the caller", one("status", "\"APPROVED\""), INVALID));
		cases.add(Case.batch("timesheetId set by the caller", one("timesheetId", "\"" + id + "\""), INVALID));
		cases.add(Case.batch("duplicate externalId in one batch",
				"[" + entry("note", "\"a\"") + "," + entry("note", "\"b\"") + "]", INVALID));
		cases.add(Case.batch("one valid entry beside an invalid one",
				"[" + entry("externalId", "\"bad-ok\"") + "," + entry("hours", "99") + "]", INVALID));
		cases.add(Case.batch("truncated JSON", "[{\"externalId\":", MALFORMED));
		cases.add(Case.batch("empty body", "", MALFORMED));
		cases.add(Case.batch("null element", "[null]", MALFORMED));
		cases.add(Case.batch("JSON nested 5,000 levels deep", "[".repeat(5000) + "]".repeat(5000), MALFORMED));
		cases.add(Case.body("CSV with a wrong header", "/timesheet-batches", "text/csv",
				"id,who,what,when,hours\nbad-1,E1001,ALPHA,2026-03-02,7.5\n", MALFORMED));
		cases.add(Case.body("CSV without the hours column", "/timesheet-batches", "text/csv",
				"external_id,employee_id,project_code,work_date\nbad-1,E1001,ALPHA,2026-03-02\n", MALFORMED));
		cases.add(Case.body("CSV row with too many columns", "/timesheet-batches", "text/csv",
				csvHeader + "bad-1,E1001,ALPHA,2026-03-02,7.5,note,extra\n", MALFORMED));
		cases.add(Case.body("CSV with an unterminated quote", "/timesheet-batches", "text/csv",
				csvHeader + "bad-1,E1001,ALPHA,2026-03-02,7.5,\"never closed\n", MALFORMED));
		cases.add(new Case("CSV that is not UTF-8", "/timesheet-batches", "text/csv",
				concat(csvHeader.getBytes(StandardCharsets.UTF_8),
						new byte[] { 'b', 'a', 'd', ',', 'E', '1', ',', 'A', ',', '2', '0', '2', '6', '-', '0', '3',
								'-', '0', '2', ',', '1', ',', (byte) 0xC3, (byte) 0x28, '\n' }),
				Map.of(), "POST", MALFORMED));
		cases.add(Case.body("NDJSON with a broken line", "/timesheet-batches", "application/x-ndjson",
				entry("note", "\"a\"") + "\n{\"externalId\":\"bad-2\",\n", MALFORMED));
		cases.add(Case.body("text/plain", "/timesheet-batches", "text/plain", "hello", Set.of(415)));
		cases.add(Case.body("XML", "/timesheet-batches", "application/xml", "<timesheets/>", Set.of(415)));
		cases.add(new Case("Idempotency-Key with a space and a quote", "/timesheet-batches", "application/json",
				one("note", "\"ok\"").getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", "bad \"key\""),
				"POST", Set.of(400)));
		cases.add(new Case("Idempotency-Key of 300 characters", "/timesheet-batches", "application/json",
				one("note", "\"ok\"").getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", "k".repeat(300)),
				"POST", Set.of(400)));
		cases.add(Case.batch("5,001 entries", Entries.jsonArray("bad-many-", 0, 5001), Set.of(413)));
		cases.add(Case.body("single entry of 25 hours", "/timesheets", "application/json", entry("hours", "25"),
				INVALID));
		cases.add(Case.body("single entry given as an array", "/timesheets", "application/json",
				"[" + entry("hours", "25") + "]", MALFORMED));
		cases.add(Case.body("approval decision MAYBE", "/timesheets/" + id + "/approval", "application/json",
				"{\"decision\":\"MAYBE\"}", INVALID));
		cases.add(Case.body("approval with an actor property", "/timesheets/" + id + "/approval", "application/json",
				"{\"decision\":\"APPROVED\",\"actor\":{\"employeeId\":\"E9999\"}}", INVALID));
		cases.add(Case.body("approval of a malformed id", "/timesheets/not-a-uuid/approval", "application/json",
				"{\"decision\":\"APPROVED\"}", Set.of(400)));
		cases.add(
				Case.body("approval comment of 1,001 characters", "/timesheets/" + id + "/approval", "application/json",
						"{\"decision\":\"REJECTED\",\"comment\":\"" + "c".repeat(1001) + "\"}", Set.of(400, 422)));
		cases.add(Case.body("approval with an empty body", "/timesheets/" + id + "/approval", "application/json", "",
				Set.of(400)));
		cases.add(new Case("deletion of a malformed id", "/timesheets/not-a-uuid", null, null, Map.of(), "DELETE",
				Set.of(400)));
		return cases;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = new byte[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	@Test
	void everyBadInputIsRefusedAndLeavesTopicAndDatabaseUnchanged() {
		String token = this.pipeline.accessToken(Pipeline.ADMIN);
		List<Case> corpus = corpus();
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
		List<String> wrong = new ArrayList<>();
		for (Case c : corpus) {
			long offsets = Topic.endOffsets(this.pipeline.kafkaOperator(), Topic.EVENTS);
			long rows = rows();
			var request = Http.request(this.pipeline.ingestUrl() + c.path(), token);
			if (c.contentType() != null) {
				request.header("Content-Type", c.contentType());
			}
			c.headers().forEach(request::header);
			request.method(c.method(),
					(c.body() != null) ? java.net.http.HttpRequest.BodyPublishers.ofByteArray(c.body())
							: java.net.http.HttpRequest.BodyPublishers.noBody());
			Http.Answer answer = Http.send(request);
			Figures.badInputsTried.incrementAndGet();
			boolean unchanged = Topic.endOffsets(this.pipeline.kafkaOperator(), Topic.EVENTS) == offsets
					&& rows() == rows;
			if (c.expected().contains(answer.status()) && answer.isProblem() && unchanged) {
				Figures.badInputsAnswered.incrementAndGet();
			}
			else {
				wrong.add(c.name() + " (expected " + c.expected() + ", unchanged) -> " + answer + ", unchanged="
						+ unchanged);
			}
		}
		assertThat(wrong).isEmpty();
	}

	private long rows() {
		return this.ledger.count("SELECT (SELECT COUNT(*) FROM timesheets) + (SELECT COUNT(*) FROM applied_events)"
				+ " + (SELECT COUNT(*) FROM duplicate_events)");
	}

}
