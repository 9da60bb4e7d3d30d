package com.exampleco.timesheets.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The key set's counters as meters: {@code timesheets.security.jwks.fetches} (tag
 * {@code outcome} = {@code success} or {@code failure}; Prometheus
 * {@code timesheets_security_jwks_fetches_total}), every request to the issuer for keys,
 * and {@code timesheets.security.jwks.throttled}, lookups of an unknown key that did not
 * go to the issuer because the minimum refetch interval had not passed.
 */
final class IssuerKeySetMetrics implements MeterBinder {

	static final String FETCHES = "timesheets.security.jwks.fetches";

	static final String THROTTLED = "timesheets.security.jwks.throttled";

	private final IssuerKeySet keys;

	IssuerKeySetMetrics(IssuerKeySet keys) {
		this.keys = keys;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(FETCHES, this.keys, IssuerKeySet::fetches)
			.tag("outcome", "success")
			.description("Requests to the issuer for its JWK Set")
			.register(registry);
		FunctionCounter.builder(FETCHES, this.keys, IssuerKeySet::failures)
			.tag("outcome", "failure")
			.description("Requests to the issuer for its JWK Set")
			.register(registry);
		FunctionCounter.builder(THROTTLED, this.keys, IssuerKeySet::throttled)
			.description("Unknown-key lookups not sent to the issuer because of the minimum refetch interval")
			.register(registry);
	}

}
