package com.exampleco.timesheets.processor.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.exampleco.timesheets.events.EventType;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.processor.ledger.AppliedBatch.Result;

/**
 * APPLIED events that share one row of {@code applied_runs}: of one batch, read from one
 * partition in one poll, of one type, with one {@code occurredAt}, client and subject
 * (events of one request share all of these). The per-event values, eventId, timesheet id
 * and offset, are kept as arrays of at most {@link #MAX_EVENTS}, so the row stays small
 * enough for PostgreSQL to keep it in the table page (no TOAST).
 *
 * @param key what the events share
 * @param events the events in delivery order, 1 to {@link #MAX_EVENTS}
 */
record AppliedRun(Key key, List<Result> events) {

	/** The most events one run holds (the schema allows 64). */
	static final int MAX_EVENTS = 32;

	/**
	 * What the events of a run share.
	 *
	 * @param batchId the batch
	 * @param topic the topic read
	 * @param partition the partition read
	 * @param type the event type
	 * @param occurredAt when the API accepted the request
	 * @param clientId the sending client
	 * @param subject who acted
	 */
	record Key(UUID batchId, String topic, int partition, EventType type, Instant occurredAt, String clientId,
			String subject) {

		static Key of(Result result) {
			TimesheetEvent event = result.received().event();
			return new Key(event.batchId(), result.received().topic(), result.received().partition(), event.eventType(),
					event.occurredAt(), event.actor().clientId(), event.actor().subject());
		}

	}

	/**
	 * The runs of the APPLIED results among these, in delivery order of their first
	 * events; the other results are ignored.
	 * @param results the results of a batch, in delivery order
	 * @return the runs, never null
	 */
	static List<AppliedRun> of(List<Result> results) {
		Map<Key, List<Result>> open = new LinkedHashMap<>();
		List<AppliedRun> runs = new ArrayList<>();
		for (Result result : results) {
			if (result.outcome() != Outcome.APPLIED) {
				continue;
			}
			Key key = Key.of(result);
			List<Result> events = open.computeIfAbsent(key, (k) -> new ArrayList<>());
			events.add(result);
			if (events.size() == MAX_EVENTS) {
				runs.add(new AppliedRun(key, List.copyOf(events)));
				open.remove(key);
			}
		}
		open.forEach((key, events) -> runs.add(new AppliedRun(key, List.copyOf(events))));
		return runs;
	}

	AppliedRun {
		Objects.requireNonNull(key, "key");
		if (events.isEmpty() || events.size() > MAX_EVENTS) {
			throw new IllegalArgumentException("a run holds 1 to " + MAX_EVENTS + " events, not " + events.size());
		}
	}

	long firstOffset() {
		return this.events.get(0).received().offset();
	}

	UUID[] eventIds() {
		return this.events.stream().map((result) -> result.received().event().eventId()).toArray(UUID[]::new);
	}

	UUID[] timesheetIds() {
		return this.events.stream().map((result) -> result.received().event().timesheetId()).toArray(UUID[]::new);
	}

	Long[] offsets() {
		return this.events.stream().map((result) -> result.received().offset()).toArray(Long[]::new);
	}

}
