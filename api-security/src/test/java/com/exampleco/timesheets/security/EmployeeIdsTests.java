package com.exampleco.timesheets.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmployeeIdsTests {

	@Test
	void canonicalFormIsUpperCase() {
		assertThat(EmployeeIds.canonical("e1001")).isEqualTo("E1001");
		assertThat(EmployeeIds.canonical("Team_a-7")).isEqualTo("TEAM_A-7");
		assertThat(EmployeeIds.canonical("E1001")).isEqualTo("E1001");
	}

	@Test
	void followsTheEntryRule() {
		assertThat(EmployeeIds.isValid("A".repeat(64))).isTrue();
		assertThat(EmployeeIds.isValid("A".repeat(65))).isFalse();
		assertThat(EmployeeIds.isValid("")).isFalse();
		assertThat(EmployeeIds.isValid(" E1")).isFalse();
		assertThat(EmployeeIds.isValid("ı1")).as("dotless i upper-cases to I").isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> EmployeeIds.canonical("E 1"));
	}

}
