package com.exampleco.timesheets.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.exampleco.timesheets.launcher.process.JavaProcess;

/**
 * The pipeline plus the processes the bench starts itself for a baseline (the peer's
 * Kafka Connect worker, the raw HTTP server): while they run they are among
 * {@link #pids()}, so every CPU snapshot counts them; when stopped, their peak RSS is
 * kept for the memory figures.
 */
final class BenchStack implements Stack {

	private final Stack stack;

	private final List<JavaProcess> side = new ArrayList<>();

	private final Map<String, Long> stoppedPeakRssMb = new LinkedHashMap<>();

	BenchStack(Stack stack) {
		this.stack = stack;
	}

	/**
	 * Starts a baseline's process and waits until it is ready.
	 * @param process the process, not started
	 * @param timeout how long it may take
	 * @param ready what ready means
	 * @throws IllegalStateException when it exits or is not ready in time (with its log's
	 * tail)
	 */
	void startSide(JavaProcess process, Duration timeout, BooleanSupplier ready) {
		startSide(process);
		process.awaitCondition(timeout, ready, "ready");
	}

	/** Starts a baseline's process and returns at once. */
	void startSide(JavaProcess process) {
		this.side.add(process);
		process.start();
	}

	/** Stops a baseline's process, keeping its peak RSS. */
	void stopSide(JavaProcess process) {
		if (process.isAlive()) {
			this.stoppedPeakRssMb.put(process.name(), Machine.peakRssKb(process.pid()) / 1024);
		}
		process.stop();
		this.side.remove(process);
	}

	/** Peak RSS (MB) of the baselines' processes, taken when they stopped. */
	Map<String, Long> stoppedPeakRssMb() {
		return this.stoppedPeakRssMb;
	}

	@Override
	public Map<String, Long> pids() {
		Map<String, Long> pids = new LinkedHashMap<>(this.stack.pids());
		for (JavaProcess process : this.side) {
			if (process.isAlive()) {
				pids.put(process.name(), process.pid());
			}
		}
		return pids;
	}

	@Override
	public String bootstrapServers() {
		return this.stack.bootstrapServers();
	}

	@Override
	public RawBaselines.Db database() {
		return this.stack.database();
	}

	@Override
	public int postgresPort() {
		return this.stack.postgresPort();
	}

	@Override
	public String authUrl() {
		return this.stack.authUrl();
	}

	@Override
	public String ingestUrl() {
		return this.stack.ingestUrl();
	}

	@Override
	public String queryUrl() {
		return this.stack.queryUrl();
	}

	@Override
	public void stopProcessor() {
		this.stack.stopProcessor();
	}

	@Override
	public void startProcessor() {
		this.stack.startProcessor();
	}

	@Override
	public void close() {
		new ArrayList<>(this.side).forEach(this::stopSide);
		this.stack.close();
	}

}
