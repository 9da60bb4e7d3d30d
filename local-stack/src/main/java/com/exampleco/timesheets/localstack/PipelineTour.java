package com.exampleco.timesheets.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.exampleco.timesheets.events.TimesheetIds;
import com.exampleco.timesheets.launcher.token.ClientCredentials;
import com.exampleco.timesheets.launcher.token.TokenClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After the sample upload, walks the rest of the pipeline the way its users would, over
 * HTTP with tokens from the auth server: an approval, a rejection, an attempt at
 * self-approval (which the processor refuses), a deletion; waits until the processor
 * recorded each; then reads back through the query API. Every request carries an
 * {@code Idempotency-Key}, so a restart repeats nothing.
 */
final class PipelineTour {

	private static final Duration DEADLINE = Duration.ofMinutes(2);

	private final StackSettings settings;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final TokenClient tokens;

	PipelineTour(StackSettings settings) {
		this.settings = settings;
		this.tokens = new TokenClient(this.http, URI.create(settings.issuer() + "/oauth2/token"));
	}

	/**
	 * Runs the tour.
	 * @return the lines to print
	 */
	List<String> run() throws IOException, InterruptedException {
		String approver = this.tokens.accessToken(ClientCredentials.APPROVER);
		String admin = this.tokens.accessToken(ClientCredentials.ADMIN);
		String reader = this.tokens.accessToken(ClientCredentials.CONTRACTOR);
		List<String> lines = new ArrayList<>();
		lines.add("Approvals and deletions (as the processor recorded them):");
		lines.add(command(approver, reader, "approve OCT-0002 (E1001) as approver E1002", "OCT-0002",
				"{\"decision\":\"APPROVED\",\"comment\":\"Checked against the project plan\"}"));
		lines.add(command(approver, reader, "reject  OCT-0015 (E1001) as approver E1002", "OCT-0015",
				"{\"decision\":\"REJECTED\",\"comment\":\"Book on-call hours to OPS-ONCALL\"}"));
		lines.add(command(approver, reader, "approve OCT-0003 (E1002) as approver E1002", "OCT-0003",
				"{\"decision\":\"APPROVED\"}"));
		lines.add(command(admin, reader, "delete  OCT-0007 (E1005) as admin          ", "OCT-0007", null));
		lines.add("");
		JsonNode page = get(reader, "/timesheets?employeeId=E1001&from=2026-10-01&to=2026-10-02&limit=5");
		lines.add("GET /timesheets?employeeId=E1001&from=2026-10-01&to=2026-10-02 (contractor-app):");
		for (JsonNode item : page.path("items")) {
			lines.add(String.format("  %s  %s  %-6s %5s h  %-9s %s", item.path("externalId").asString(),
					item.path("workDate").asString(), item.path("projectCode").asString(),
					item.path("hours").asString(), item.path("status").asString(), item.path("note").asString("")));
		}
		JsonNode summary = get(reader, "/employees/E1001/summary?from=2026-10-01&to=2026-10-31");
		lines.add("GET /employees/E1001/summary?from=2026-10-01&to=2026-10-31: " + summary.path("totalHours").asString()
				+ " h in " + summary.path("timesheets").asString() + " timesheets, by project "
				+ compact(summary.path("byProject"), "projectCode") + ", by status "
				+ compact(summary.path("byStatus"), "status"));
		return lines;
	}

	private String command(String token, String reader, String label, String externalId, String approvalBody)
			throws IOException, InterruptedException {
		UUID timesheetId = TimesheetIds.timesheetId(ClientCredentials.UPLOADER.id(), externalId);
		HttpRequest.Builder request;
		if (approvalBody != null) {
			request = HttpRequest.newBuilder(ingest("/timesheets/" + timesheetId + "/approval"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(approvalBody));
		}
		else {
			request = HttpRequest.newBuilder(ingest("/timesheets/" + timesheetId)).DELETE();
		}
		HttpResponse<String> response = this.http.send(request.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "local-stack-tour-" + label.strip().split(" ")[0] + "-" + externalId)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 202) {
			throw new IOException(label.strip() + ": ingest answered " + response.statusCode() + " " + response.body());
		}
		String batchId = this.json.readTree(response.body()).path("batchId").asString();
		JsonNode status = awaitBatch(reader, batchId);
		JsonNode outcomes = status.path("outcomes");
		String outcome = (outcomes.path("REJECTED").asLong() > 0)
				? "REJECTED: " + status.path("rejectedEvents").path(0).path("reason").asString()
				: (outcomes.path("APPLIED").asLong() > 0) ? "APPLIED"
						: "ALREADY RECORDED (duplicate of an earlier run)";
		return "  " + label + " -> " + outcome;
	}

	private JsonNode awaitBatch(String token, String batchId) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (true) {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(query("/batches/" + batchId + "?expectedEvents=1"))
					.header("Authorization", "Bearer " + token)
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				JsonNode status = this.json.readTree(response.body());
				if (status.path("complete").asBoolean(false)) {
					return status;
				}
			}
			else if (response.statusCode() != 404) {
				throw new IOException("query API answered " + response.statusCode() + " for batch " + batchId);
			}
			if (System.nanoTime() > deadline) {
				throw new IOException("the processor did not record batch " + batchId + " within " + DEADLINE);
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
	}

	private JsonNode get(String token, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(query(path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET " + path + " answered " + response.statusCode() + " " + response.body());
		}
		return this.json.readTree(response.body());
	}

	private static String compact(JsonNode groups, String key) {
		List<String> parts = new ArrayList<>();
		for (JsonNode group : groups) {
			parts.add(group.path(key).asString() + " " + group.path("hours").asString());
		}
		return String.join(", ", parts);
	}

	private URI ingest(String path) {
		return URI.create("http://localhost:" + this.settings.ingestPort() + path);
	}

	private URI query(String path) {
		return URI.create("http://localhost:" + this.settings.queryPort() + path);
	}

}
