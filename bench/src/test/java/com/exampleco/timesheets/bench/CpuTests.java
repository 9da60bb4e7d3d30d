package com.exampleco.timesheets.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuTests {

	@Test
	void cpuPerThousandUnitsPerProcessAndSumOfTheCountedOnes() {
		Map<String, Object> per = Cpu.per1000(Map.of("a", 1_000L, "b", 500L, "c", 0L),
				Map.of("a", 3_000L, "b", 1_500L, "c", 400L), 4_000, List.of("a", "b"));
		assertThat(per).containsEntry("a", 500.0).containsEntry("b", 250.0).containsEntry("c", 100.0);
		assertThat(Cpu.counted(per)).isEqualTo(750.0);
	}

	@Test
	void leavesOutProcessesUnreadableInEitherSnapshot() {
		Map<String, Object> per = Cpu.per1000(Map.of("gone", -1L, "new", 5L), Map.of("gone", 100L, "new", 10L, "x", 7L),
				1_000, List.of("gone", "new", "x"));
		assertThat(per).doesNotContainKeys("gone", "x").containsEntry("new", 5.0);
		assertThat(Cpu.counted(per)).isEqualTo(5.0);
	}

	@Test
	void rawOverPipelineIsTheRatioOfTheCountedSums() {
		Map<String, Object> raw = Cpu.per1000(Map.of("p", 0L), Map.of("p", 20L), 1_000, List.of("p"));
		Map<String, Object> pipeline = Cpu.per1000(Map.of("p", 0L), Map.of("p", 300L), 1_000, List.of("p"));
		assertThat(Cpu.rawOverPipeline(raw, pipeline)).isEqualTo(0.067);
		assertThat(new Measured(1, raw).cpuRatioOver(pipeline)).isEqualTo(0.067);
	}

	@Test
	void cpuPerRequestOfAJvmWithoutItsJitCompilerThreads() {
		Cpu.Snapshot before = new Cpu.Snapshot(Map.of("query-api", 10_000L), Map.of("query-api",
				Map.of("C2 CompilerThre", 3_000L, "C1 CompilerThre", 500L, "http-nio-N-exec", 4_000L)));
		Cpu.Snapshot after = new Cpu.Snapshot(Map.of("query-api", 12_000L), Map.of("query-api",
				Map.of("C2 CompilerThre", 3_350L, "C1 CompilerThre", 550L, "http-nio-N-exec", 5_400L)));
		// 2,000 ms for 2,000 requests, of which 400 ms compiling
		assertThat(Cpu.perUnit(before, after, "query-api", 2_000)).isEqualTo(1.0);
		assertThat(Cpu.perUnitWithoutJit(before, after, "query-api", 2_000)).isCloseTo(0.8, within(1e-9));
	}

	@Test
	void cpuPerUnitIsNotANumberForAnUnreadableProcess() {
		Cpu.Snapshot before = new Cpu.Snapshot(Map.of("query-api", -1L), Map.of());
		Cpu.Snapshot after = new Cpu.Snapshot(Map.of("query-api", 100L), Map.of());
		assertThat(Cpu.perUnit(before, after, "query-api", 10)).isNaN();
		assertThat(Cpu.perUnit(before, after, "other", 10)).isNaN();
	}

	@Test
	void threadGroupsLargestFirstTheRestAsOther() {
		Map<String, Double> per = Cpu.byThread(Map.of("a", 100L, "b", 100L, "c", 0L),
				Map.of("a", 200L, "b", 400L, "c", 50L, "d", 10L), 1_000, 2);
		assertThat(per).containsExactly(Map.entry("b", 300.0), Map.entry("a", 100.0), Map.entry("other", 60.0));
	}

	@Test
	void aProcessStartedInsideTheWindowCountsFromZero() {
		Cpu.Snapshot before = new Cpu.Snapshot(Map.of("broker", 5L), Map.of("broker", Map.of("t", 5L)))
			.startingAtZero("processor");
		Cpu.Snapshot after = new Cpu.Snapshot(Map.of("broker", 5L, "processor", 900L),
				Map.of("processor", Map.of("consumer", 600L, "main", 300L)));
		assertThat(Cpu.per1000(before, after, 1_000, List.of("processor"))).containsEntry("processor", 900.0);
		assertThat(Cpu.byThread(before, after, "processor", 1_000, 5)).containsExactly(Map.entry("consumer", 600.0),
				Map.entry("main", 300.0));
	}

}
