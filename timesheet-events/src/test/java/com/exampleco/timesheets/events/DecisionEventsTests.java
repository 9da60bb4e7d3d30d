package com.exampleco.timesheets.events;

import org.junit.jupiter.api.Test;

import static com.exampleco.timesheets.events.SampleEvents.BATCH_ID;
import static com.exampleco.timesheets.events.SampleEvents.EMPLOYEE;
import static com.exampleco.timesheets.events.SampleEvents.EVENT_ID;
import static com.exampleco.timesheets.events.SampleEvents.OCCURRED_AT;
import static com.exampleco.timesheets.events.SampleEvents.TIMESHEET_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The rules the two decisions share ({@link TimesheetApproved},
 * {@link TimesheetRejected}): an expected version, when given, is at least 1, and the
 * text (comment, reason) is free text the contract accepts, its field named in the
 * refusal.
 */
class DecisionEventsTests {

	@Test
	void approvalAndRejectionRefuseAnExpectedVersionBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> approved("ok", 0L))
			.withMessage("expectedVersion must be at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> rejected("no", 0L))
			.withMessage("expectedVersion must be at least 1");
	}

	@Test
	void approvalAndRejectionAcceptNoOrAPositiveExpectedVersion() {
		assertThat(approved("ok", null).expectedVersion()).isNull();
		assertThat(approved("ok", 1L).expectedVersion()).isEqualTo(1L);
		assertThat(rejected("no", null).expectedVersion()).isNull();
		assertThat(rejected("no", 1L).expectedVersion()).isEqualTo(1L);
	}

	@Test
	void approvalAndRejectionRefuseTextTheContractCannotCarryNamingTheField() {
		assertThatIllegalArgumentException().isThrownBy(() -> approved("nul\u0000", null))
			.withMessageStartingWith("comment ");
		assertThatIllegalArgumentException().isThrownBy(() -> rejected("nul\u0000", null))
			.withMessageStartingWith("reason ");
	}

	private static TimesheetApproved approved(String comment, Long expectedVersion) {
		return new TimesheetApproved(EVENT_ID, TIMESHEET_ID, BATCH_ID, OCCURRED_AT, EMPLOYEE, 1, comment,
				expectedVersion);
	}

	private static TimesheetRejected rejected(String reason, Long expectedVersion) {
		return new TimesheetRejected(EVENT_ID, TIMESHEET_ID, BATCH_ID, OCCURRED_AT, EMPLOYEE, 1, reason,
				expectedVersion);
	}

}
