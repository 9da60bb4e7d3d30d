package com.exampleco.timesheets.events;

import java.util.Objects;

/**
 * Null, range and text checks shared by the event records' constructors, so that a rule
 * common to several events is written once.
 */
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

	/**
	 * The fields a decision ({@link TimesheetApproved}, {@link TimesheetRejected}) adds:
	 * its optional free text and the optional version the approver saw.
	 * @param text the comment or reason, may be null
	 * @param textField the name of the text field, for the message
	 * @param expectedVersion the expected version, may be null
	 * @throws IllegalArgumentException when the text breaks {@link TextRules} or the
	 * version is below 1
	 */
	static void checkDecision(String text, String textField, Long expectedVersion) {
		TextRules.requireFreeText(text, textField);
		if (expectedVersion != null && expectedVersion < 1) {
			throw new IllegalArgumentException("expectedVersion must be at least 1");
		}
	}

}
