package com.exampleco.timesheets.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	private final Report report = new Report("test");

	@Test
	void comparedRowHasTheRatioToItsBaselineAndMeetsAMinimumRatio() {
		Report.Row met = this.report.compare("processor beside the peer", 9_000, "entries/s", "peer", 8_000, 1.0,
				Map.of());
		Report.Row missed = this.report.compare("query beside the raw server", 1_000, "req/s", "raw", 4_000, 0.5,
				Map.of());
		assertThat(met.ratio()).isEqualTo(1.125);
		assertThat(met.goal()).isEqualTo("≥ 1.0×");
		assertThat(met.met()).isTrue();
		assertThat(missed.ratio()).isEqualTo(0.25);
		assertThat(missed.met()).isFalse();
	}

	@Test
	void comparedRowWithoutGoalHasNoVerdict() {
		Report.Row row = this.report.compare("page beside the raw server", 900, "req/s", "raw", 3_000, null, Map.of());
		assertThat(row.ratio()).isEqualTo(0.3);
		assertThat(row.goal()).isNull();
		assertThat(row.met()).isNull();
	}

	@Test
	void cpuPerRequestIsComparedWithTheRawServerAndBoundedFromAbove() {
		Report.Row met = this.report.compareAtMost("query API CPU", 0.3, "ms/req", "raw CPU", 0.1, 0.35, Map.of());
		Report.Row missed = this.report.compareAtMost("query API CPU", 0.9, "ms/req", "raw CPU", 0.1, 0.35, Map.of());
		assertThat(met.ratio()).isEqualTo(3.0);
		assertThat(met.goal()).isEqualTo("≤ 0.35 ms/req");
		assertThat(met.met()).isTrue();
		assertThat(missed.met()).isFalse();
	}

	@Test
	void latencyIsBoundedFromAbove() {
		assertThat(this.report.bounded("p99", 500, "ms", 500.0, Map.of()).met()).isTrue();
		assertThat(this.report.bounded("p99", 501, "ms", 500.0, Map.of()).met()).isFalse();
		assertThat(this.report.bounded("p99", 501, "ms", 500.0, Map.of()).goal()).isEqualTo("≤ 500.0 ms");
	}

	@Test
	void highestRateIsBoundedFromBelow() {
		Report.Row met = this.report.atLeast("highest rate", 12_000, "entries/s", 10_000, Map.of());
		Report.Row missed = this.report.atLeast("highest rate", 6_000, "entries/s", 10_000, Map.of());
		assertThat(met.goal()).isEqualTo("≥ 10,000 entries/s");
		assertThat(met.met()).isTrue();
		assertThat(missed.met()).isFalse();
	}

	@Test
	void aFigureThatCouldNotBeMeasuredMissesItsGoal() {
		assertThat(this.report.compareAtMost("cpu", Double.NaN, "ms/req", "raw", 0.1, 0.35, Map.of()).met()).isFalse();
		assertThat(this.report.add("group size", Double.NaN, "req/tx", Map.of("exposed", false)).value()).isNaN();
	}

	@Test
	void everyRowAppearsInTheTableAndTheJson(@TempDir Path directory) throws Exception {
		this.report.compare("processor beside the peer", 9_000, "entries/s", "peer", 8_000, 1.0, Map.of());
		this.report.compareAtMost("query API process CPU", 0.3, "ms/req", "raw CPU", 0.1, 0.35, Map.of());
		java.io.ByteArrayOutputStream table = new java.io.ByteArrayOutputStream();
		this.report.printTable(new java.io.PrintStream(table, true, "UTF-8"), Map.of());
		assertThat(table.toString("UTF-8")).contains("processor beside the peer", "1.13×", "≥ 1.0×", "met",
				"query API process CPU", "3.00×", "≤ 0.35 ms/req");
		Path json = directory.resolve("r.json");
		this.report.writeJson(json, Map.of(), Map.of());
		assertThat(Files.readString(json)).contains("\"goal\" : \"≤ 0.35 ms/req\"", "\"ratio\" : 1.125",
				"\"met\" : true");
	}

}
