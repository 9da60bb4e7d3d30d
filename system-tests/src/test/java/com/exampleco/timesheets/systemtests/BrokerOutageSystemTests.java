package com.exampleco.timesheets.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.exampleco.timesheets.launcher.process.JavaProcess;
import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.systemtests.harness.UploaderRun;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 3: the broker is stopped for about 20 seconds while the uploader is sending a
 * file.
 */
@Order(3)
@ExtendWith(SystemTestPipeline.class)
class BrokerOutageSystemTests {

	static final String PREFIX = "bo-";

	static final int BATCH_SIZE = 25;

	static final int ENTRIES = 6000;

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	@Test
	void uploadSurvivesBrokerOutageWith503RetryAfterAndNothingLostOrPartial() throws Exception {
		Map<String, Object> bootstrap = this.pipeline.kafkaOperator();
		long dltBefore = Topic.endOffsets(bootstrap, Topic.DLT);
		Path inbox = this.pipeline.logDirectory().resolveSibling("inbox-broker");
		List<String> ids = Entries.writeCsv(inbox.resolve("broker.csv"), PREFIX, 0, ENTRIES);
		JavaProcess uploader = this.pipeline.startUploader(inbox, "--batch-size=" + BATCH_SIZE, "--concurrency=1",
				"--timesheets.uploader.backoff.max-delay=5s");
		// the upload is under way: some batches accepted, the job still running
		await().atMost(Duration.ofMinutes(2))
			.until(() -> Files.readString(uploader.log()).contains(" accepted (batch "));
		assertThat(uploader.isAlive()).as("the uploader must still be sending when the broker stops").isTrue();

		Instant down = Instant.now();
		this.pipeline.kafka().stop();
		Figures.faultsInjected.incrementAndGet();
		Http.Answer refused = Http.post(this.pipeline.ingestUrl() + "/timesheet-batches",
				this.pipeline.accessToken(Pipeline.UPLOADER), "application/json", Entries.jsonArray("bo-direct-", 0, 3),
				Map.of("Idempotency-Key", "bo-direct"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
		assertThat(refused.retryAfter()).isNotBlank();
		assertThat(refused.isProblem()).isTrue();
		Outage.holdUntil(down, Outage.LENGTH);
		assertThat(uploader.isAlive()).as("the uploader keeps retrying through the outage").isTrue();
		this.pipeline.kafka().start();

		UploaderRun run = this.pipeline.finished(uploader, uploader.awaitExit(Duration.ofMinutes(6)));
		assertThat(run.exitCode()).as(run.text()).isZero();
		assertThat(run.text()).contains("HTTP 503");
		Figures.acknowledged.addAll(ids);

		await().atMost(Duration.ofMinutes(3))
			.untilAsserted(() -> assertThat(this.ledger.timesheets(PREFIX)).isEqualTo(ENTRIES));
		assertThat(this.ledger.outcomes(PREFIX)).isEqualTo(Map.of("SUBMITTED/APPLIED", (long) ENTRIES));
		assertThat(this.ledger.doubled(PREFIX)).isZero();
		assertThat(this.ledger.externalIds(PREFIX)).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.ledger.timesheets("bo-direct-")).as("a 503 accepted nothing").isZero();

		// every committed batch is whole: BATCH_SIZE distinct events per batch id
		Set<UUID> keys = ids.stream().map(Entries::timesheetId).collect(Collectors.toSet());
		List<ConsumerRecord<String, byte[]>> records = Topic.recordsOf(bootstrap, keys);
		Map<String, Long> eventsPerBatch = records.stream()
			.collect(Collectors.groupingBy((r) -> JsonMapper.shared().readTree(r.value()).get("batchId").asString(),
					Collectors.mapping((r) -> Topic.header(r, "ce_id"),
							Collectors.collectingAndThen(Collectors.toSet(), (s) -> (long) s.size()))));
		assertThat(eventsPerBatch).hasSize(ENTRIES / BATCH_SIZE);
		assertThat(eventsPerBatch.values()).containsOnly((long) BATCH_SIZE);
		Set<UUID> directKeys = Set.of(Entries.timesheetId("bo-direct-0"), Entries.timesheetId("bo-direct-1"),
				Entries.timesheetId("bo-direct-2"));
		assertThat(Topic.recordsOf(bootstrap, directKeys)).as("nothing of the refused batch is visible").isEmpty();
		assertThat(Topic.endOffsets(bootstrap, Topic.DLT)).isEqualTo(dltBefore);
		Figures.faultsSurvived.incrementAndGet();
	}

}
