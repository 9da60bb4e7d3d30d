package com.exampleco.timesheets.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** What the machine is, how loaded it was during the run, and peak RSS of processes. */
final class Machine implements AutoCloseable {

	private final List<Double> loads = new ArrayList<>();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "load-sampler");
		thread.setDaemon(true);
		return thread;
	});

	Machine() {
		this.sampler.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.SECONDS);
	}

	private void sample() {
		double load = loadAverage1();
		if (load >= 0) {
			synchronized (this.loads) {
				this.loads.add(load);
			}
		}
	}

	static double loadAverage1() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	Map<String, Object> describe() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("nproc", Runtime.getRuntime().availableProcessors());
		machine.put("cpu", procLine(Path.of("/proc/cpuinfo"), "model name").orElse("?"));
		machine.put("memTotalMb",
				procLine(Path.of("/proc/meminfo"), "MemTotal")
					.map((v) -> Long.parseLong(v.replaceAll("[^0-9]", "")) / 1024)
					.orElse(-1L));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		synchronized (this.loads) {
			machine.put("loadAverage1mSamples", this.loads.size());
			machine.put("loadAverage1mMin", this.loads.stream().mapToDouble(Double::doubleValue).min().orElse(-1));
			machine.put("loadAverage1mMean",
					Math.round(this.loads.stream().mapToDouble(Double::doubleValue).average().orElse(-1) * 100)
							/ 100.0);
			machine.put("loadAverage1mMax", this.loads.stream().mapToDouble(Double::doubleValue).max().orElse(-1));
		}
		return machine;
	}

	private static Optional<String> procLine(Path file, String key) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Peak resident set size of a live process ({@code VmHWM} of /proc/pid/status).
	 * @param pid the process id
	 * @return kilobytes, or -1 when the process is gone or the value unreadable
	 */
	static long peakRssKb(long pid) {
		return procLine(Path.of("/proc", Long.toString(pid), "status"), "VmHWM")
			.map((v) -> Long.parseLong(v.replaceAll("[^0-9]", "")))
			.orElse(-1L);
	}

	/**
	 * CPU time (user + system) a live process has used so far, from /proc/pid/stat.
	 * @param pid the process id
	 * @return milliseconds, or -1 when the process is gone
	 */
	static long cpuMillis(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields[0] is field 3 (state); utime and stime are fields 14 and 15, in
			// clock ticks of 1/100 s
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * CPU time of PostgreSQL: the postmaster, every live backend and the backends that
	 * have exited (closed connections).
	 * @param port the server's port
	 * @return milliseconds, or -1 when not found
	 */
	static long postgresCpuMillis(int port) {
		return postmaster(port)
			.map((postmaster) -> cpuMillis(postmaster.pid()) + reapedChildrenCpuMillis(postmaster.pid())
					+ postmaster.descendants().mapToLong((child) -> Math.max(0, cpuMillis(child.pid()))).sum())
			.orElse(-1L);
	}

	/**
	 * CPU time of a process's children that have exited and been waited for (cutime +
	 * cstime): the backends of closed connections, which the postmaster reaps.
	 */
	static long reapedChildrenCpuMillis(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static Optional<ProcessHandle> postmaster(int port) {
		return ProcessHandle.allProcesses()
			.filter((p) -> p.info()
				.commandLine()
				.map((c) -> c.contains("postgres") && c.contains("-p " + port))
				.orElse(false))
			.findFirst();
	}

	/**
	 * PostgreSQL is many processes: the postmaster (found by its port on the command
	 * line) and one backend per connection. Returns the postmaster's peak and the largest
	 * backend's peak (shared buffers are counted in each, so a sum would overstate).
	 * @param port the server's port
	 * @return {postmaster, largest child} in kB, empty when not found
	 */
	static Optional<long[]> postgresPeakRssKb(int port) {
		return ProcessHandle.allProcesses()
			.filter((p) -> p.info()
				.commandLine()
				.map((c) -> c.contains("postgres") && c.contains("-p " + port))
				.orElse(false))
			.findFirst()
			.map((postmaster) -> new long[] { peakRssKb(postmaster.pid()),
					postmaster.descendants().mapToLong((child) -> peakRssKb(child.pid())).max().orElse(-1) });
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

}
