package com.exampleco.timesheets.security;

import java.util.Objects;
import java.util.Optional;

/**
 * Who made a request, as far as the access token says. Apps record it as the actor of
 * events and use {@link #employeeId()} for object-level authorization (an employee-bound
 * token sees only that employee's data).
 *
 * @param clientId the OAuth client that obtained the token: {@code azp}, else
 * {@code client_id}, else {@code sub}; never null
 * @param subject the token's {@code sub}; never null
 * @param employeeId the value of the configured employee claim, empty when the token has
 * none (e.g. a machine client); never null
 */
public record Caller(String clientId, String subject, Optional<String> employeeId) {

	public Caller {
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(employeeId, "employeeId");
	}

	/**
	 * Whether the token is bound to an employee.
	 * @return true when {@link #employeeId()} is present
	 */
	public boolean isEmployee() {
		return this.employeeId.isPresent();
	}

}
