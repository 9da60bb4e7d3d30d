package com.exampleco.timesheets.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmployeeIdsTests {

	@ParameterizedTest
	@CsvSource({ "e1001, E1001", "E1001, E1001", "emp_7-a, EMP_7-A", "Ab-Cd, AB-CD", "0123, 0123", "émp-ä, éMP-ä",
			"straße, STRAßE", "i, I" })
	void canonicalFormUpperCasesAsciiLettersOnly(String id, String canonical) {
		assertThat(EmployeeIds.canonical(id)).isEqualTo(canonical);
		assertThat(EmployeeIds.canonical(canonical)).as("idempotent").isEqualTo(canonical);
		assertThat(EmployeeIds.canonical(id)).hasSameSizeAs(id);
	}

	@Test
	void canonicalFormOfNullIsNull() {
		assertThat(EmployeeIds.canonical(null)).isNull();
	}

	@Test
	void sameIgnoresAsciiCaseOnly() {
		assertThat(EmployeeIds.same("e1001", "E1001")).isTrue();
		assertThat(EmployeeIds.same("E1001", "E1001")).isTrue();
		assertThat(EmployeeIds.same("E1001", "E1002")).isFalse();
		assertThat(EmployeeIds.same(null, "E1001")).isFalse();
		assertThat(EmployeeIds.same("E1001", null)).isFalse();
		assertThat(EmployeeIds.same(null, null)).isFalse();
	}

	@Test
	void isValidFollowsTheEmployeeIdRule() {
		assertThat(EmployeeIds.isValid("E1001")).isTrue();
		assertThat(EmployeeIds.isValid("emp_7-a")).isTrue();
		assertThat(EmployeeIds.isValid("A".repeat(64))).isTrue();
		assertThat(EmployeeIds.isValid("A".repeat(65))).isFalse();
		assertThat(EmployeeIds.isValid("")).isFalse();
		assertThat(EmployeeIds.isValid(null)).isFalse();
		assertThat(EmployeeIds.isValid(" E1")).isFalse();
		assertThat(EmployeeIds.isValid("E 1")).isFalse();
		assertThat(EmployeeIds.isValid("ı1")).as("dotless i, which upper-cases to I").isFalse();
	}

}
