package com.exampleco.timesheets.bench;

import java.util.function.Supplier;

/**
 * What every phase of one run works with: the sizes, the started pipeline, the payloads
 * (one run id, so phases can name each other's timesheets) and the report, plus the
 * progress line and the clients' tokens.
 */
record BenchRun(Settings settings, BenchStack stack, Payloads payloads, Report report, long startedAt) {

	private static final String UPLOADER_SECRET = "uploader-secret";

	private static final String CONTRACTOR_SECRET = "contractor-secret";

	/** The sizes of the side baselines and the end-to-end ladder. */
	SideSettings side() {
		return SideSettings.of(this.settings);
	}

	/** Prints a progress line with the seconds since the run started. */
	void step(String what) {
		step(this.startedAt, what);
	}

	static void step(long startedAt, String what) {
		System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - startedAt) / 1e9, what);
	}

	/** A fresh uploader token ({@code create:timesheets}) per call, for each client. */
	Supplier<String> writeToken() {
		return () -> token(Payloads.CLIENT_ID, UPLOADER_SECRET, "create:timesheets");
	}

	/** A fresh contractor-app token ({@code read:timesheets}) per call. */
	Supplier<String> readToken() {
		return () -> token("contractor-app", CONTRACTOR_SECRET, "read:timesheets");
	}

	private String token(String client, String secret, String scope) {
		try {
			return Http.token(Http.client(), this.stack.authUrl(), client, secret, scope);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot get a token for " + client, ex);
		}
	}

}
