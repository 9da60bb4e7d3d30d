package com.exampleco.timesheets.uploader.upload;

import java.time.Duration;

import com.exampleco.timesheets.uploader.config.UploaderProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	final UploaderProperties.Backoff settings = new UploaderProperties.Backoff(Duration.ofMillis(500),
			Duration.ofSeconds(30), 2.0);

	@Test
	void growsExponentiallyWithinHalfAndAllOfTheDelay() {
		Backoff low = new Backoff(this.settings, () -> 0.0);
		Backoff high = new Backoff(this.settings, () -> 0.999999);

		assertThat(low.delay(1, null)).isEqualTo(Duration.ofMillis(250));
		assertThat(high.delay(1, null)).isEqualTo(Duration.ofMillis(499));
		assertThat(low.delay(4, null)).isEqualTo(Duration.ofMillis(2000));
		assertThat(high.delay(4, null)).isEqualTo(Duration.ofMillis(3999));
	}

	@Test
	void isCappedAtTheMaximum() {
		Backoff high = new Backoff(this.settings, () -> 0.999999);

		assertThat(high.delay(30, null)).isLessThanOrEqualTo(Duration.ofSeconds(30))
			.isGreaterThan(Duration.ofSeconds(29));
	}

	@Test
	void neverWaitsLessThanRetryAfter() {
		Backoff low = new Backoff(this.settings, () -> 0.0);

		assertThat(low.delay(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
		assertThat(low.delay(8, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(15));
	}

}
