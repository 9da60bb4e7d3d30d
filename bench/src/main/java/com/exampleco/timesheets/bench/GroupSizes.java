package com.exampleco.timesheets.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest API's group commit as it reports it: how many requests shared one Kafka
 * transaction, a Micrometer DistributionSummary read before and after a phase (count and
 * total, so the mean over the phase; the max is Micrometer's recent maximum). Read from
 * {@code /actuator/metrics/timesheets.ingest.publish.group.size} when that endpoint is
 * exposed, else from {@code /actuator/prometheus} under that name or under the older
 * {@code timesheets.ingest.publish.requests}; both need a token with
 * {@code read:metrics}, from a client the bench registers at the auth server
 * ({@link #AUTH_SERVER_ARGUMENTS}).
 */
final class GroupSizes {

	static final String METRIC = "timesheets.ingest.publish.group.size";

	static final String OLDER_METRIC = "timesheets.ingest.publish.requests";

	private static final String CLIENT_ID = "bench-monitor";

	private static final String SECRET = "monitor-secret";

	/** The auth server's arguments that register the bench's monitoring client. */
	static final List<String> AUTH_SERVER_ARGUMENTS = List.of(
			"--timesheets.auth.clients.benchmonitor.client-id=" + CLIENT_ID,
			"--timesheets.auth.clients.benchmonitor.secret={noop}" + SECRET,
			"--timesheets.auth.clients.benchmonitor.scopes=read:metrics");

	private final HttpClient http = Http.client();

	private final String ingestUrl;

	private final String token;

	private GroupSizes(String ingestUrl, String token) {
		this.ingestUrl = ingestUrl;
		this.token = token;
	}

	/** A reader for this run (without a token when the auth server refuses one). */
	static GroupSizes of(BenchRun run) {
		String token;
		try {
			token = Http.token(Http.client(), run.stack().authUrl(), CLIENT_ID, SECRET, "read:metrics");
		}
		catch (RuntimeException ex) {
			token = null;
		}
		return new GroupSizes(run.stack().ingestUrl(), token);
	}

	/**
	 * One reading of the summary.
	 *
	 * @param metric the name it was found under
	 * @param count transactions so far
	 * @param total requests in them so far
	 * @param max the recent maximum
	 */
	record Reading(String metric, double count, double total, double max) {
	}

	/** The summary now, empty when the ingest API does not expose it to the bench. */
	Optional<Reading> read() {
		if (this.token == null) {
			return Optional.empty();
		}
		try {
			HttpResponse<String> metrics = get("/actuator/metrics/" + METRIC);
			if (metrics.statusCode() == 200) {
				return Optional.of(fromActuator(metrics.body()));
			}
			HttpResponse<String> prometheus = get("/actuator/prometheus");
			if (prometheus.statusCode() == 200) {
				Optional<Reading> reading = fromPrometheus(prometheus.body(), METRIC);
				return reading.isPresent() ? reading : fromPrometheus(prometheus.body(), OLDER_METRIC);
			}
			return Optional.empty();
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/**
	 * What happened between two readings, for a figure's details.
	 * @param batchSize entries per request
	 */
	static Map<String, Object> between(Optional<Reading> before, Optional<Reading> after, int batchSize) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (before.isEmpty() || after.isEmpty()) {
			details.put("exposed", false);
			details.put("tried", List.of("/actuator/metrics/" + METRIC,
					"/actuator/prometheus (" + METRIC + ", " + OLDER_METRIC + ")"));
			return details;
		}
		double transactions = after.get().count() - before.get().count();
		double requests = after.get().total() - before.get().total();
		details.put("metric", after.get().metric());
		details.put("transactions", Math.round(transactions));
		details.put("requests", Math.round(requests));
		details.put("meanRequestsPerTransaction", round2(requests / transactions));
		details.put("meanEntriesPerTransaction", round2(requests * batchSize / transactions));
		details.put("recentMaxRequestsPerTransaction", after.get().max());
		return details;
	}

	/** The mean group size of {@link #between}'s details, NaN when not exposed. */
	static double mean(Map<String, Object> between) {
		Object mean = between.get("meanRequestsPerTransaction");
		return (mean instanceof Number number) ? number.doubleValue() : Double.NaN;
	}

	/** {@code /actuator/metrics/{name}}: measurements COUNT, TOTAL, MAX. */
	static Reading fromActuator(String json) {
		JsonNode root = JsonMapper.builder().build().readTree(json);
		Map<String, Double> measurements = new LinkedHashMap<>();
		for (JsonNode measurement : root.path("measurements")) {
			measurements.put(measurement.path("statistic").asString(), measurement.path("value").asDouble());
		}
		return new Reading(root.path("name").asString(METRIC), measurements.getOrDefault("COUNT", 0.0),
				measurements.getOrDefault("TOTAL", 0.0), measurements.getOrDefault("MAX", 0.0));
	}

	/**
	 * The Prometheus text of a summary: {@code name_count}, {@code name_sum},
	 * {@code name_max} (summed over label sets).
	 */
	static Optional<Reading> fromPrometheus(String text, String metric) {
		String prefix = metric.replace('.', '_');
		double[] values = new double[3];
		boolean found = false;
		for (String line : text.split("\n")) {
			if (line.startsWith("#")) {
				continue;
			}
			String[] suffixes = { "_count", "_sum", "_max" };
			for (int i = 0; i < suffixes.length; i++) {
				String name = prefix + suffixes[i];
				if (line.startsWith(name) && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')) {
					values[i] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
					found = true;
				}
			}
		}
		return found ? Optional.of(new Reading(metric, values[0], values[1], values[2])) : Optional.empty();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.ingestUrl + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static double round2(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
