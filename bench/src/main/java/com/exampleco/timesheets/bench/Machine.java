package com.exampleco.timesheets.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the machine is, how loaded it was during the run, and peak RSS of processes. */
final class Machine implements AutoCloseable {

	private static final Pattern CLIENT_BACKEND = Pattern
		.compile("^postgres: (\\S+: )?\\S+ \\S+ (\\S+\\(\\d+\\)|\\[local\\])");

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
		return stat(Path.of("/proc", Long.toString(pid), "stat")).map(ProcStat::cpuMillis).orElse(-1L);
	}

	/**
	 * CPU time of PostgreSQL: the postmaster, every live backend and the backends that
	 * have exited (closed connections).
	 * @param port the server's port
	 * @return milliseconds, or -1 when not found
	 */
	static long postgresCpuMillis(int port) {
		return postmaster(port).map((postmaster) -> {
			Optional<ProcStat> own = stat(Path.of("/proc", Long.toString(postmaster.pid()), "stat"));
			return own.map((stat) -> stat.cpuMillis() + stat.reapedChildrenCpuMillis()).orElse(0L)
					+ postmaster.descendants().mapToLong((child) -> Math.max(0, cpuMillis(child.pid()))).sum();
		}).orElse(-1L);
	}

	/**
	 * CPU time of PostgreSQL's background work: the postmaster's own and that of its live
	 * children that serve no client connection (checkpointer, WAL writer, background
	 * writer, autovacuum). What {@link #postgresCpuMillis(int)} counts beyond this is the
	 * client backends' work, live and exited (an autovacuum worker that exited counts
	 * there too: the postmaster's reaped children cannot be told apart).
	 * @param port the server's port
	 * @return milliseconds, or -1 when not found
	 */
	static long postgresBackgroundCpuMillis(int port) {
		return postmaster(port).map((postmaster) -> Math.max(0, cpuMillis(postmaster.pid())) + postmaster.descendants()
			.filter((child) -> !isPostgresClientBackend(commandLine(child.pid())))
			.mapToLong((child) -> Math.max(0, cpuMillis(child.pid())))
			.sum()).orElse(-1L);
	}

	/**
	 * CPU time of a live process's threads by group ({@link ProcStat#threadGroup()}),
	 * from /proc/pid/task/tid/stat.
	 * @param pid the process id
	 * @return milliseconds per group, empty when the process is gone
	 */
	static Map<String, Long> threadCpuMillis(long pid) {
		Map<String, Long> groups = new TreeMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			tasks.forEach((task) -> stat(task.resolve("stat"))
				.ifPresent((stat) -> groups.merge(stat.threadGroup(), stat.cpuMillis(), Long::sum)));
		}
		catch (IOException | UncheckedIOException ex) {
			// the process ended meanwhile
		}
		return groups;
	}

	/**
	 * Whether a PostgreSQL process title names a client connection
	 * ({@code postgres: user database host(port) state}, or {@code [local]} for a socket)
	 * rather than background work ({@code postgres: checkpointer}, {@code walwriter},
	 * {@code autovacuum worker}, …).
	 */
	static boolean isPostgresClientBackend(String commandLine) {
		return CLIENT_BACKEND.matcher(commandLine).find();
	}

	private static Optional<ProcStat> stat(Path file) {
		try {
			return Optional.of(ProcStat.parse(Files.readString(file)));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static String commandLine(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
					StandardCharsets.UTF_8)
				.replace('\0', ' ')
				.trim();
		}
		catch (IOException ex) {
			return "";
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
		return postmaster(port).map((postmaster) -> new long[] { peakRssKb(postmaster.pid()),
				postmaster.descendants().mapToLong((child) -> peakRssKb(child.pid())).max().orElse(-1) });
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

}
