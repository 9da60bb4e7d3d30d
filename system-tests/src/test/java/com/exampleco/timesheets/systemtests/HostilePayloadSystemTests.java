package com.exampleco.timesheets.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.testsupport.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: text that PostgreSQL cannot store (NUL and other control characters) never
 * reaches it. The ingest API refuses it with 422 naming the field; the same bytes written
 * straight to the topic go to the dead-letter topic, and the partition moves on.
 */
@Order(8)
@ExtendWith(SystemTestPipeline.class)
class HostilePayloadSystemTests {

	static final String PREFIX = "hp-";

	/**
	 * Every hostile text carries it, so the database can be searched for any that got in.
	 */
	static final String MARKER = "hostile-" + UUID.randomUUID();

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	@Test
	@Order(1)
	void controlCharactersAreRefusedAtIngestNamingTheField() {
		String target = PREFIX + "target";
		Http.Answer created = Http.post(this.pipeline.ingestUrl() + "/timesheets",
				this.pipeline.accessToken(Pipeline.UPLOADER), "application/json", entry(target, "E2001", "ok"));
		assertThat(created.status()).as(created.toString()).isEqualTo(202);
		Figures.acknowledged.add(target);
		await().atMost(Duration.ofMinutes(1)).until(() -> this.ledger.timesheets(target) == 1);
		UUID timesheet = Entries.timesheetId(target);

		String approver = this.pipeline.accessToken(Pipeline.APPROVER);
		String uploader = this.pipeline.accessToken(Pipeline.UPLOADER);
		String approval = this.pipeline.ingestUrl() + "/timesheets/" + timesheet + "/approval";
		String batches = this.pipeline.ingestUrl() + "/timesheet-batches";
		record Probe(String name, String url, String token, String contentType, String body, String field) {
		}
		String nul = "\\u0000";
		List<Probe> probes = List.of(
				new Probe("approval comment with NUL", approval, approver, "application/json",
						"{\"decision\":\"APPROVED\",\"comment\":\"" + MARKER + nul + "\"}", "comment"),
				new Probe("rejection comment with NUL", approval, approver, "application/json",
						"{\"decision\":\"REJECTED\",\"comment\":\"" + MARKER + nul + "\"}", "comment"),
				new Probe("approval comment with U+001B", approval, approver, "application/json",
						"{\"decision\":\"APPROVED\",\"comment\":\"" + MARKER + "\\u001b[31m\"}", "comment"),
				new Probe("note with NUL", batches, uploader, "application/json",
						"[" + entry(PREFIX + "n1", "E2001", MARKER + nul) + "]", "note"),
				new Probe("note with a lone surrogate", batches, uploader, "application/json",
						"[" + entry(PREFIX + "n2", "E2001", MARKER + "\\ud800") + "]", "note"),
				new Probe("externalId with U+0001", batches, uploader, "application/json",
						"[" + entry(PREFIX + MARKER + "\\u0001", "E2001", "ok") + "]", "externalId"),
				new Probe("NDJSON note with NUL", batches, uploader, "application/x-ndjson",
						entry(PREFIX + "n3", "E2001", MARKER + nul) + "\n", "note"),
				new Probe("CSV note with NUL", batches, uploader, "text/csv",
						"external_id,employee_id,project_code,work_date,hours,note\n" + PREFIX
								+ "n4,E2001,HP,2026-03-02,1," + MARKER + "\u0000\n",
						"note"));
		List<String> wrong = new ArrayList<>();
		for (Probe probe : probes) {
			long offsets = Topic.endOffsets(this.pipeline.kafkaOperator(), Topic.EVENTS);
			Http.Answer answer = Http.post(probe.url(), probe.token(), probe.contentType(), probe.body());
			Figures.hostilePayloadsTried.incrementAndGet();
			boolean unchanged = Topic.endOffsets(this.pipeline.kafkaOperator(), Topic.EVENTS) == offsets;
			if (answer.status() == 422 && answer.isProblem() && answer.body().contains(probe.field()) && unchanged) {
				Figures.hostilePayloadsRefused.incrementAndGet();
			}
			else {
				wrong.add(probe.name() + " (expected 422 naming " + probe.field() + ", nothing published) -> " + answer
						+ ", unchanged=" + unchanged);
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	@Order(2)
	void aHostileEventOnTheTopicIsDeadLetteredAndItsPartitionMovesOn() throws Exception {
		Map<String, Object> bootstrap = this.pipeline.kafkaOperator();
		UUID target = Entries.timesheetId(PREFIX + "target");
		int dltBefore = TopicReader.readCommitted(bootstrap, Topic.DLT).size();
		String approved = "{\"type\":\"TimesheetApproved\",\"eventId\":\"" + UUID.randomUUID() + "\",\"timesheetId\":\""
				+ target + "\",\"batchId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now()
				+ "\",\"actor\":{\"clientId\":\"timesheets-approver\",\"subject\":\"timesheets-approver\"},"
				+ "\"schemaVersion\":1,\"comment\":\"" + MARKER + "\\u0000\"}";
		byte[] hostile = approved.getBytes(StandardCharsets.UTF_8);
		int partition;
		List<String> later = new ArrayList<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(withAcksAll(bootstrap),
				new StringSerializer(), new ByteArraySerializer())) {
			partition = producer.send(new ProducerRecord<>(Topic.EVENTS, target.toString(), hostile)).get().partition();
			int partitions = producer.partitionsFor(Topic.EVENTS).size();
			// 100 later entries whose records land on the same partition, behind it
			for (int n = 0; later.size() < 100; n++) {
				String externalId = PREFIX + "after-" + n;
				byte[] key = Entries.timesheetId(externalId).toString().getBytes(StandardCharsets.UTF_8);
				if (Utils.toPositive(Utils.murmur2(key)) % partitions == partition) {
					later.add(externalId);
				}
			}
		}
		Figures.faultsInjected.incrementAndGet();
		StringBuilder batch = new StringBuilder("[");
		for (String externalId : later) {
			batch.append((batch.length() > 1) ? "," : "").append(entry(externalId, "E2002", "after the hostile event"));
		}
		Http.Answer answer = Http.post(this.pipeline.ingestUrl() + "/timesheet-batches",
				this.pipeline.accessToken(Pipeline.UPLOADER), "application/json", batch.append(']').toString());
		assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
		Figures.acknowledged.addAll(later);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.ledger.timesheets(PREFIX + "after-")).isEqualTo(later.size()));
		assertThat(this.ledger.outcomes(PREFIX + "after-")).isEqualTo(Map.of("SUBMITTED/APPLIED", 100L));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(TopicReader.readCommitted(bootstrap, Topic.DLT)).hasSizeGreaterThan(dltBefore));
		List<ConsumerRecord<String, byte[]>> dead = TopicReader.readCommitted(bootstrap, Topic.DLT)
			.stream()
			.filter((r) -> target.toString().equals(r.key()))
			.toList();
		assertThat(dead).hasSize(1);
		assertThat(dead.get(0).value()).isEqualTo(hostile);
		assertThat(this.ledger.statuses(PREFIX + "target")).as("the hostile approval changed nothing")
			.isEqualTo(Map.of("SUBMITTED", 1L));
		Figures.faultsSurvived.incrementAndGet();
	}

	@Test
	@Order(3)
	void noHostileTextReachedTheDatabase() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("timesheets",
				"COALESCE(note, '') || COALESCE(approval_comment, '') || COALESCE(rejection_reason, '')"
						+ " || external_id");
		columns.put("applied_events", "COALESCE(reason, '')");
		long found = 0;
		for (Map.Entry<String, String> table : columns.entrySet()) {
			found += this.ledger.count(
					"SELECT COUNT(*) FROM " + table.getKey() + " WHERE " + table.getValue() + " LIKE ?",
					"%" + MARKER + "%");
		}
		Figures.hostilePayloadsInDatabase.set((int) found);
		assertThat(found).isZero();
	}

	private static String entry(String externalId, String employee, String note) {
		return "{\"externalId\":\"" + externalId + "\",\"employeeId\":\"" + employee
				+ "\",\"projectCode\":\"HP\",\"workDate\":\"2026-03-02\",\"hours\":1.5,\"note\":\"" + note + "\"}";
	}

	/** The operator's producer settings ({@code acks=all}): it may write any topic. */
	private static Map<String, Object> withAcksAll(Map<String, Object> operator) {
		Map<String, Object> config = new java.util.HashMap<>(operator);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		return config;
	}

}
