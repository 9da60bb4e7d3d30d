package com.exampleco.timesheets.systemtests;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The figures the suite reports at the end ({@link FiguresListener}). Scenarios add to
 * them as they go; a fault counts as survived only when its scenario's assertions passed.
 */
final class Figures {

	static final AtomicInteger faultsInjected = new AtomicInteger();

	static final AtomicInteger faultsSurvived = new AtomicInteger();

	/**
	 * External ids of every entry the ingest API acknowledged with 202 (uploader client).
	 */
	static final Set<String> acknowledged = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

	static final AtomicInteger entriesInDatabase = new AtomicInteger(-1);

	static final AtomicInteger duplicates = new AtomicInteger(-1);

	static final AtomicInteger lost = new AtomicInteger(-1);

	static final AtomicInteger redeliveries = new AtomicInteger(-1);

	static final AtomicInteger badTokensTried = new AtomicInteger();

	static final AtomicInteger badTokensAnswered = new AtomicInteger();

	static final AtomicInteger scopeChecksTried = new AtomicInteger();

	static final AtomicInteger scopeChecksAnswered = new AtomicInteger();

	static final AtomicInteger badInputsTried = new AtomicInteger();

	static final AtomicInteger badInputsAnswered = new AtomicInteger();

	static final AtomicInteger hostileClaimsTried = new AtomicInteger();

	static final AtomicInteger hostileClaimsAnswered = new AtomicInteger();

	static final AtomicInteger sideDoorsTried = new AtomicInteger();

	static final AtomicInteger sideDoorsClosed = new AtomicInteger();

	static final AtomicInteger hostilePayloadsTried = new AtomicInteger();

	static final AtomicInteger hostilePayloadsRefused = new AtomicInteger();

	static final AtomicInteger hostilePayloadsInDatabase = new AtomicInteger(-1);

	static final AtomicInteger revertsLost = new AtomicInteger(-1);

	static final AtomicInteger issuerOutageSeconds = new AtomicInteger();

	static final AtomicInteger keysRotated = new AtomicInteger();

	static final AtomicInteger unknownKidRequests = new AtomicInteger();

	static final AtomicInteger jwksFetchesDuringFlood = new AtomicInteger(-1);

	static final AtomicInteger tracedRecordsChecked = new AtomicInteger();

	static final AtomicInteger kafkaClientsTried = new AtomicInteger();

	static final AtomicInteger kafkaClientsRefused = new AtomicInteger();

	static final AtomicInteger brokersKilled = new AtomicInteger();

	static final AtomicInteger brokersPaused = new AtomicInteger();

	static final AtomicInteger brokersRestarted = new AtomicInteger();

	/**
	 * Entries the ingest API acknowledged on the replicated cluster (its own pipeline).
	 */
	static final AtomicInteger clusterAcknowledged = new AtomicInteger(-1);

	static final AtomicInteger clusterAnswered503 = new AtomicInteger(-1);

	/**
	 * Events the cluster's topic holds twice (same event id; the processor dropped them).
	 */
	static final AtomicInteger clusterTopicCopies = new AtomicInteger(-1);

	private Figures() {
	}

	static String table() {
		StringBuilder out = new StringBuilder();
		out.append("+------------------------------------------------+-----------+\n");
		out.append("| system-tests figures                           |           |\n");
		out.append("+------------------------------------------------+-----------+\n");
		row(out, "faults injected", faultsInjected.get());
		row(out, "faults survived", faultsSurvived.get());
		row(out, "acknowledged entries (202)", acknowledged.size());
		row(out, "entries in the database", entriesInDatabase.get());
		row(out, "duplicates (must be 0)", duplicates.get());
		row(out, "lost (must be 0)", lost.get());
		row(out, "re-sent events dropped as DUPLICATE", redeliveries.get());
		row(out, "bad tokens tried / answered correctly", badTokensTried.get() + " / " + badTokensAnswered.get());
		row(out, "scope checks tried / answered correctly", scopeChecksTried.get() + " / " + scopeChecksAnswered.get());
		row(out, "bad inputs tried / answered correctly", badInputsTried.get() + " / " + badInputsAnswered.get());
		row(out, "hostile claims tried / answered correctly",
				hostileClaimsTried.get() + " / " + hostileClaimsAnswered.get());
		row(out, "side doors tried / closed", sideDoorsTried.get() + " / " + sideDoorsClosed.get());
		row(out, "hostile payloads tried / refused at ingest",
				hostilePayloadsTried.get() + " / " + hostilePayloadsRefused.get());
		row(out, "hostile payloads that reached the database", hostilePayloadsInDatabase.get());
		row(out, "reverts lost (A, B, A again)", revertsLost.get());
		row(out, "issuer outage seconds", issuerOutageSeconds.get());
		row(out, "keys rotated", keysRotated.get());
		row(out, "JWKS fetches during the unknown-kid flood",
				jwksFetchesDuringFlood.get() + " / " + unknownKidRequests.get() + " req");
		row(out, "traced records checked", tracedRecordsChecked.get());
		row(out, "unauthorised Kafka clients refused", kafkaClientsRefused.get() + "/" + kafkaClientsTried.get());
		row(out, "brokers killed / paused / restarted",
				brokersKilled.get() + " / " + brokersPaused.get() + " / " + brokersRestarted.get());
		row(out, "cluster: entries acknowledged, applied once", clusterAcknowledged.get());
		row(out, "cluster: direct calls answered 503 in a fault", clusterAnswered503.get());
		row(out, "cluster: events on the topic twice (same id)", clusterTopicCopies.get());
		out.append("+------------------------------------------------+-----------+\n");
		out.append("(-1: not measured, the final check did not run)\n");
		return out.toString();
	}

	private static void row(StringBuilder out, String name, Object value) {
		out.append(String.format("| %-46s | %9s |%n", name, value));
	}

}
