package com.exampleco.timesheets.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sizes and durations of a run: quick (≤ 2 minutes, for checking a change) or full (for
 * the record).
 */
record Settings(String mode, int partitions, int rawProduceRecords, int rawUpsertRows, int upsertBatch,
		int upsertThreads, int ingestClients, int ingestJitWarmupSeconds, int ingestWarmupSeconds, int ingestSeconds,
		int prefill, int queryClients, int queryJitWarmupSeconds, int queryWarmupSeconds, int querySeconds,
		List<Integer> endToEndRates, int endToEndBatch, int endToEndSeconds, int endToEndDrainSeconds,
		int processorTimeoutSeconds) {

	static Settings quick() {
		return new Settings("quick", 6, 50_000, 20_000, 1000, 3, 4, 4, 1, 5, 20_000, 4, 4, 2, 3, List.of(1000), 100, 6,
				20, 120);
	}

	static Settings full() {
		return new Settings("full", 6, 500_000, 200_000, 1000, 3, 4, 20, 5, 30, 500_000, 4, 40, 5, 20,
				List.of(2000, 5000, 10_000), 500, 30, 60, 900);
	}

	Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("partitions", this.partitions);
		map.put("rawProduceRecords", this.rawProduceRecords);
		map.put("rawUpsertRows", this.rawUpsertRows);
		map.put("upsertBatch", this.upsertBatch);
		map.put("upsertThreads", this.upsertThreads);
		map.put("ingestClients", this.ingestClients);
		map.put("ingestJitWarmupSeconds", this.ingestJitWarmupSeconds);
		map.put("ingestWarmupSeconds", this.ingestWarmupSeconds);
		map.put("ingestSeconds", this.ingestSeconds);
		map.put("prefillSubmissions", this.prefill);
		map.put("queryClients", this.queryClients);
		map.put("queryJitWarmupSeconds", this.queryJitWarmupSeconds);
		map.put("queryWarmupSeconds", this.queryWarmupSeconds);
		map.put("querySeconds", this.querySeconds);
		map.put("endToEndRates", this.endToEndRates);
		map.put("endToEndBatch", this.endToEndBatch);
		map.put("endToEndSeconds", this.endToEndSeconds);
		return map;
	}

}
