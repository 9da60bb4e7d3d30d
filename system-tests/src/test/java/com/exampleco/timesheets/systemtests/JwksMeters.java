package com.exampleco.timesheets.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API's key-set meters (api-security's {@code timesheets.security.jwks.*}), read from
 * its Prometheus endpoint with a {@code read:metrics} token.
 *
 * @param fetches requests to the issuer for keys, successful or not
 * @param failures the failed ones
 * @param throttled unknown-key lookups not sent to the issuer (minimum refetch interval)
 */
record JwksMeters(long fetches, long failures, long throttled) {

	static JwksMeters of(String apiUrl, String metricsToken) {
		Http.Answer answer = Http.get(apiUrl + "/actuator/prometheus", metricsToken);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return new JwksMeters(sum(answer.body(), "timesheets_security_jwks_fetches_total", ""),
				sum(answer.body(), "timesheets_security_jwks_fetches_total", "outcome=\"failure\""),
				sum(answer.body(), "timesheets_security_jwks_throttled_total", ""));
	}

	JwksMeters since(JwksMeters before) {
		return new JwksMeters(this.fetches - before.fetches, this.failures - before.failures,
				this.throttled - before.throttled);
	}

	private static long sum(String exposition, String name, String label) {
		double total = 0;
		for (String line : exposition.split("\n")) {
			if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(label)) {
				total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return Math.round(total);
	}

}
