package com.exampleco.timesheets.launcher.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.launcher.token.ClientCredentials;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The pipeline's Kafka ACLs (the broker denies everything else, {@link BrokerSecurity}),
 * created with the broker's Admin API by its super user; creating them again changes
 * nothing (Kafka ignores a binding that exists), so this runs at every start.
 * <ul>
 * <li>{@value #INGEST}: writes {@code timesheet-events} and its
 * {@value #IDEMPOTENCY_KEYS_TOPIC} (which it also reads back, without a group), in
 * transactions whose ids start with {@value #INGEST_TRANSACTIONAL_ID_PREFIX}.</li>
 * <li>{@value #PROCESSOR}: reads {@code timesheet-events} in its group, writes
 * {@code timesheet-state} and {@code timesheet-events.DLT} (idempotent, not
 * transactional: no transactional id).</li>
 * <li>{@value #ANALYST}: reads {@code timesheet-events} and {@code timesheet-state} in
 * groups named {@value #ANALYST_GROUP_PREFIX}{@code *}; nothing else (no writes, no DLT,
 * no other group).</li>
 * </ul>
 * Topics: each service creates the topics it declares (with its configured partitions and
 * settings, as without security), so each may CREATE exactly those topics by their
 * literal names; nobody may create any other topic, alter or delete one.
 *
 * @param processorGroup the processor's consumer group
 */
public record TimesheetsAcls(String processorGroup) {

	/** The ingest API's principal. */
	public static final String INGEST = "User:kafka-ingest-api";

	/** The processor's principal. */
	public static final String PROCESSOR = "User:kafka-processor";

	/** The demo analyst's principal. */
	public static final String ANALYST = "User:kafka-analyst";

	/**
	 * The ingest API's accepted {@code Idempotency-Key}s (its {@code KeyLedger.TOPIC}).
	 */
	public static final String IDEMPOTENCY_KEYS_TOPIC = "timesheet-idempotency-keys";

	/** How the ingest API's transactional ids start ({@code ingest-<uuid>-<n>}). */
	public static final String INGEST_TRANSACTIONAL_ID_PREFIX = "ingest-";

	/** The processor's consumer group unless configured otherwise. */
	public static final String PROCESSOR_GROUP = "timesheet-processor";

	/** How analysts' consumer groups must start. */
	public static final String ANALYST_GROUP_PREFIX = "analytics-";

	/**
	 * The ACLs for the processor's default group.
	 * @return the ACLs
	 */
	public static TimesheetsAcls defaults() {
		return new TimesheetsAcls(PROCESSOR_GROUP);
	}

	/**
	 * Every binding, each allowing one operation to one principal from any host.
	 * @return the bindings, never null
	 */
	public List<AclBinding> bindings() {
		List<AclBinding> bindings = new ArrayList<>();
		topic(bindings, INGEST, Topics.TIMESHEET_EVENTS, AclOperation.WRITE, AclOperation.CREATE);
		topic(bindings, INGEST, IDEMPOTENCY_KEYS_TOPIC, AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE);
		bindings.add(allow(INGEST, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, INGEST_TRANSACTIONAL_ID_PREFIX,
				PatternType.PREFIXED), AclOperation.WRITE));
		topic(bindings, PROCESSOR, Topics.TIMESHEET_EVENTS, AclOperation.READ, AclOperation.CREATE);
		topic(bindings, PROCESSOR, Topics.TIMESHEET_STATE, AclOperation.WRITE, AclOperation.CREATE);
		topic(bindings, PROCESSOR, Topics.TIMESHEET_EVENTS_DLT, AclOperation.WRITE, AclOperation.CREATE);
		bindings.add(allow(PROCESSOR, new ResourcePattern(ResourceType.GROUP, this.processorGroup, PatternType.LITERAL),
				AclOperation.READ));
		topic(bindings, ANALYST, Topics.TIMESHEET_EVENTS, AclOperation.READ);
		topic(bindings, ANALYST, Topics.TIMESHEET_STATE, AclOperation.READ);
		bindings.add(allow(ANALYST, new ResourcePattern(ResourceType.GROUP, ANALYST_GROUP_PREFIX, PatternType.PREFIXED),
				AclOperation.READ));
		return bindings;
	}

	/**
	 * Creates the bindings (idempotent).
	 * @param admin an Admin client of a super user
	 * @param timeout how long the broker may take
	 * @throws IllegalStateException when the broker refuses or does not answer in time
	 */
	public void applyTo(Admin admin, Duration timeout) {
		try {
			admin.createAcls(bindings()).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while creating the ACLs", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("the broker did not create the ACLs: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Creates the bindings (idempotent) with an Admin client of its own.
	 * @param superUser the properties of a super user's client (bootstrap servers
	 * included), e.g. {@link KafkaClientSecurity#properties(String)} of
	 * {@code kafka-admin}
	 * @param timeout how long the broker may take
	 * @throws IllegalStateException when the broker refuses or does not answer in time
	 */
	public void applyAs(Map<String, Object> superUser, Duration timeout) {
		try (Admin admin = Admin.create(superUser)) {
			applyTo(admin, timeout);
		}
	}

	/**
	 * Creates the ACLs on a secured broker as its super user: {@code java -cp <launcher
	 * class path> com.exampleco.timesheets.launcher.kafka.TimesheetsAcls
	 * <bootstrap servers> <token endpoint> [processor group]}, the super user's client id
	 * and secret in {@code TIMESHEETS_KAFKA_ADMIN_CLIENT_ID} (default
	 * {@code kafka-admin}) and {@code TIMESHEETS_KAFKA_ADMIN_CLIENT_SECRET}.
	 * @param args bootstrap servers, token endpoint, optionally the processor's group
	 */
	public static void main(String[] args) {
		String secret = System.getenv("TIMESHEETS_KAFKA_ADMIN_CLIENT_SECRET");
		if (args.length < 2 || secret == null) {
			System.err.println("usage: TimesheetsAcls <bootstrap servers> <token endpoint> [processor group]"
					+ " (secret in TIMESHEETS_KAFKA_ADMIN_CLIENT_SECRET)");
			System.exit(2);
		}
		String id = System.getenv().getOrDefault("TIMESHEETS_KAFKA_ADMIN_CLIENT_ID", "kafka-admin");
		TimesheetsAcls acls = new TimesheetsAcls((args.length > 2) ? args[2] : PROCESSOR_GROUP);
		KafkaClientSecurity.allowInThisJvm(args[1]);
		acls.applyAs(new KafkaClientSecurity(args[1], new ClientCredentials(id, secret)).properties(args[0]),
				Duration.ofMinutes(1));
		acls.bindings().forEach(System.out::println);
	}

	private static void topic(List<AclBinding> bindings, String principal, String topic, AclOperation... operations) {
		for (AclOperation operation : operations) {
			bindings
				.add(allow(principal, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), operation));
		}
	}

	private static AclBinding allow(String principal, ResourcePattern resource, AclOperation operation) {
		return new AclBinding(resource, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
	}

}
