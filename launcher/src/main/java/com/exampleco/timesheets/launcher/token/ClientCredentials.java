package com.exampleco.timesheets.launcher.token;

/**
 * An OAuth 2.0 client of the auth server: its id and secret.
 *
 * @param id the client id
 * @param secret its secret
 */
public record ClientCredentials(String id, String secret) {

	/** The uploader ({@code create:timesheets}), as in {@code auth-server.yml}. */
	public static final ClientCredentials UPLOADER = new ClientCredentials("timesheets-uploader", "uploader-secret");

	/** The contractor app ({@code read:timesheets}). */
	public static final ClientCredentials CONTRACTOR = new ClientCredentials("contractor-app", "contractor-secret");

	/** The approver ({@code approve:timesheets read:timesheets}, employee E1002). */
	public static final ClientCredentials APPROVER = new ClientCredentials("timesheets-approver", "approver-secret");

	/** The admin (all four scopes, as Auth0 {@code permissions}). */
	public static final ClientCredentials ADMIN = new ClientCredentials("timesheets-admin", "admin-secret");

	/** An employee ({@code read:timesheets}, employee E1001: own timesheets only). */
	public static final ClientCredentials EMPLOYEE_E1001 = new ClientCredentials("employee-e1001", "employee-secret");

	@Override
	public String toString() {
		// never the secret in logs or messages
		return "ClientCredentials[id=" + this.id + "]";
	}

}
