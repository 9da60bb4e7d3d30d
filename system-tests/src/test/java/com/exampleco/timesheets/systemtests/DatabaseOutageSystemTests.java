package com.exampleco.timesheets.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.exampleco.timesheets.launcher.process.JavaProcess;
import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.systemtests.harness.UploaderRun;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 4: PostgreSQL is stopped for about 20 seconds while events keep arriving.
 */
@Order(4)
@ExtendWith(SystemTestPipeline.class)
class DatabaseOutageSystemTests {

	static final String PREFIX = "db-";

	static final int ENTRIES = 4000;

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	@Test
	void processorsWaitForTheDatabaseAndCatchUpSkippingNothing() {
		assumeThat(this.pipeline.postgres().canStop())
			.as("PostgreSQL is an external server (TIMESHEETS_TEST_JDBC_URL): it cannot be stopped")
			.isTrue();
		Map<String, Object> bootstrap = this.pipeline.kafkaOperator();
		long dltBefore = Topic.endOffsets(bootstrap, Topic.DLT);
		Path inbox = this.pipeline.logDirectory().resolveSibling("inbox-database");
		List<String> ids = Entries.writeCsv(inbox.resolve("database.csv"), PREFIX, 0, ENTRIES);

		Instant down = Instant.now();
		this.pipeline.postgres().stop();
		Figures.faultsInjected.incrementAndGet();
		// the events arrive while the processors cannot write them
		UploaderRun run = this.pipeline.runUploader(inbox, Duration.ofMinutes(5), "--batch-size=200");
		assertThat(run.exitCode()).as(run.text()).isZero();
		Figures.acknowledged.addAll(ids);
		Outage.holdUntil(down, Outage.LENGTH);
		for (JavaProcess processor : this.pipeline.processors()) {
			assertThat(processor.isAlive()).as(processor.name() + " survives the outage").isTrue();
		}
		this.pipeline.postgres().start();

		await().atMost(Duration.ofMinutes(3))
			.untilAsserted(() -> assertThat(this.ledger.timesheets(PREFIX)).isEqualTo(ENTRIES));
		assertThat(this.ledger.outcomes(PREFIX)).isEqualTo(Map.of("SUBMITTED/APPLIED", (long) ENTRIES));
		assertThat(this.ledger.doubled(PREFIX)).isZero();
		assertThat(this.ledger.externalIds(PREFIX)).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(Topic.endOffsets(bootstrap, Topic.DLT)).as("nothing dead-lettered").isEqualTo(dltBefore);
		Figures.faultsSurvived.incrementAndGet();
	}

}
