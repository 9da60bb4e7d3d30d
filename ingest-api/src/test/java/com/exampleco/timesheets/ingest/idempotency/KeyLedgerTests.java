package com.exampleco.timesheets.ingest.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.exampleco.timesheets.ingest.config.IngestProperties;
import com.exampleco.timesheets.ingest.publishing.BrokerUnavailableException;
import com.exampleco.timesheets.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The decisions of {@link KeyLedger}: same request answered as then, another request
 * refused, a new key claimed once, keys forgotten after their retention or beyond the
 * bound, keys read from the topic treated as accepted here.
 */
class KeyLedgerTests {

	static final String APPROVAL = "POST /timesheets/{timesheetId}/approval 0b9a2f51-63a4-5e7e-8a43-3f0f3c2f6a10";

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T06:00:00Z"));

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void sameRequestIsAnsweredAsThenAndAnotherIsRefused() {
		KeyLedger ledger = ledger(Duration.ofDays(7), 100);
		RequestIntent first = intent(UUID.randomUUID(), APPROVAL, "aa");
		accept(ledger, first);

		assertThat(ledger.begin(first, deadline())).as("same request: nothing to publish").isNull();
		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> ledger.begin(intent(first.batchId(), APPROVAL, "bb"), deadline()))
			.withMessageContaining("other content");
		assertThatExceptionOfType(IdempotencyKeyReusedException.class).isThrownBy(() -> ledger.begin(
				intent(first.batchId(), "DELETE /timesheets/{timesheetId} 0b9a2f51-63a4-5e7e-8a43-3f0f3c2f6a10", "aa"),
				deadline()))
			.withMessageContaining("another endpoint");
		assertThat(this.meters.get("timesheets.ingest.idempotency.replayed").counter().count()).isOne();
		assertThat(this.meters.get("timesheets.ingest.idempotency.reused").counter().count()).isEqualTo(2);
	}

	@Test
	void keyWhoseTransactionFailedIsFree() {
		KeyLedger ledger = ledger(Duration.ofDays(7), 100);
		RequestIntent intent = intent(UUID.randomUUID(), APPROVAL, "aa");
		KeyLedger.Claim claim = ledger.begin(intent, deadline());
		claim.record(1);
		claim.settle(false);

		assertThat(ledger.begin(intent(intent.batchId(), APPROVAL, "other"), deadline())).isNotNull();
	}

	@Test
	void concurrentRequestWithTheSameKeyWaitsForTheFirstAndIsAnsweredAsIt() throws Exception {
		KeyLedger ledger = ledger(Duration.ofDays(7), 100);
		RequestIntent intent = intent(UUID.randomUUID(), APPROVAL, "aa");
		KeyLedger.Claim first = ledger.begin(intent, deadline());
		first.record(1);

		CompletableFuture<KeyLedger.Claim> second = CompletableFuture
			.supplyAsync(() -> ledger.begin(intent, deadline()));
		CompletableFuture<KeyLedger.Claim> other = CompletableFuture
			.supplyAsync(() -> ledger.begin(intent(intent.batchId(), APPROVAL, "bb"), deadline()));
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
		first.settle(true);

		assertThat(second.get(10, TimeUnit.SECONDS)).isNull();
		assertThat(other).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.withCauseInstanceOf(IdempotencyKeyReusedException.class);
	}

	@Test
	void concurrentRequestGivesUpAt503WhenTheFirstDoesNotFinishInTime() {
		KeyLedger ledger = ledger(Duration.ofDays(7), 100);
		RequestIntent intent = intent(UUID.randomUUID(), APPROVAL, "aa");
		ledger.begin(intent, deadline());

		assertThatExceptionOfType(BrokerUnavailableException.class)
			.isThrownBy(() -> ledger.begin(intent, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200)))
			.satisfies((ex) -> assertThat(ex.outcomeUnknown()).isTrue());
	}

	@Test
	void keyIsBoundForItsRetentionAndThenNamesANewRequest() {
		KeyLedger ledger = ledger(Duration.ofDays(7), 100);
		RequestIntent intent = intent(UUID.randomUUID(), APPROVAL, "aa");
		accept(ledger, intent);
		this.clock.advance(Duration.ofDays(6));
		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> ledger.begin(intent(intent.batchId(), APPROVAL, "bb"), deadline()));
		this.clock.advance(Duration.ofDays(1).plusSeconds(1));
		assertThat(ledger.begin(intent(intent.batchId(), APPROVAL, "bb"), deadline())).isNotNull();
	}

	@Test
	void beyondMaxKeysTheOldestAreForgottenAndCounted() {
		KeyLedger ledger = ledger(Duration.ofDays(7), 3);
		RequestIntent oldest = intent(UUID.randomUUID(), APPROVAL, "aa");
		accept(ledger, oldest);
		for (int i = 0; i < 3; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			accept(ledger, intent(UUID.randomUUID(), APPROVAL, "x" + i));
		}
		assertThat(ledger.size()).isEqualTo(3);
		assertThat(this.meters.get("timesheets.ingest.idempotency.keys.evicted").counter().count()).isOne();
		assertThat(ledger.begin(intent(oldest.batchId(), APPROVAL, "bb"), deadline())).isNotNull();
	}

	@Test
	void keyReadFromTheTopicBindsLikeOneAcceptedHere() {
		KeyLedger here = ledger(Duration.ofDays(7), 100);
		RequestIntent intent = intent(UUID.randomUUID(), APPROVAL, "aa");
		KeyLedger.Claim claim = here.begin(intent, deadline());
		ProducerRecord<String, byte[]> record = claim.record(1);
		assertThat(record.topic()).isEqualTo(KeyLedger.TOPIC);
		assertThat(record.key()).isEqualTo(intent.batchId().toString());

		KeyLedger elsewhere = ledger(Duration.ofDays(7), 100);
		elsewhere.recorded(record.key(), record.value());
		assertThat(elsewhere.begin(intent, deadline())).isNull();
		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> elsewhere.begin(intent(intent.batchId(), APPROVAL, "bb"), deadline()));
		// a record too old when read is not entered
		KeyLedger later = ledger(Duration.ofDays(7), 100);
		this.clock.advance(Duration.ofDays(8));
		later.recorded(record.key(), record.value());
		assertThat(later.size()).isZero();
	}

	@Test
	void ignoresMalformedRecordsOnTheTopic() {
		KeyLedger ledger = ledger(Duration.ofDays(7), 100);
		ledger.recorded("not-a-uuid", "{}".getBytes());
		ledger.recorded(UUID.randomUUID().toString(), "not json".getBytes());
		ledger.recorded(UUID.randomUUID().toString(), "{\"endpoint\":\"x\"}".getBytes());
		assertThat(ledger.size()).isZero();
	}

	@Test
	void answers503UntilTheKeysAreLoaded() {
		KeyLedger ledger = new KeyLedger(properties(Duration.ofDays(7), 100), this.clock, this.meters);
		assertThatExceptionOfType(BrokerUnavailableException.class)
			.isThrownBy(() -> ledger.begin(intent(UUID.randomUUID(), APPROVAL, "aa"), deadline()))
			.satisfies((ex) -> assertThat(ex.outcomeUnknown()).isFalse());
	}

	private void accept(KeyLedger ledger, RequestIntent intent) {
		KeyLedger.Claim claim = ledger.begin(intent, deadline());
		assertThat(claim).as("a new key is claimed").isNotNull();
		claim.record(1);
		claim.settle(true);
	}

	private KeyLedger ledger(Duration retention, int maxKeys) {
		KeyLedger ledger = new KeyLedger(properties(retention, maxKeys), this.clock, this.meters);
		ledger.markLoaded();
		return ledger;
	}

	private static IngestProperties properties(Duration retention, int maxKeys) {
		return new IngestProperties(5000, DataSize.ofMegabytes(10), 500, 1000, LocalDate.of(2000, 1, 1), 1,
				Duration.ofSeconds(10), Duration.ofSeconds(5), 6, (short) 1, null, "/test", 1, 5000, 64,
				Duration.ofSeconds(2), Duration.ZERO,
				new IngestProperties.Idempotency(retention, maxKeys, Duration.ZERO, 1));
	}

	private static RequestIntent intent(UUID batchId, String endpoint, String fingerprint) {
		return new RequestIntent(batchId, "client", endpoint, fingerprint);
	}

	private static long deadline() {
		return System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
	}

}
