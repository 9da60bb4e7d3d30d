package com.exampleco.timesheets.bench;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LatenciesTests {

	@Test
	void nearestRankOfOneToHundred() {
		Latencies latencies = new Latencies();
		IntStream.rangeClosed(1, 100).map((i) -> 101 - i).forEach(latencies::record);
		assertThat(latencies.count()).isEqualTo(100);
		assertThat(latencies.percentile(50)).isEqualTo(50);
		assertThat(latencies.percentile(99)).isEqualTo(99);
		assertThat(latencies.percentile(99.9)).isEqualTo(100);
		assertThat(latencies.percentile(100)).isEqualTo(100);
		assertThat(latencies.percentile(0.1)).isEqualTo(1);
		assertThat(latencies.max()).isEqualTo(100);
	}

	@Test
	void singleSampleIsEveryPercentile() {
		Latencies latencies = new Latencies();
		latencies.record(7_000_000);
		assertThat(latencies.percentile(1)).isEqualTo(7_000_000);
		assertThat(latencies.percentile(99)).isEqualTo(7_000_000);
		assertThat(latencies.millis(50)).isEqualTo(7.0);
	}

	@Test
	void emptyHasNoPercentile() {
		Latencies latencies = new Latencies();
		assertThat(latencies.percentile(50)).isEqualTo(-1);
		assertThat(latencies.max()).isEqualTo(-1);
		assertThat(latencies.millis(99)).isNaN();
	}

	@Test
	void growsPastInitialCapacity() {
		Latencies latencies = new Latencies();
		IntStream.range(0, 10_000).forEach(latencies::record);
		assertThat(latencies.count()).isEqualTo(10_000);
		assertThat(latencies.percentile(50)).isEqualTo(4_999);
	}

	@Test
	void refusesBadInput() {
		Latencies latencies = new Latencies();
		assertThatIllegalArgumentException().isThrownBy(() -> latencies.record(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> latencies.percentile(0));
		assertThatIllegalArgumentException().isThrownBy(() -> latencies.percentile(101));
	}

}
