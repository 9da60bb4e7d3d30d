package com.exampleco.timesheets.processor.ledger;

/**
 * What became of one delivered event. {@link #DUPLICATE} deliveries are stored in
 * {@code duplicate_events}, the others in {@code applied_events}.
 */
public enum Outcome {

	/** The event changed the timesheet. */
	APPLIED,

	/** A submission whose content equals the current state; nothing changed. */
	UNCHANGED,

	/** The eventId was already recorded; the delivery was dropped. */
	DUPLICATE,

	/** The event does not fit the timesheet's state; recorded with a reason. */
	REJECTED

}
