package com.exampleco.timesheets.query;

import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The people rules of every route, on H2 (see {@link PeopleVisibilityScenarios}). */
@QueryWebTest
class PeopleVisibilityTests extends PeopleVisibilityScenarios {

	@Autowired
	MockMvc mvc;

	@BeforeAll
	static void rows() {
		insertRows(TestRows.h2());
	}

	@Override
	MockMvc mvc() {
		return this.mvc;
	}

}
