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

	/** The ingest API's Kafka client (principal {@code User:kafka-ingest-api}). */
	public static final ClientCredentials KAFKA_INGEST = new ClientCredentials("kafka-ingest-api",
			"kafka-ingest-api-secret");

	/** The processor's Kafka client (principal {@code User:kafka-processor}). */
	public static final ClientCredentials KAFKA_PROCESSOR = new ClientCredentials("kafka-processor",
			"kafka-processor-secret");

	/** The demo analyst's Kafka client (principal {@code User:kafka-analyst}). */
	public static final ClientCredentials KAFKA_ANALYST = new ClientCredentials("kafka-analyst",
			"kafka-analyst-secret");

	/** The broker's super user (principal {@code User:kafka-admin}): creates the ACLs. */
	public static final ClientCredentials KAFKA_ADMIN = new ClientCredentials("kafka-admin", "kafka-admin-secret");

	/** Switches clients on and off at the auth server ({@code admin:clients}). */
	public static final ClientCredentials CLIENT_ADMIN = new ClientCredentials("timesheets-client-admin",
			"client-admin-secret");

	@Override
	public String toString() {
		// never the secret in logs or messages
		return "ClientCredentials[id=" + this.id + "]";
	}

}
