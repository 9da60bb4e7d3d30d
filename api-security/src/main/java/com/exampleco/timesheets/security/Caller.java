package com.exampleco.timesheets.security;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import com.exampleco.timesheets.events.EmployeeIds;

/**
 * Who made a request, as far as the access token says. Apps record it as the actor of
 * events and use {@link #employeeId()} for object-level authorization (an employee-bound
 * token sees only that employee's data).
 * <p>
 * A caller is one of two {@link Kind kinds}, decided by {@link CallerResolver} and the
 * decoder's identity check, never guessed: an {@link Kind#EMPLOYEE employee} when the
 * token carries a valid employee claim, a {@link Kind#MACHINE machine client} when it has
 * none and is a client-credentials token. Any other token is refused (401) before a
 * {@code Caller} exists.
 *
 * @param clientId the OAuth client that obtained the token: {@code azp}, else
 * {@code client_id}, else {@code sub}; never null
 * @param subject the token's {@code sub}; never null
 * @param employeeId the employee the token acts for, in canonical (upper-case) form, see
 * {@link EmployeeIds}; empty for a machine client; never null
 * @param team the employees a manager's token names in its team claim, canonical, sorted,
 * without duplicates, unmodifiable; empty for everyone else; never null. Only an
 * {@link Kind#EMPLOYEE employee} has a team.
 */
public record Caller(String clientId, String subject, Optional<String> employeeId, Set<String> team) {

	/**
	 * Validates and canonicalizes: an employee id that is present, and every team member,
	 * are brought to their canonical form.
	 * @throws IllegalArgumentException when the employee id or a team member is not an
	 * employee id, or a team is given without an employee id
	 */
	public Caller {
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(employeeId, "employeeId");
		Objects.requireNonNull(team, "team");
		employeeId.filter((id) -> !EmployeeIds.isValid(id)).ifPresent((id) -> {
			throw new IllegalArgumentException("not an employee id: 1 to 64 of A-Z a-z 0-9 _ -");
		});
		employeeId = employeeId.map(EmployeeIds::canonical);
		if (!team.isEmpty() && employeeId.isEmpty()) {
			throw new IllegalArgumentException("only an employee has a team");
		}
		SortedSet<String> members = new TreeSet<>();
		for (String member : team) {
			if (member == null || !EmployeeIds.isValid(member)) {
				throw new IllegalArgumentException("team member not an employee id: 1 to 64 of A-Z a-z 0-9 _ -");
			}
			members.add(EmployeeIds.canonical(member));
		}
		team = Collections.unmodifiableSortedSet(members);
	}

	/**
	 * A caller without a team (a machine client, or an employee who manages nobody).
	 * @param clientId the OAuth client
	 * @param subject the token's {@code sub}
	 * @param employeeId the employee, empty for a machine client
	 */
	public Caller(String clientId, String subject, Optional<String> employeeId) {
		this(clientId, subject, employeeId, Set.of());
	}

	/**
	 * Whether this caller may see an employee's data as a person: it is the caller's own
	 * employee id or one of the caller's team. Always false for a machine client (whose
	 * rule is the app's own).
	 * @param employeeId an employee id, any case
	 * @return true when it is the caller's own or a team member's, compared in canonical
	 * form
	 */
	public boolean isOwnOrTeam(String employeeId) {
		if (this.employeeId.isEmpty() || employeeId == null) {
			return false;
		}
		String canonical = EmployeeIds.canonical(employeeId);
		return this.employeeId.get().equals(canonical) || this.team.contains(canonical);
	}

	/**
	 * The employees whose data an employee caller sees: its own id and its team's.
	 * @return own id and team, canonical and sorted; empty for a machine client
	 */
	public Set<String> ownAndTeam() {
		if (this.employeeId.isEmpty()) {
			return Set.of();
		}
		SortedSet<String> all = new TreeSet<>(this.team);
		all.add(this.employeeId.get());
		return Collections.unmodifiableSortedSet(all);
	}

	/**
	 * What kind of caller this is.
	 * @return {@link Kind#EMPLOYEE} when an employee id is present, else
	 * {@link Kind#MACHINE}
	 */
	public Kind kind() {
		return this.employeeId.isPresent() ? Kind.EMPLOYEE : Kind.MACHINE;
	}

	/**
	 * Whether the token is bound to an employee.
	 * @return true when {@link #employeeId()} is present
	 */
	public boolean isEmployee() {
		return kind() == Kind.EMPLOYEE;
	}

	/**
	 * Whether the token is a machine client's (client-credentials grant, no employee).
	 * @return true when {@link #employeeId()} is empty
	 */
	public boolean isMachine() {
		return kind() == Kind.MACHINE;
	}

	/** The two kinds of caller. */
	public enum Kind {

		/**
		 * A token that carries a valid employee claim: it acts for that one employee (a
		 * person signed in, or a client configured to act for an employee).
		 */
		EMPLOYEE,

		/**
		 * A client-credentials token without an employee claim: the client acts for
		 * itself (the uploader, the contractor app's back end).
		 */
		MACHINE

	}

}
