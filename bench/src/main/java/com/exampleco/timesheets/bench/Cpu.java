package com.exampleco.timesheets.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CPU time (user + system, from /proc) of the run's processes: snapshots before and after
 * a measured window, and the arithmetic that turns two snapshots into CPU per unit of
 * work. CPU per unit does not depend on how much CPU other work on a shared machine took,
 * so it compares runs where rates do not.
 */
final class Cpu {

	static final String POSTGRES = "postgres";

	static final String POSTGRES_BACKGROUND = "postgres (background)";

	static final String DRIVER = "bench driver";

	private Cpu() {
	}

	/**
	 * CPU milliseconds used so far: by process (every JVM of the stack, PostgreSQL as a
	 * whole and its background part, this driver), and by thread group for the JVMs.
	 *
	 * @param processes milliseconds by process
	 * @param threads milliseconds by thread group ({@link ProcStat#threadGroup()}) by JVM
	 */
	record Snapshot(Map<String, Long> processes, Map<String, Map<String, Long>> threads) {

		/**
		 * The same snapshot with a process counted from zero: a JVM started inside the
		 * window, whose whole life (start-up and JIT included) belongs to it.
		 */
		Snapshot startingAtZero(String process) {
			Map<String, Long> processes = new LinkedHashMap<>(this.processes);
			processes.put(process, 0L);
			Map<String, Map<String, Long>> threads = new LinkedHashMap<>(this.threads);
			threads.put(process, Map.of());
			return new Snapshot(processes, threads);
		}

	}

	static Snapshot take(Stack stack) {
		Map<String, Long> processes = new LinkedHashMap<>();
		Map<String, Map<String, Long>> threads = new LinkedHashMap<>();
		stack.pids().forEach((name, pid) -> {
			processes.put(name, Machine.cpuMillis(pid));
			threads.put(name, Machine.threadCpuMillis(pid));
		});
		processes.put(POSTGRES, Machine.postgresCpuMillis(stack.postgresPort()));
		processes.put(POSTGRES_BACKGROUND, Machine.postgresBackgroundCpuMillis(stack.postgresPort()));
		processes.put(DRIVER, Machine.cpuMillis(ProcessHandle.current().pid()));
		return new Snapshot(processes, threads);
	}

	/**
	 * Snapshots at the start and the end of a measured window that begins after a
	 * warm-up, taken by a background thread while the phase runs; read them after the
	 * phase returned.
	 */
	static Window window(Stack stack, int warmupSeconds, int seconds) {
		List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
		Thread thread = new Thread(() -> {
			try {
				Thread.sleep(warmupSeconds * 1000L);
				snapshots.add(take(stack));
				Thread.sleep(seconds * 1000L);
				snapshots.add(take(stack));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "cpu-window");
		thread.setDaemon(true);
		thread.start();
		return new Window(thread, snapshots);
	}

	/** The two snapshots of a measured window, available once it has passed. */
	record Window(Thread thread, List<Snapshot> snapshots) {

		Snapshot before() {
			join();
			return this.snapshots.get(0);
		}

		Snapshot after() {
			join();
			return this.snapshots.get(1);
		}

		private void join() {
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}

	}

	/**
	 * CPU milliseconds per 1,000 units of each process between two snapshots, and the sum
	 * over the named processes (the work being measured) as {@code countedSum}. Processes
	 * missing or unreadable (-1) in either snapshot are left out.
	 */
	static Map<String, Object> per1000(Map<String, Long> before, Map<String, Long> after, double units,
			List<String> counted) {
		Map<String, Object> per = new LinkedHashMap<>();
		double sum = 0;
		for (Map.Entry<String, Long> entry : after.entrySet()) {
			Long start = before.get(entry.getKey());
			if (start == null || start < 0 || entry.getValue() < 0) {
				continue;
			}
			double ms = (entry.getValue() - start) * 1000.0 / units;
			per.put(entry.getKey(), round1(ms));
			if (counted.contains(entry.getKey())) {
				sum += ms;
			}
		}
		per.put("counted", counted);
		per.put("countedSum", round1(sum));
		return per;
	}

	static Map<String, Object> per1000(Snapshot before, Snapshot after, double units, List<String> counted) {
		return per1000(before.processes(), after.processes(), units, counted);
	}

	/** The {@code countedSum} of a {@link #per1000} map. */
	static double counted(Map<String, Object> per1000) {
		return ((Number) per1000.get("countedSum")).doubleValue();
	}

	/**
	 * Raw CPU per unit / pipeline CPU per unit (1 = the pipeline costs what the raw
	 * client does; 0.1 = ten times as much), to three decimals.
	 */
	static double rawOverPipeline(Map<String, Object> raw, Map<String, Object> pipeline) {
		return Math.round(counted(raw) / counted(pipeline) * 1000) / 1000.0;
	}

	/**
	 * CPU milliseconds per 1,000 units of a JVM's thread groups between two snapshots,
	 * largest first: the {@code top} largest groups, the rest summed as {@code other}. A
	 * group missing before counts from zero (a thread started inside the window).
	 */
	static Map<String, Double> byThread(Map<String, Long> before, Map<String, Long> after, double units, int top) {
		Map<String, Double> per = new HashMap<>();
		after.forEach((group, ms) -> per.put(group, (ms - before.getOrDefault(group, 0L)) * 1000.0 / units));
		List<Map.Entry<String, Double>> sorted = new ArrayList<>(per.entrySet());
		sorted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
		Map<String, Double> result = new LinkedHashMap<>();
		double other = 0;
		for (int i = 0; i < sorted.size(); i++) {
			if (i < top) {
				result.put(sorted.get(i).getKey(), round1(sorted.get(i).getValue()));
			}
			else {
				other += sorted.get(i).getValue();
			}
		}
		if (sorted.size() > top) {
			result.put("other", round1(other));
		}
		return result;
	}

	static Map<String, Double> byThread(Snapshot before, Snapshot after, String process, double units, int top) {
		return byThread(before.threads().getOrDefault(process, Map.of()),
				after.threads().getOrDefault(process, Map.of()), units, top);
	}

	/**
	 * A JVM's CPU per unit without its JIT compiler threads: what the work itself costs
	 * once compiled (the compiler's share is warm-up, not steady cost).
	 * @return milliseconds per unit (not per 1,000), NaN when the process was unreadable
	 */
	static double perUnitWithoutJit(Snapshot before, Snapshot after, String process, double units) {
		return perUnit(before, after, process, units)
				- (jitMillis(after, process) - jitMillis(before, process)) / units;
	}

	/** Milliseconds per unit of a process between two snapshots; NaN when unreadable. */
	static double perUnit(Snapshot before, Snapshot after, String process, double units) {
		Long start = before.processes().get(process);
		Long end = after.processes().get(process);
		if (start == null || end == null || start < 0 || end < 0 || units <= 0) {
			return Double.NaN;
		}
		return (end - start) / units;
	}

	private static long jitMillis(Snapshot snapshot, String process) {
		return snapshot.threads()
			.getOrDefault(process, Map.of())
			.entrySet()
			.stream()
			.filter((group) -> ProcStat.isJitCompiler(group.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private static double round1(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
