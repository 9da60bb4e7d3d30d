package com.exampleco.timesheets.events;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who caused an event: the OAuth client and subject of the access token, the employee id
 * when the token carries the employee claim (this is what lets the processor refuse
 * self-approval), and a manager's team when the token carries the team claim (this is
 * what lets the processor refuse a decision on a timesheet outside the team).
 *
 * @param clientId the token's client id (Auth0 {@code azp}), never blank
 * @param subject the token's {@code sub}, never blank
 * @param employeeId the employee the token acts for, or {@code null} for machine clients
 * @param team the employees the actor manages, canonical (upper case), sorted, without
 * duplicates, at most {@value #MAX_TEAM}; empty (never null) when the token named no
 * team, and then left out of the JSON, so an event written before the field existed reads
 * the same. Only an actor with an employee id has a team.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(String clientId, String subject, String employeeId,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> team) {

	/** The most members a team may list (the web APIs refuse tokens naming more). */
	public static final int MAX_TEAM = 1000;

	public Actor {
		requireText(clientId, "clientId");
		requireText(subject, "subject");
		TextRules.requireSingleLine(clientId, "actor.clientId");
		TextRules.requireSingleLine(subject, "actor.subject");
		TextRules.requireSingleLine(employeeId, "actor.employeeId");
		if (employeeId != null && employeeId.isBlank()) {
			employeeId = null;
		}
		team = canonicalTeam(team);
		if (!team.isEmpty() && employeeId == null) {
			throw new IllegalArgumentException("actor.team needs actor.employeeId: only an employee manages a team");
		}
	}

	/**
	 * An actor without a team.
	 * @param clientId the token's client id
	 * @param subject the token's subject
	 * @param employeeId the employee, or {@code null} for machine clients
	 */
	public Actor(String clientId, String subject, String employeeId) {
		this(clientId, subject, employeeId, List.of());
	}

	/**
	 * Whether the actor manages a team (its token carried the team claim).
	 * @return true when {@link #team()} is not empty
	 */
	public boolean hasTeam() {
		return !this.team.isEmpty();
	}

	/**
	 * Whether an employee is in the actor's team.
	 * @param employeeId an employee id, any case
	 * @return true when its canonical form is a member
	 */
	public boolean manages(String employeeId) {
		return employeeId != null && this.team.contains(EmployeeIds.canonical(employeeId));
	}

	private static List<String> canonicalTeam(List<String> team) {
		if (team == null || team.isEmpty()) {
			return List.of();
		}
		if (team.size() > MAX_TEAM) {
			throw new IllegalArgumentException("actor.team lists more than " + MAX_TEAM + " employees");
		}
		TreeSet<String> members = new TreeSet<>();
		for (String member : team) {
			if (!EmployeeIds.isValid(member)) {
				throw new IllegalArgumentException("actor.team: every member must be an employee id");
			}
			members.add(EmployeeIds.canonical(member));
		}
		return List.copyOf(members);
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
