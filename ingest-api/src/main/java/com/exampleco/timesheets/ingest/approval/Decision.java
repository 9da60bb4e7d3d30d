package com.exampleco.timesheets.ingest.approval;

/** What an approver decides about a timesheet. */
public enum Decision {

	/** The timesheet is approved. */
	APPROVED,

	/** The timesheet is rejected; the comment is the reason. */
	REJECTED

}
