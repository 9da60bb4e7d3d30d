package com.exampleco.timesheets.events;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who caused an event: the OAuth client and subject of the access token, and the employee
 * id when the token carries the employee claim (this is what lets the processor refuse
 * self-approval).
 *
 * @param clientId the token's client id (Auth0 {@code azp}), never blank
 * @param subject the token's {@code sub}, never blank
 * @param employeeId the employee the token acts for, or {@code null} for machine clients
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(String clientId, String subject, String employeeId) {

	public Actor {
		requireText(clientId, "clientId");
		requireText(subject, "subject");
		TextRules.requireSingleLine(clientId, "actor.clientId");
		TextRules.requireSingleLine(subject, "actor.subject");
		TextRules.requireSingleLine(employeeId, "actor.employeeId");
		if (employeeId != null && employeeId.isBlank()) {
			employeeId = null;
		}
	}

	/**
	 * A machine client acting for nobody in particular.
	 * @param clientId the client id
	 * @return the actor, with subject = client id and no employee
	 */
	public static Actor client(String clientId) {
		return new Actor(clientId, clientId, null);
	}

	static String requireText(String value, String name) {
		Objects.requireNonNull(value, name + " is required");
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

}
