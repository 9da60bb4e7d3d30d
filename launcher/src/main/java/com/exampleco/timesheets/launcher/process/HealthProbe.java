package com.exampleco.timesheets.launcher.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One readiness URL asked with a GET: ready when it answers 200. Not listening yet, or
 * any other status, is "not yet", never an error.
 */
final class HealthProbe {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI url;

	HealthProbe(URI url) {
		this.url = url;
	}

	boolean answersOk() {
		try {
			HttpResponse<Void> response = this.http.send(
					HttpRequest.newBuilder(this.url).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
