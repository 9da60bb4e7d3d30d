package com.exampleco.timesheets.processor.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.processor.ledger.AppliedBatch.Result;

/**
 * Decides a batch without touching the database: given the events in delivery order, the
 * eventIds already recorded and the current states of the timesheets they name, drops
 * duplicates (recorded before, or repeated within the batch), runs the
 * {@link StateMachine} on the rest in delivery order (each event sees the state the
 * events before it left) and says which rows to write. Pure: same inputs, same
 * {@link Plan}; the inputs are not modified.
 */
final class BatchApplier {

	private final StateMachine stateMachine = new StateMachine();

	/**
	 * What a batch changes.
	 *
	 * @param results every event's outcome, in delivery order
	 * @param states the state after the batch of every timesheet loaded or created, the
	 * loaded ones first in load order (unmodifiable)
	 * @param inserts the timesheets the batch created, to insert
	 * @param updates the loaded timesheets the batch changed, to update
	 * @param loadedVersions the version of every loaded timesheet, which an update
	 * expects to find
	 */
	record Plan(List<Result> results, Map<UUID, Timesheet> states, List<Timesheet> inserts, List<Timesheet> updates,
			Map<UUID, Long> loadedVersions) {
	}

	/**
	 * The batchIds of the events, to look up which of their eventIds are recorded.
	 * @param events the events
	 * @return the distinct batchIds in delivery order
	 */
	static Set<UUID> batchIds(List<ReceivedEvent> events) {
		Set<UUID> ids = new LinkedHashSet<>();
		events.forEach((received) -> ids.add(received.event().batchId()));
		return ids;
	}

	/**
	 * The timesheets a batch names, to load.
	 * @param events the batch
	 * @return the distinct timesheet ids in delivery order
	 */
	static Set<UUID> timesheetIds(List<ReceivedEvent> events) {
		Set<UUID> ids = new LinkedHashSet<>();
		events.forEach((received) -> ids.add(received.event().timesheetId()));
		return ids;
	}

	/**
	 * Decides the batch.
	 * @param events the batch in delivery order
	 * @param recorded the eventIds of the batch already recorded in the ledger
	 * @param current the current state of every existing timesheet the batch names
	 * @return the plan, never null
	 */
	Plan apply(List<ReceivedEvent> events, Set<UUID> recorded, Map<UUID, Timesheet> current) {
		Map<UUID, Timesheet> states = new LinkedHashMap<>(current);
		Map<UUID, Long> loadedVersions = new HashMap<>();
		current.forEach((id, timesheet) -> loadedVersions.put(id, timesheet.version()));

		List<Result> results = new ArrayList<>(events.size());
		Set<UUID> seen = new HashSet<>();
		Set<UUID> changed = new LinkedHashSet<>();
		for (ReceivedEvent received : events) {
			UUID eventId = received.event().eventId();
			if (recorded.contains(eventId) || !seen.add(eventId)) {
				results.add(new Result(received, Outcome.DUPLICATE, null));
				continue;
			}
			UUID timesheetId = received.event().timesheetId();
			Decision decision = this.stateMachine.decide(states.get(timesheetId), received.event());
			if (decision.outcome() == Outcome.APPLIED) {
				states.put(timesheetId, decision.next());
				changed.add(timesheetId);
			}
			results.add(new Result(received, decision.outcome(), decision.reason()));
		}

		List<Timesheet> inserts = new ArrayList<>();
		List<Timesheet> updates = new ArrayList<>();
		for (UUID id : changed) {
			(loadedVersions.containsKey(id) ? updates : inserts).add(states.get(id));
		}
		return new Plan(Collections.unmodifiableList(results), Collections.unmodifiableMap(states),
				Collections.unmodifiableList(inserts), Collections.unmodifiableList(updates),
				Collections.unmodifiableMap(loadedVersions));
	}

}
