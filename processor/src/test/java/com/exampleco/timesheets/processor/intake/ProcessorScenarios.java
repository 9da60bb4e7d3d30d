package com.exampleco.timesheets.processor.intake;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.TimesheetApproved;
import com.exampleco.timesheets.events.TimesheetDeleted;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.TimesheetRejected;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.processor.config.ProcessorProperties;
import com.exampleco.timesheets.testsupport.kafka.KafkaExtension;
import com.exampleco.timesheets.testsupport.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenarios that hold for every database: a real in-JVM broker, the real processor
 * context, events produced as the ingest API produces them (key = timesheet id,
 * CloudEvents headers). Each test uses its own timesheet and batch ids, so tests share
 * the database and topic without seeing each other's rows.
 */
@SpringBootTest(
		properties = { "timesheets.processor.concurrency=3", "timesheets.processor.retry.initial-interval=200ms",
				"timesheets.processor.retry.max-interval=2s", "spring.datasource.hikari.connection-timeout=2000",
				"spring.datasource.hikari.maximum-pool-size=4", "server.port=0" })
abstract class ProcessorScenarios {

	@RegisterExtension
	static final KafkaExtension kafka = new KafkaExtension();

	static final Duration PATIENCE = Duration.ofSeconds(60);

	static final TimesheetEventCodec codec = new TimesheetEventCodec();

	static final Actor UPLOADER = Actor.client("uploader-job");

	static final Actor APPROVER = new Actor("contractor-app", "auth0|approver", "emp-boss");

