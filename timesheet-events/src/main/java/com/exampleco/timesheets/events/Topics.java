package com.exampleco.timesheets.events;

/** Kafka topic names of the pipeline; part of the public contract. */
public final class Topics {

	/** Timesheet events, keyed by timesheet id, UTF-8 JSON values. */
	public static final String TIMESHEET_EVENTS = "timesheet-events";

	/**
	 * Records of {@link #TIMESHEET_EVENTS} that could not be processed, with the failure
	 * in headers.
	 */
	public static final String TIMESHEET_EVENTS_DLT = "timesheet-events.DLT";

	/** Compacted topic of each timesheet's current state, keyed by timesheet id. */
	public static final String TIMESHEET_STATE = "timesheet-state";

	private Topics() {
	}

}
