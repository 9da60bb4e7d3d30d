package com.exampleco.timesheets.security;

import java.util.Objects;
import java.util.Optional;

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
 */
public record Caller(String clientId, String subject, Optional<String> employeeId) {

	/**
	 * Validates and canonicalizes: an employee id that is present is brought to its
	 * canonical form.
	 * @throws IllegalArgumentException when the employee id is not an employee id
	 */
	public Caller {
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(employeeId, "employeeId");
		employeeId.filter((id) -> !EmployeeIds.isValid(id)).ifPresent((id) -> {
			throw new IllegalArgumentException("not an employee id: 1 to 64 of A-Z a-z 0-9 _ -");
		});
		employeeId = employeeId.map(EmployeeIds::canonical);
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
