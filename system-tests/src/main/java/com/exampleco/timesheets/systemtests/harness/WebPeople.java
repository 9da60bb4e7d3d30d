package com.exampleco.timesheets.systemtests.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * People the harness registers at its auth server when the web app runs, beside the demo
 * people: their employee ids ({@code W…}) belong to nobody else, so what the browser
 * tests see in their lists is theirs alone, whatever the other scenarios uploaded for the
 * demo employees (E1001, E1002, … get thousands of entries there). Their passwords are
 * the demo people's (public, test only), stored as the same bcrypt hashes.
 *
 * @param login the login name (and the configuration key)
 * @param password the password in clear, for the browser
 * @param passwordHash the stored bcrypt hash of it
 * @param employeeId the employee id
 * @param team the employee ids a manager approves for, empty for others
 * @param permissions the API scopes the person may grant
 */
public record WebPeople(String login, String password, String passwordHash, String employeeId, List<String> team,
		List<String> permissions) {

	private static final String EMPLOYEE_PASSWORD = "employee-password";

	private static final String EMPLOYEE_HASH = "{bcrypt}$2a$10$g9WMaicyYVnsgY80PGBbde/DX5VNrbh9RBTVz3W7MKRf.4rvUe5Uu";

	private static final List<String> EMPLOYEE = List.of("read:timesheets", "create:timesheets");

	/** An employee in the manager's team. */
	public static final WebPeople EMPLOYEE_IN_TEAM = new WebPeople("web-emma", EMPLOYEE_PASSWORD, EMPLOYEE_HASH,
			"W1001", List.of(), EMPLOYEE);

	/** Another employee in the manager's team. */
	public static final WebPeople OTHER_EMPLOYEE_IN_TEAM = new WebPeople("web-eric", EMPLOYEE_PASSWORD, EMPLOYEE_HASH,
			"W1003", List.of(), EMPLOYEE);

	/** An employee outside the manager's team. */
	public static final WebPeople EMPLOYEE_OUTSIDE_TEAM = new WebPeople("web-olga", EMPLOYEE_PASSWORD, EMPLOYEE_HASH,
			"W1004", List.of(), EMPLOYEE);

	/** The manager of W1001 and W1003. */
	public static final WebPeople MANAGER = new WebPeople("web-maria", "manager-password",
			"{bcrypt}$2a$10$WzXwqvDZZZTK58EpIjGqm.UZacQ6RLyIkiQAp/OriWNppic8ciFGi", "W1002", List.of("W1001", "W1003"),
			List.of("read:timesheets", "create:timesheets", "approve:timesheets"));

	/** A contractor (also the contractor portal's user). */
	public static final WebPeople CONTRACTOR = new WebPeople("web-carla", "contractor-password",
			"{bcrypt}$2a$10$ErOPjvMGlEhOsDWJqiEWcO9gza/75zsf3cbssoKwnYakNQvwsE9f6", "WC2001", List.of(), EMPLOYEE);

	/** Everybody above. */
	public static final List<WebPeople> ALL = List.of(EMPLOYEE_IN_TEAM, OTHER_EMPLOYEE_IN_TEAM, EMPLOYEE_OUTSIDE_TEAM,
			MANAGER, CONTRACTOR);

	/**
	 * This person as the auth server's {@code timesheets.auth.users.<key>.*} arguments.
	 * @return the arguments
	 */
	List<String> authServerArguments() {
		String prefix = "--timesheets.auth.users." + this.login.replace("-", "") + ".";
		List<String> arguments = new ArrayList<>(List.of(prefix + "username=" + this.login,
				prefix + "password=" + this.passwordHash, prefix + "employee-id=" + this.employeeId,
				prefix + "permissions=" + String.join(",", this.permissions)));
		if (!this.team.isEmpty()) {
			arguments.add(prefix + "team=" + String.join(",", this.team));
		}
		return arguments;
	}

}
