package com.exampleco.timesheets.launcher.kafka;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimesheetsAclsTests {

	private final List<AclBinding> bindings = TimesheetsAcls.defaults().bindings();

	@Test
	void allowsOnlyFromAnyHostAndNeverDenies() {
		assertThat(this.bindings).allSatisfy((binding) -> {
			assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
			assertThat(binding.entry().host()).isEqualTo("*");
			assertThat(binding.entry().operation()).isNotIn(AclOperation.ALL, AclOperation.ALTER, AclOperation.DELETE,
					AclOperation.ALTER_CONFIGS, AclOperation.CLUSTER_ACTION);
			assertThat(binding.pattern().resourceType()).isNotEqualTo(ResourceType.CLUSTER);
			assertThat(binding.pattern().name()).isNotEqualTo("*");
		});
	}

	@Test
	void analystReadsBothTopicsInItsGroupsAndNothingElse() {
		assertThat(grants(TimesheetsAcls.ANALYST)).containsExactlyInAnyOrder("TOPIC LITERAL timesheet-events READ",
				"TOPIC LITERAL timesheet-state READ", "GROUP PREFIXED analytics- READ");
	}

	@Test
	void ingestWritesItsTopicsInItsTransactionsOnly() {
		assertThat(grants(TimesheetsAcls.INGEST)).containsExactlyInAnyOrder("TOPIC LITERAL timesheet-events WRITE",
				"TOPIC LITERAL timesheet-events CREATE", "TOPIC LITERAL timesheet-idempotency-keys READ",
				"TOPIC LITERAL timesheet-idempotency-keys WRITE", "TOPIC LITERAL timesheet-idempotency-keys CREATE",
				"TRANSACTIONAL_ID PREFIXED ingest- WRITE");
	}

	@Test
	void processorReadsEventsInItsGroupAndWritesStateAndDeadLetters() {
		assertThat(new TimesheetsAcls("other-group").bindings()
			.stream()
			.filter((binding) -> binding.entry().principal().equals(TimesheetsAcls.PROCESSOR))
			.map(TimesheetsAclsTests::grant)
			.collect(Collectors.toSet())).containsExactlyInAnyOrder("TOPIC LITERAL timesheet-events READ",
					"TOPIC LITERAL timesheet-events CREATE", "TOPIC LITERAL timesheet-state WRITE",
					"TOPIC LITERAL timesheet-state CREATE", "TOPIC LITERAL timesheet-events.DLT WRITE",
					"TOPIC LITERAL timesheet-events.DLT CREATE", "GROUP LITERAL other-group READ");
	}

	@Test
	void onlyIngestMayWriteTheEventsTopic() {
		assertThat(this.bindings.stream()
			.filter((binding) -> binding.pattern().name().equals("timesheet-events")
					&& binding.entry().operation() == AclOperation.WRITE)
			.map((binding) -> binding.entry().principal())).containsExactly(TimesheetsAcls.INGEST);
	}

	@Test
	void grantsThreePrincipalsOnlyAndNamesPrefixesOnlyForTransactionsAndAnalystGroups() {
		assertThat(this.bindings.stream().map((binding) -> binding.entry().principal()).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(TimesheetsAcls.INGEST, TimesheetsAcls.PROCESSOR, TimesheetsAcls.ANALYST);
		assertThat(this.bindings.stream()
			.filter((binding) -> binding.pattern().patternType() == PatternType.PREFIXED)
			.map(TimesheetsAclsTests::grant))
			.containsExactlyInAnyOrder("TRANSACTIONAL_ID PREFIXED ingest- WRITE", "GROUP PREFIXED analytics- READ");
	}

	private Set<String> grants(String principal) {
		return this.bindings.stream()
			.filter((binding) -> binding.entry().principal().equals(principal))
			.map(TimesheetsAclsTests::grant)
			.collect(Collectors.toSet());
	}

	private static String grant(AclBinding binding) {
		return binding.pattern().resourceType() + " " + binding.pattern().patternType() + " " + binding.pattern().name()
				+ " " + binding.entry().operation();
	}

}