	private static KafkaTemplate<String, byte[]> producer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProcessorProperties properties;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
	}

	static synchronized KafkaTemplate<String, byte[]> producer() {
		if (producer == null) {
			Map<String, Object> config = new HashMap<>();
			config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
			config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
			config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
			producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
		}
		return producer;
	}

	@AfterAll
	static void closeProducer() {
		if (producer != null) {
			((DefaultKafkaProducerFactory<?, ?>) producer.getProducerFactory()).destroy();
			producer = null;
		}
	}

	// ---------------------------------------------------------------- scenarios

	@Test
	void batchOfSubmissionsBecomesRows() {
		UUID batch = UUID.randomUUID();
		List<TimesheetEvent> events = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			events.add(submission(batch, UUID.randomUUID(), "row-" + i, "8"));
		}

		send(events);

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, "APPLIED")).isEqualTo(50));
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM timesheets WHERE last_batch_id = ? AND status = 'SUBMITTED' AND version = 1",
				Long.class, batch))
			.isEqualTo(50);
		assertThat(outcomes(batch, null)).isEqualTo(50);
		assertThat(duplicates(batch)).isZero();
	}

	@Test
	void sameEventsDeliveredTwiceLeaveOneRowAndCountDuplicates() {
		UUID batch = UUID.randomUUID();
		List<TimesheetEvent> events = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			events.add(submission(batch, UUID.randomUUID(), "dup-" + i, "4.25"));
		}

		send(events);
		send(events);

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(duplicates(batch)).isEqualTo(10));
		assertThat(outcomes(batch, "APPLIED")).isEqualTo(10);
		assertThat(outcomes(batch, null)).isEqualTo(10);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM event_outcomes WHERE batch_id = ? AND outcome = ?",
				Long.class, batch, "DUPLICATE"))
			.isEqualTo(10);
		assertThat(this.jdbc.queryForObject("SELECT SUM(version) FROM timesheets WHERE last_batch_id = ?", Long.class,
				batch))
			.isEqualTo(10);
	}

	@Test
	void unchangedReuploadIsUnchanged() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		send(ids.stream().map((id) -> submission(first, id, "same-" + id, "7.5")).toList());
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(first, "APPLIED")).isEqualTo(3));

		// a re-upload of the same file without
		// Idempotency-Key: fresh eventIds, same content
		send(ids.stream().map((id) -> submission(second, id, "same-" + id, "7.50")).toList());

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(second, "UNCHANGED")).isEqualTo(3));
		assertThat(outcomes(second, null)).isEqualTo(3);
		for (UUID id : ids) {
			assertThat(
					this.jdbc.queryForObject("SELECT version FROM timesheets WHERE timesheet_id = ?", Long.class, id))
				.isEqualTo(1);
		}
	}

	@Test
	void changeAndChangeBackAreBothApplied() {
		UUID batch = UUID.randomUUID();
		UUID id = UUID.randomUUID();

		send(List.of(submission(batch, id, "flip", "8"), submission(batch, id, "flip", "6"),
				submission(batch, id, "flip", "8")));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, "APPLIED")).isEqualTo(3));
		assertThat(this.jdbc.queryForObject("SELECT version FROM timesheets WHERE timesheet_id = ?", Long.class, id))
			.isEqualTo(3);
		assertThat(
				this.jdbc.queryForObject("SELECT hours FROM timesheets WHERE timesheet_id = ?", BigDecimal.class, id))
			.isEqualByComparingTo("8");
	}

	@Test
	void eventsOfOneTimesheetApplyInOffsetOrder() {
		UUID batch = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		TimesheetSubmitted submitted = submission(batch, id, "ordered", "8");
		TimesheetApproved selfApproval = new TimesheetApproved(UUID.randomUUID(), id, batch, Instant.now(),
				new Actor("contractor-app", "auth0|emp-7", "emp-7"), 1, null);
		TimesheetApproved approval = new TimesheetApproved(UUID.randomUUID(), id, batch, Instant.now(), APPROVER, 1,
				"fine");
		TimesheetSubmitted resubmission = submission(batch, id, "ordered", "9");

		send(List.of(submitted, selfApproval, approval, resubmission));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, null)).isEqualTo(4));
		List<String> outcomes = this.jdbc.queryForList(
				"SELECT outcome || ':' || COALESCE(reason, '') FROM applied_events WHERE batch_id = ? ORDER BY kafka_offset",
				String.class, batch);
		assertThat(outcomes).containsExactly("APPLIED:", "REJECTED:approver may not approve own timesheet", "APPLIED:",
				"REJECTED:timesheet is approved; resubmission refused");
		assertThat(this.jdbc.queryForObject("SELECT status FROM timesheets WHERE timesheet_id = ?", String.class, id))
			.isEqualTo("APPROVED");
	}

	@Test
	void valuesArriveInTheDatabaseAsSent() {
		// on PostgreSQL these rows are written with COPY (text format): tabs, newlines,
		// backslashes, quotes and non-ASCII text must survive its escaping
		UUID batch = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		// ids allow no control character (TextRules); free text allows tab, CR and LF
		String externalId = "ext\\with all\\N kinds '\"of é € 😀";
		String note = "line 1\nline 2\t\\N \\. end\\\r\nlast";
		Instant occurredAt = Instant.parse("2025-03-03T08:00:00.123456Z");
		TimesheetSubmitted submitted = new TimesheetSubmitted(UUID.randomUUID(), id, batch, occurredAt, UPLOADER, 1,
				new TimesheetEntry(externalId, "emp-9", "PRJ-9.x", LocalDate.parse("2024-02-29"),
						new BigDecimal("7.25"), note));
		TimesheetApproved selfApproval = new TimesheetApproved(UUID.randomUUID(), id, batch, occurredAt,
				new Actor("contractor-app", "auth0|emp-9", "emp-9"), 1, "mine\tall mine");

		send(List.of(submitted, selfApproval));
		send(List.of(submitted));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(duplicates(batch)).isEqualTo(1));
		Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM timesheets WHERE timesheet_id = ?", id);
		assertThat(row.get("external_id")).isEqualTo(externalId);
		assertThat(row.get("note")).isEqualTo(note);
		// employee ids are stored in canonical form (upper case)
		assertThat(row.get("employee_id")).isEqualTo("EMP-9");
		assertThat(row.get("project_code")).isEqualTo("PRJ-9.x");
		assertThat(this.jdbc.queryForObject("SELECT work_date FROM timesheets WHERE timesheet_id = ?", LocalDate.class,
				id))
			.isEqualTo(LocalDate.parse("2024-02-29"));
		assertThat((BigDecimal) row.get("hours")).isEqualByComparingTo("7.25");
		assertThat(row.get("status")).isEqualTo("SUBMITTED");
		assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);
		assertThat(row.get("last_event_id")).isEqualTo(submitted.eventId());
		assertThat(row.get("last_batch_id")).isEqualTo(batch);
		assertThat(row.get("submitted_by")).isNotNull();
		assertThat(row.get("submitted_client")).isEqualTo("uploader-job");
		assertThat(row.get("approved_at")).isNull();
		assertThat(row.get("deleted_by")).isNull();
		assertThat(this.jdbc
			.queryForObject("SELECT submitted_at FROM timesheets WHERE timesheet_id = ?",
					java.time.OffsetDateTime.class, id)
			.toInstant()).isEqualTo(occurredAt);

		List<Map<String, Object>> outcomes = this.jdbc
			.queryForList("SELECT * FROM applied_events WHERE batch_id = ? ORDER BY kafka_offset", batch);
		assertThat(outcomes).hasSize(2);
		assertThat(outcomes.get(0).get("event_id")).isEqualTo(submitted.eventId());
		assertThat(outcomes.get(0).get("timesheet_id")).isEqualTo(id);
		assertThat(outcomes.get(0).get("event_type")).isEqualTo("SUBMITTED");
		assertThat(outcomes.get(0).get("outcome")).isEqualTo("APPLIED");
		assertThat(outcomes.get(0).get("reason")).isNull();
		assertThat(outcomes.get(0).get("kafka_topic")).isEqualTo(Topics.TIMESHEET_EVENTS);
		assertThat(outcomes.get(1).get("event_type")).isEqualTo("APPROVED");
		assertThat(outcomes.get(1).get("outcome")).isEqualTo("REJECTED");
		assertThat(outcomes.get(1).get("reason")).isEqualTo("approver may not approve own timesheet");
		assertThat(((Number) outcomes.get(1).get("kafka_offset")).longValue())
			.isGreaterThan(((Number) outcomes.get(0).get("kafka_offset")).longValue());
		assertThat(this.jdbc
			.queryForObject("SELECT occurred_at FROM applied_events WHERE event_id = ?", java.time.OffsetDateTime.class,
					submitted.eventId())
			.toInstant()).isEqualTo(occurredAt);
		assertThat(this.jdbc.queryForObject(
				"SELECT event_type || '/' || timesheet_id || '/' || kafka_topic FROM duplicate_events WHERE batch_id = ?",
				String.class, batch))
			.isEqualTo("SUBMITTED/" + id + "/" + Topics.TIMESHEET_EVENTS);
	}

	@Test
	void everyRecordedEventNamesTheClientThatSentIt() {
		// on PostgreSQL written with COPY, on H2 with batched INSERT: client_id is the
		// actor's client id whatever the outcome, duplicates included
		UUID batch = UUID.randomUUID();
		UUID approvedId = UUID.randomUUID();
		UUID deletedId = UUID.randomUUID();
		Actor cleaner = Actor.client("cleanup-job\\with \\N backslash");
		Actor selfApprover = new Actor("self-service", "auth0|emp-7", "emp-7");
		TimesheetSubmitted submitted = submission(batch, approvedId, "client-approved", "8");
		TimesheetApproved approved = new TimesheetApproved(UUID.randomUUID(), approvedId, batch, Instant.now(),
				APPROVER, 1, "fine");
		TimesheetSubmitted toDelete = submission(batch, deletedId, "client-deleted", "4");
		TimesheetApproved selfApproval = new TimesheetApproved(UUID.randomUUID(), deletedId, batch, Instant.now(),
				selfApprover, 1, null);
		TimesheetDeleted deleted = new TimesheetDeleted(UUID.randomUUID(), deletedId, batch, Instant.now(), cleaner, 1);

		send(List.of(submitted, approved, toDelete, selfApproval, deleted));
		send(List.of(approved));

		// the two timesheets may sit on different partitions, applied by different
		// consumers: wait for both, not only for the duplicate's
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(duplicates(batch)).isEqualTo(1);
			assertThat(outcomes(batch, null)).isEqualTo(5);
		});
		Map<UUID, String> recorded = new HashMap<>();
		this.jdbc.query("SELECT event_id, outcome || '/' || client_id FROM applied_events WHERE batch_id = ?",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> recorded.put(rs.getObject(1, UUID.class),
						rs.getString(2)),
				batch);
		assertThat(recorded).containsOnly(Map.entry(submitted.eventId(), "APPLIED/uploader-job"),
				Map.entry(approved.eventId(), "APPLIED/contractor-app"),
				Map.entry(toDelete.eventId(), "APPLIED/uploader-job"),
				Map.entry(selfApproval.eventId(), "REJECTED/self-service"),
				Map.entry(deleted.eventId(), "APPLIED/" + cleaner.clientId()));
		assertThat(this.jdbc.queryForObject(
				"SELECT event_id || '/' || client_id FROM duplicate_events WHERE batch_id = ?", String.class, batch))
			.isEqualTo(approved.eventId() + "/contractor-app");
		// and who acted: the actor's subject (a person's login for an app's events)
		assertThat(this.jdbc.queryForObject("SELECT actor_subject FROM applied_events WHERE event_id = ?", String.class,
				selfApproval.eventId()))
			.isEqualTo("auth0|emp-7");
		assertThat(this.jdbc.queryForObject("SELECT actor_subject FROM duplicate_events WHERE batch_id = ?",
				String.class, batch))
			.isEqualTo(APPROVER.subject());
	}

	@Test
	void poisonRecordGoesToDeadLetterTopicAndNextRecordIsApplied() {
		UUID batch = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		byte[] poison = ("{\"type\":\"TimesheetSubmitted\",\"schemaVersion\":1,\"marker\":\"" + UUID.randomUUID()
				+ "\"}")
			.getBytes(StandardCharsets.UTF_8);

		producer().send(new ProducerRecord<>(Topics.TIMESHEET_EVENTS, id.toString(), poison)).join();
		send(List.of(submission(batch, id, "after-poison", "3")));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, "APPLIED")).isEqualTo(1));
		await().atMost(PATIENCE).untilAsserted(() -> {
			List<ConsumerRecord<String, byte[]>> dead = ownDeadLetters(poison);
			assertThat(dead).hasSize(1);
			ConsumerRecord<String, byte[]> record = dead.get(0);
			assertThat(record.key()).isEqualTo(id.toString());
			assertThat(header(record, "kafka_dlt-exception-fqcn"))
				.isEqualTo("com.exampleco.timesheets.events.MalformedEventException");
			assertThat(header(record, "kafka_dlt-exception-message")).contains("does not conform to its schema");
			assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.TIMESHEET_EVENTS);
			assertThat(header(record, "kafka_dlt-original-offset")).isNotNull();
		});
	}

	@Test
	void dataExceptionMidBatchIsRecordedAndTheRestOfTheBatchIsAppliedOnce() {
		// the contract lets any printable external id by; a test-only change of
		// the schema makes the real database raise a data exception (class 22:
		// text that is no integer) for one marked row, as a value the database
		// cannot take would. The marker is new per run: every processor context of
		// the JVM reads every record of the shared topic into its own database.
		String marker = "refused-by-db-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		String product = this.jdbc
			.execute((org.springframework.jdbc.core.ConnectionCallback<String>) (connection) -> connection.getMetaData()
				.getDatabaseProductName());
		String failingCast = "CASE WHEN external_id LIKE '" + marker + "%' THEN CAST(SUBSTRING(external_id, 1, 7) "
				+ "AS INTEGER) ELSE 0 END";
		if ("PostgreSQL".equals(product)) {
			// PostgreSQL raises the cast's own 22P02 from a check constraint
			refuseRowsInTheDatabase(
					"ALTER TABLE timesheets ADD CONSTRAINT test_data_exception CHECK (" + failingCast + " = 0)",
					"ALTER TABLE timesheets DROP CONSTRAINT test_data_exception", marker, "22");
		}
		else {
			// H2 reports any failure inside a check constraint as 23513, but a generated
			// column's as what it is (22018)
			refuseRowsInTheDatabase("ALTER TABLE timesheets ADD COLUMN test_data_probe INTEGER GENERATED ALWAYS AS ("
					+ failingCast + ")", "ALTER TABLE timesheets DROP COLUMN test_data_probe", marker, "22");
		}
	}

	@Test
	void constraintViolationMidBatchIsRecordedAndTheRestOfTheBatchIsAppliedOnce() {
		String marker = "violates-check-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		refuseRowsInTheDatabase(
				"ALTER TABLE timesheets ADD CONSTRAINT test_check_violation CHECK (external_id NOT LIKE '" + marker
						+ "%')",
				"ALTER TABLE timesheets DROP CONSTRAINT test_check_violation", marker, "23");
	}

	/**
	 * Sends 20 submissions to one partition, the 11th with an external id starting with
	 * the marker, which a test-only change of the schema ({@code arm}, undone by
	 * {@code disarm}) makes the database refuse.
	 */
	private void refuseRowsInTheDatabase(String arm, String disarm, String marker, String sqlStateClass) {
		UUID batch = UUID.randomUUID();
		List<TimesheetSubmitted> events = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String externalId = (i == 10) ? marker + UUID.randomUUID() : "isolated-" + i;
			events.add(submission(batch, UUID.randomUUID(), externalId, "6"));
		}
		UUID refused = events.get(10).eventId();
		this.jdbc.execute(arm);
		try {
			// one partition, sent together: the marked record is
			// in the middle of a polled batch
			sendTogether(events, 0);

			await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, null)).isEqualTo(20));
		}
		finally {
			this.jdbc.execute(disarm);
		}
		assertThat(outcomes(batch, "APPLIED")).isEqualTo(19);
		assertThat(duplicates(batch)).isZero();
		Map<String, Object> outcome = this.jdbc.queryForMap(
				"SELECT outcome, reason, event_type, client_id FROM applied_events WHERE event_id = ?", refused);
		assertThat(outcome.get("outcome")).isEqualTo("REJECTED");
		// recorded on the savepoint path, which names the sender too
		assertThat(outcome.get("client_id")).isEqualTo(UPLOADER.clientId());
		assertThat((String) outcome.get("reason")).startsWith("database refused the event: SQLState " + sqlStateClass);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM timesheets WHERE timesheet_id = ?", Long.class,
				events.get(10).timesheetId()))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM timesheets WHERE last_batch_id = ? AND version = 1 AND status = 'SUBMITTED'",
				Long.class, batch))
			.isEqualTo(19);
	}

	@Test
	void approvalWithNulCommentGoesToDeadLetterTopicAndLaterEventsOfItsPartitionAreApplied() {
		UUID batch = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		RecordMetadata first = send(List.of(submission(batch, id, "nul-target", "8"))).get(0);
		// as an old ingest API wrote it: the contract
		// refuses NUL, so build the bytes by hand
		String approval = new String(codec.encode(new TimesheetApproved(UUID.randomUUID(), id, batch, Instant.now(),
				APPROVER, 1, "ok-" + UUID.randomUUID())), StandardCharsets.UTF_8);
		byte[] poison = approval.replace("\"comment\":\"ok-", "\"comment\":\"ok\\u0000-")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(new String(poison, StandardCharsets.UTF_8)).contains("\\u0000");
		producer().send(new ProducerRecord<>(Topics.TIMESHEET_EVENTS, first.partition(), id.toString(), poison)).join();

		UUID later = UUID.randomUUID();
		List<TimesheetSubmitted> events = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			events.add(submission(later, UUID.randomUUID(), "after-nul-" + i, "1.5"));
		}
		sendTogether(events, first.partition());

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(outcomes(later, "APPLIED")).isEqualTo(100));
		await().atMost(PATIENCE).untilAsserted(() -> {
			List<ConsumerRecord<String, byte[]>> dead = ownDeadLetters(poison);
			assertThat(dead).hasSize(1);
			assertThat(header(dead.get(0), "kafka_dlt-exception-fqcn"))
				.isEqualTo("com.exampleco.timesheets.events.MalformedEventException");
			assertThat(header(dead.get(0), "kafka_dlt-exception-message")).contains("comment");
		});
		assertThat(outcomes(batch, null)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT status FROM timesheets WHERE timesheet_id = ?", String.class, id))
			.isEqualTo("SUBMITTED");
	}

	@Test
	void staleApprovalIsRejectedAndApprovalOfTheCurrentVersionIsApplied() {
		UUID batch = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		TimesheetSubmitted submitted = submission(batch, id, "stale", "8");
		TimesheetSubmitted changed = submission(batch, id, "stale", "7");
		TimesheetApproved stale = new TimesheetApproved(UUID.randomUUID(), id, batch, Instant.now(), APPROVER, 1,
				"saw version 1", 1L);
		TimesheetRejected staleRejection = new TimesheetRejected(UUID.randomUUID(), id, batch, Instant.now(), APPROVER,
				1, "saw version 1", 1L);
		TimesheetApproved selfInOtherCase = new TimesheetApproved(UUID.randomUUID(), id, batch, Instant.now(),
				new Actor("contractor-app", "auth0|emp-7", "Emp-7"), 1, null, 2L);
		TimesheetApproved current = new TimesheetApproved(UUID.randomUUID(), id, batch, Instant.now(), APPROVER, 1,
				"saw version 2", 2L);

		send(List.of(submitted, changed, stale, staleRejection, selfInOtherCase, current));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, null)).isEqualTo(6));
		List<String> outcomes = this.jdbc.queryForList(
				"SELECT outcome || ':' || COALESCE(reason, '') FROM applied_events WHERE batch_id = ? ORDER BY kafka_offset",
				String.class, batch);
		assertThat(outcomes).containsExactly("APPLIED:", "APPLIED:",
				"REJECTED:stale: expected version 1, timesheet is at version 2",
				"REJECTED:stale: expected version 1, timesheet is at version 2",
				"REJECTED:approver may not approve own timesheet", "APPLIED:");
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT status, version, approval_comment, employee_id FROM timesheets WHERE timesheet_id = ?", id);
		assertThat(row.get("status")).isEqualTo("APPROVED");
		assertThat(((Number) row.get("version")).longValue()).isEqualTo(3);
		assertThat(row.get("approval_comment")).isEqualTo("saw version 2");
		assertThat(row.get("employee_id")).isEqualTo("EMP-7");
	}

	@Test
	void managersDecisionOutsideTheTeamIsRejectedWithTheReasonAndInsideTheTeamIsApplied() {
		UUID batch = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		Actor outsider = new Actor("timesheets-web", "olga", "EMP-2", List.of("EMP-8"));
		Actor manager = new Actor("timesheets-web", "maria", "EMP-1", List.of("emp-7"));
		TimesheetSubmitted submitted = submission(batch, id, "team", "8");
		TimesheetRejected rejectedByOutsider = new TimesheetRejected(UUID.randomUUID(), id, batch, Instant.now(),
				outsider, 1, "not mine to reject");
		TimesheetApproved approvedByOutsider = new TimesheetApproved(UUID.randomUUID(), id, batch, Instant.now(),
				outsider, 1, "not mine to approve");
		TimesheetApproved approvedByManager = new TimesheetApproved(UUID.randomUUID(), id, batch, Instant.now(),
				manager, 1, "my team");

		send(List.of(submitted, rejectedByOutsider, approvedByOutsider, approvedByManager));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(batch, null)).isEqualTo(4));
		List<String> outcomes = this.jdbc.queryForList(
				"SELECT outcome || ':' || COALESCE(reason, '') FROM applied_events WHERE batch_id = ? ORDER BY kafka_offset",
				String.class, batch);
		assertThat(outcomes).containsExactly("APPLIED:", "REJECTED:approver's team does not include EMP-7",
				"REJECTED:approver's team does not include EMP-7", "APPLIED:");
		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT status, approval_comment FROM timesheets WHERE timesheet_id = ?", id);
		assertThat(row.get("status")).isEqualTo("APPROVED");
		assertThat(row.get("approval_comment")).isEqualTo("my team");
	}

	// ---------------------------------------------------------------- helpers

	/**
	 * Sends the events to one partition without waiting between them, so that they travel
	 * in as few record batches as possible and are polled together.
	 */
	static void sendTogether(List<? extends TimesheetEvent> events, int partition) {
		List<java.util.concurrent.CompletableFuture<?>> sends = new ArrayList<>();
		for (TimesheetEvent event : events) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TIMESHEET_EVENTS, partition,
					event.timesheetId().toString(), codec.encode(event));
			CloudEventHeaders.of(event, "/timesheets/tests")
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			sends.add(producer().send(record));
		}
		producer().flush();
		sends.forEach(java.util.concurrent.CompletableFuture::join);
	}

	static TimesheetSubmitted submission(UUID batch, UUID timesheetId, String externalId, String hours) {
		TimesheetEntry entry = new TimesheetEntry(externalId, "emp-7", "PRJ-1", LocalDate.parse("2025-03-03"),
				new BigDecimal(hours), null);
		return new TimesheetSubmitted(UUID.randomUUID(), timesheetId, batch, Instant.now(), UPLOADER, 1, entry);
	}

	static List<RecordMetadata> send(List<? extends TimesheetEvent> events) {
		return send(producer(), events);
	}

	static List<RecordMetadata> send(KafkaTemplate<String, byte[]> producer, List<? extends TimesheetEvent> events) {
		List<RecordMetadata> sent = new ArrayList<>();
		for (TimesheetEvent event : events) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TIMESHEET_EVENTS,
					event.timesheetId().toString(), codec.encode(event));
			CloudEventHeaders.of(event, "/timesheets/tests")
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			sent.add(producer.send(record).join().getRecordMetadata());
		}
		return sent;
	}

	long outcomes(UUID batch, String outcome) {
		if (outcome == null) {
			return this.jdbc.queryForObject("SELECT COUNT(*) FROM applied_events WHERE batch_id = ?", Long.class,
					batch);
		}
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM applied_events WHERE batch_id = ? AND outcome = ?",
				Long.class, batch, outcome);
	}

	long duplicates(UUID batch) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM duplicate_events WHERE batch_id = ?", Long.class, batch);
	}

	static List<ConsumerRecord<String, byte[]>> deadLetters(byte[] value) {
		return deadLetters(kafka.bootstrapServers(), value);
	}

	static List<ConsumerRecord<String, byte[]>> deadLetters(String bootstrapServers, byte[] value) {
		return TopicReader.readUncommitted(bootstrapServers, Topics.TIMESHEET_EVENTS_DLT)
			.stream()
			.filter((record) -> value == null || java.util.Arrays.equals(record.value(), value))
			.toList();
	}

	/**
	 * The dead letters of this context's consumer group: every processor context of this
	 * JVM reads the shared topic with a group of its own and dead-letters the same poison
	 * record.
	 */
	List<ConsumerRecord<String, byte[]>> ownDeadLetters(byte[] value) {
		return deadLetters(value).stream()
			.filter((record) -> this.properties.groupId().equals(header(record, "kafka_dlt-original-consumer-group")))
			.toList();
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
