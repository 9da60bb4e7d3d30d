package com.exampleco.timesheets.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.systemtests.harness.UploaderRun;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 1: files through the real uploader, then approvals, rejections and deletions
 * through the API, then the same files again.
 */
@Order(1)
@ExtendWith(SystemTestPipeline.class)
class HappyPathSystemTests {

	static final String PREFIX = "hp-";

	static final int ENTRIES = Integer.getInteger("systemtests.entries", 20000);

	static final int FILES = 4;

	static final int APPROVALS = 100;

	static final int REJECTIONS = 50;

	static final int DELETIONS = 50;

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	@Test
	@Order(1)
	void uploadApproveRejectDeleteThenUploadingTheSameFilesAgainChangesNothing() throws IOException {
		Path inbox = this.pipeline.logDirectory().resolveSibling("inbox-happy");
		List<Path> files = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		int perFile = ENTRIES / FILES;
		for (int f = 0; f < FILES; f++) {
			Path file = inbox.resolve("week-" + f + ".csv");
			int count = (f == FILES - 1) ? ENTRIES - perFile * f : perFile;
			ids.addAll(Entries.writeCsv(file, PREFIX, perFile * f, count));
			files.add(file);
		}
		List<String> contents = new ArrayList<>();
		for (Path file : files) {
			contents.add(Files.readString(file));
		}

		UploaderRun first = this.pipeline.runUploader(inbox, Duration.ofMinutes(6), "--await");
		assertThat(first.exitCode()).as(first.text()).isZero();
		Figures.acknowledged.addAll(ids);
		assertThat(first.text()).contains(FILES + " done, 0 failed");
		assertThat(this.ledger.timesheets(PREFIX)).isEqualTo(ENTRIES);
		assertThat(this.ledger.outcomes(PREFIX)).isEqualTo(Map.of("SUBMITTED/APPLIED", (long) ENTRIES));
		assertThat(this.ledger.doubled(PREFIX)).isZero();

		Set<UUID> timesheetIds = ids.stream().map(Entries::timesheetId).collect(Collectors.toSet());
		List<ConsumerRecord<String, byte[]>> records = Topic.recordsOf(this.pipeline.kafkaOperator(), timesheetIds);
		assertThat(records).hasSize(ENTRIES);
		assertThat(records.stream().map((r) -> Topic.header(r, "ce_id")).distinct()).hasSize(ENTRIES);

		// approvals, rejections and deletions through the ingest API, on
		// distinct timesheets of employees other than the approver (E1002)
		String approver = this.pipeline.accessToken(Pipeline.APPROVER);
		String admin = this.pipeline.accessToken(Pipeline.ADMIN);
		List<String> others = new ArrayList<>();
		for (int n = 0; others.size() < APPROVALS + REJECTIONS + DELETIONS; n++) {
			if (!Entries.employee(n).equals("E1002")) {
				others.add(Entries.externalId(PREFIX, n));
			}
		}
		for (int i = 0; i < others.size(); i++) {
			String url = this.pipeline.ingestUrl() + "/timesheets/" + Entries.timesheetId(others.get(i));
			Http.Answer answer;
			if (i < APPROVALS) {
				answer = Http.post(url + "/approval", approver, "application/json",
						"{\"decision\":\"APPROVED\",\"comment\":\"ok\"}");
			}
			else if (i < APPROVALS + REJECTIONS) {
				answer = Http.post(url + "/approval", approver, "application/json",
						"{\"decision\":\"REJECTED\",\"comment\":\"wrong project\"}");
			}
			else {
				answer = Http.delete(url, admin);
			}
			assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
		}
		// the approver's own timesheet (employee E1002): refused by the processor
		Http.Answer own = Http.post(this.pipeline.ingestUrl() + "/timesheets/"
				+ Entries.timesheetId(Entries.externalId(PREFIX, 0)) + "/approval", approver, "application/json",
				"{\"decision\":\"APPROVED\"}");
		assertThat(own.status()).as(own.toString()).isEqualTo(202);
		String ownBatch = own.json().get("batchId").asString();

		Map<String, Long> expected = Map.of("SUBMITTED", (long) ENTRIES - APPROVALS - REJECTIONS - DELETIONS,
				"APPROVED", (long) APPROVALS, "REJECTED", (long) REJECTIONS, "DELETED", (long) DELETIONS);
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(this.ledger.statuses(PREFIX)).isEqualTo(expected));
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			Http.Answer status = Http.get(this.pipeline.queryUrl() + "/batches/" + ownBatch + "?expectedEvents=1",
					this.pipeline.accessToken(Pipeline.CONTRACTOR));
			assertThat(status.status()).as(status.toString()).isEqualTo(200);
			assertThat(status.json().get("outcomes").get("REJECTED").asInt()).isEqualTo(1);
			assertThat(status.body()).contains("approver may not approve own timesheet");
		});
		Map<String, Long> outcomes = this.ledger.outcomes(PREFIX);
		assertThat(outcomes).isEqualTo(Map.of("SUBMITTED/APPLIED", (long) ENTRIES, "APPROVED/APPLIED", (long) APPROVALS,
				"REJECTED/APPLIED", (long) REJECTIONS, "DELETED/APPLIED", (long) DELETIONS, "APPROVED/REJECTED", 1L));
		long versions = this.ledger.versionSum(PREFIX);

		// the same files again, a later upload of the same bytes: a new intent (new
		// Idempotency-Keys, new event ids), so every submission is decided again — equal
		// content is UNCHANGED, a deleted timesheet stays deleted — and nothing changes
		for (int f = 0; f < FILES; f++) {
			Files.writeString(files.get(f), contents.get(f));
		}
		UploaderRun second = this.pipeline.runUploader(inbox, Duration.ofMinutes(6), "--await");
		// --await reports the deleted timesheets' submissions as rejected, hence exit 1
		assertThat(second.exitCode()).as(second.text()).isEqualTo(1);
		assertThat(second.text()).contains(FILES + " done, 0 failed")
			.contains(DELETIONS + " rejected: timesheet is deleted");
		Map<String, Long> decidedAgain = new java.util.HashMap<>(outcomes);
		decidedAgain.put("SUBMITTED/UNCHANGED", (long) ENTRIES - DELETIONS);
		decidedAgain.put("SUBMITTED/REJECTED", (long) DELETIONS);
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(this.ledger.outcomes(PREFIX)).isEqualTo(decidedAgain));
		assertThat(this.ledger.statuses(PREFIX)).isEqualTo(expected);
		assertThat(this.ledger.versionSum(PREFIX)).isEqualTo(versions);
		assertThat(this.ledger.doubled(PREFIX)).isZero();
		Set<String> inDb = new HashSet<>(this.ledger.externalIds(PREFIX));
		assertThat(inDb).containsExactlyInAnyOrderElementsOf(ids);
	}

}
