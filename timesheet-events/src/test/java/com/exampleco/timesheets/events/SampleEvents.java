package com.exampleco.timesheets.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Events with every field set, and with only the required ones, for the tests. */
final class SampleEvents {

	static final UUID EVENT_ID = UUID.fromString("0b5f1f0e-8a1c-5d0e-9a55-1d2f3e4a5b6c");

	static final UUID TIMESHEET_ID = UUID.fromString("9a298b03-6ed7-5962-bb4b-3e3a0f40d8cf");

	static final UUID BATCH_ID = UUID.fromString("6e66aa77-100a-561d-99d1-44198aa1ebf3");

	static final Instant OCCURRED_AT = Instant.parse("2026-03-10T09:15:30.123Z");

	static final Actor EMPLOYEE = new Actor("ingest-web", "auth0|alice", "EMP-7");

	static final Actor MACHINE = Actor.client("uploader-client");

	/** A manager signed in to the web app: maria, E1002, managing E1001 and E1003. */
	static final Actor MANAGER = new Actor("timesheets-web", "maria", "E1002", List.of("E1003", "e1001"));

	private SampleEvents() {
	}

	static TimesheetEntry entry() {
		return new TimesheetEntry("ROW-42", "EMP-7", "PRJ.alpha-1", LocalDate.of(2026, 3, 9), new BigDecimal("7.50"),
				"Design review, \"phase 2\"\nand notes");
	}

	static TimesheetEntry entryWithoutNote() {
		return new TimesheetEntry("ROW-43", "EMP-7", "PRJ", LocalDate.of(2026, 3, 9), new BigDecimal("10.00"), null);
	}

	static TimesheetSubmitted submitted() {
		return new TimesheetSubmitted(EVENT_ID, TIMESHEET_ID, BATCH_ID, OCCURRED_AT, EMPLOYEE, 1, entry());
	}

	static TimesheetSubmitted submittedMinimal() {
		return new TimesheetSubmitted(EVENT_ID, TIMESHEET_ID, BATCH_ID, OCCURRED_AT, MACHINE, 1, entryWithoutNote());
	}

	static TimesheetApproved approved() {
		return new TimesheetApproved(EVENT_ID, TIMESHEET_ID, BATCH_ID, OCCURRED_AT, MANAGER, 1, "Looks right");
	}

	static TimesheetApproved approvedMinimal() {
		return new TimesheetApproved(EVENT_ID, TIMESHEET_ID, BATCH_ID, OCCURRED_AT, MACHINE, 1, null);
	}

	static TimesheetRejected rejected() {
		return new TimesheetRejected(EVENT_ID, TIMESHEET_ID, BATCH_ID, OCCURRED_AT, MANAGER, 1, "Wrong project");
	}

	static TimesheetRejected rejectedMinimal() {
		return new TimesheetRejected(EVENT_ID, TIMESHEET_ID, BATCH_ID, OCCURRED_AT, MACHINE, 1, null);
	}

	static TimesheetDeleted deleted() {
		return new TimesheetDeleted(EVENT_ID, TIMESHEET_ID, BATCH_ID, OCCURRED_AT, EMPLOYEE, 1);
	}

	static TimesheetDeleted deletedByMachine() {
		return new TimesheetDeleted(EVENT_ID, TIMESHEET_ID, BATCH_ID, OCCURRED_AT, MACHINE, 1);
	}

	/** One event of each type with every optional field set. */
	static List<TimesheetEvent> full() {
		return List.of(submitted(), approved(), rejected(), deleted());
	}

	/** One event of each type with the optional fields absent. */
	static List<TimesheetEvent> minimal() {
		return List.of(submittedMinimal(), approvedMinimal(), rejectedMinimal(), deletedByMachine());
	}

	/** Every sample. */
	static List<TimesheetEvent> all() {
		return List.of(submitted(), submittedMinimal(), approved(), approvedMinimal(), rejected(), rejectedMinimal(),
				deleted(), deletedByMachine());
	}

}
