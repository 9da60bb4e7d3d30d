package com.exampleco.timesheets.events;

import java.util.Objects;

/** Null and range checks shared by the event records' constructors. */
final class EventFields {

	private EventFields() {
	}

	static void check(Object eventId, Object timesheetId, Object batchId, Object occurredAt, Object actor,
			int schemaVersion) {
		Objects.requireNonNull(eventId, "eventId is required");
		Objects.requireNonNull(timesheetId, "timesheetId is required");
		Objects.requireNonNull(batchId, "batchId is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
		Objects.requireNonNull(actor, "actor is required");
		if (schemaVersion < 1) {
			throw new IllegalArgumentException("schemaVersion must be at least 1");
		}
	}

}
