package com.exampleco.timesheets.ingest.batch;

import java.util.ArrayList;
import java.util.List;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.EmployeeIds;
import com.exampleco.timesheets.events.entry.SourcedEntry;
import com.exampleco.timesheets.events.entry.Violation;

/**
 * A token bound to an employee (a person signed in, or a client configured for one
 * employee) creates entries for that employee only: an entry naming anyone else is a
 * problem of its {@code employeeId} field. A machine client (no employee) may name any
 * employee, as before. Being a manager changes nothing here: a manager's team is for
 * reading and deciding, not for writing others' timesheets.
 */
final class OwnEntriesRule {

	static final String FIELD = "employeeId";

	private OwnEntriesRule() {
	}

	/**
	 * The entries an actor may not create.
	 * @param actor who uploads
	 * @param entries the entries as read, in batch order
	 * @return one violation per entry naming another employee (by index, line and field),
	 * empty for a machine client; entries whose employee id is not an id at all are left
	 * to the entry rules
	 */
	static List<Violation> check(Actor actor, List<SourcedEntry> entries) {
		String own = actor.employeeId();
		if (own == null) {
			return List.of();
		}
		List<Violation> violations = new ArrayList<>();
		for (SourcedEntry entry : entries) {
			String named = entry.raw().employeeId();
			if (named != null && EmployeeIds.isValid(named.strip()) && !EmployeeIds.same(named.strip(), own)) {
				violations.add(new Violation(entry.index(), entry.line(), FIELD,
						"your token may create entries for its own employee id (" + EmployeeIds.canonical(own)
								+ ") only"));
			}
		}
		return violations;
	}

}
