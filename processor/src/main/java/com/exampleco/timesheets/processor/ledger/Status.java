package com.exampleco.timesheets.processor.ledger;

/** The status of a timesheet, stored in {@code timesheets.status}. */
public enum Status {

	/** Submitted or resubmitted, waiting for a decision. */
	SUBMITTED,

	/** Approved; content is frozen. */
	APPROVED,

	/** Rejected; may be resubmitted with changed content. */
	REJECTED,

	/** Deleted; final, later events are rejected. */
	DELETED

}
