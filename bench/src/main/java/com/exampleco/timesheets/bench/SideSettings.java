package com.exampleco.timesheets.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sizes of the side baselines (the peer, the raw HTTP server) and of the end-to-end rate
 * ladder, quick or full like {@link Settings}, written into the JSON's settings beside
 * them.
 *
 * @param peerRows rows pre-filled for the peer (the processor's pre-fill count)
 * @param peerTasks the peer's {@code tasks.max} (the processor's consumers)
 * @param peerBatchSize the peer's {@code batch.size} and poll size (the processor's poll)
 * @param peerTimeoutSeconds how long the peer may take
 * @param rawHttpThreads the raw HTTP server's fixed thread pool
 * @param rawHttpPoolSize its JDBC pool (the query API's HikariCP maximum, 10)
 * @param rawHttpJitWarmupSeconds its unmeasured warm-up
 * @param rawHttpWarmupSeconds the warm-up before each of its measured windows
 * @param rawHttpSeconds its measured windows (full: the query API's)
 * @param ladderStep the ladder's step (entries/s)
 * @param ladderMaxRate the ladder's highest level
 * @param ladderSeconds how long a ladder level offers (the fixed levels keep
 * {@link Settings#endToEndSeconds()})
 * @param ladderBudgetSeconds the ladder starts no level after this much time
 */
record SideSettings(int peerRows, int peerTasks, int peerBatchSize, int peerTimeoutSeconds, int rawHttpThreads,
		int rawHttpPoolSize, int rawHttpJitWarmupSeconds, int rawHttpWarmupSeconds, int rawHttpSeconds, int ladderStep,
		int ladderMaxRate, int ladderSeconds, int ladderBudgetSeconds) {

	static SideSettings of(Settings settings) {
		return "quick".equals(settings.mode()) ? quick(settings) : full(settings);
	}

	static SideSettings quick(Settings settings) {
		return new SideSettings(settings.prefill(), 3, 1000, 180, 10, 10, 2, 1, 2, 1000, 2000, 4, 20);
	}

	static SideSettings full(Settings settings) {
		return new SideSettings(settings.prefill(), 3, 1000, 900, 10, 10, 15, settings.queryWarmupSeconds(),
				settings.querySeconds(), 2000, 30_000, 20, 300);
	}

	Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("peerRows", this.peerRows);
		map.put("peerTasks", this.peerTasks);
		map.put("peerBatchSize", this.peerBatchSize);
		map.put("rawHttpThreads", this.rawHttpThreads);
		map.put("rawHttpPoolSize", this.rawHttpPoolSize);
		map.put("rawHttpJitWarmupSeconds", this.rawHttpJitWarmupSeconds);
		map.put("rawHttpWarmupSeconds", this.rawHttpWarmupSeconds);
		map.put("rawHttpSeconds", this.rawHttpSeconds);
		map.put("endToEndLadderStep", this.ladderStep);
		map.put("endToEndLadderMaxRate", this.ladderMaxRate);
		map.put("endToEndLadderSeconds", this.ladderSeconds);
		map.put("endToEndLadderBudgetSeconds", this.ladderBudgetSeconds);
		return map;
	}

}
