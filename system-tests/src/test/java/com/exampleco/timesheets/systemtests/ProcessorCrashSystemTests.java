package com.exampleco.timesheets.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 2: one of the two processors is killed with SIGKILL in the middle of a stream
 * of batches and started again later.
 */
@Order(2)
@ExtendWith(SystemTestPipeline.class)
class ProcessorCrashSystemTests {

	static final String PREFIX = "k9-";

	static final int BATCHES = 20;

	static final int BATCH_SIZE = Math.max(50, HappyPathSystemTests.ENTRIES / 100);

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	@Test
	void killedProcessorLosesAndDoublesNothingAndTheOtherTakesOverItsPartitions() throws Exception {
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(ConsumerGroup.partitionsByInstance(this.pipeline.kafkaOperator()))
				.containsOnlyKeys("processor-1", "processor-2"));
		String token = this.pipeline.accessToken(Pipeline.UPLOADER);
		List<String> acknowledged = new ArrayList<>();
		for (int b = 0; b < BATCHES; b++) {
			Http.Answer answer = Http.post(this.pipeline.ingestUrl() + "/timesheet-batches", token, "application/json",
					Entries.jsonArray(PREFIX, b * BATCH_SIZE, BATCH_SIZE), Map.of("Idempotency-Key", "k9-batch-" + b));
			assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
			for (int n = b * BATCH_SIZE; n < (b + 1) * BATCH_SIZE; n++) {
				acknowledged.add(Entries.externalId(PREFIX, n));
			}
			if (b == 4) {
				// mid-stream: some of it applied, most of it still to come
				await().atMost(Duration.ofMinutes(1)).until(() -> this.ledger.timesheets(PREFIX) > 0);
				this.pipeline.processor(0).kill9();
				Figures.faultsInjected.incrementAndGet();
				assertThat(this.pipeline.processor(0).isAlive()).isFalse();
			}
		}
		Figures.acknowledged.addAll(acknowledged);
		int total = BATCHES * BATCH_SIZE;

		// the survivor owns every partition once the dead member's session expired
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(ConsumerGroup.partitionsByInstance(this.pipeline.kafkaOperator()))
				.isEqualTo(Map.of("processor-2", Set.of(0, 1, 2, 3, 4, 5))));
		await().atMost(Duration.ofMinutes(3))
			.untilAsserted(() -> assertThat(this.ledger.timesheets(PREFIX)).isEqualTo(total));
		assertThat(this.ledger.outcomes(PREFIX)).isEqualTo(Map.of("SUBMITTED/APPLIED", (long) total));
		assertThat(this.ledger.doubled(PREFIX)).isZero();
		assertThat(this.ledger.externalIds(PREFIX)).containsExactlyInAnyOrderElementsOf(acknowledged);

		Set<UUID> keys = acknowledged.stream().map(Entries::timesheetId).collect(Collectors.toSet());
		List<ConsumerRecord<String, byte[]>> records = Topic.recordsOf(this.pipeline.kafkaOperator(), keys);
		assertThat(records.stream().map((r) -> Topic.header(r, "ce_id")).distinct()).hasSize(total);
		// a batch the dead instance had applied but not committed to Kafka is not read
		// again: the survivor seeks to the offsets stored in the applying transaction
		// (processor V5), so nothing is applied twice (checked above) and nothing needs
		// to
		// be dropped as DUPLICATE (printed: expected 0)
		System.out
			.println("kill -9: redelivered events recorded as DUPLICATE: " + this.ledger.duplicateDeliveries(PREFIX));

		this.pipeline.processor(0).restart(Duration.ofMinutes(3));
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(ConsumerGroup.partitionsByInstance(this.pipeline.kafkaOperator()))
				.containsOnlyKeys("processor-1", "processor-2"));
		Figures.faultsSurvived.incrementAndGet();
	}

}
