package com.exampleco.timesheets.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import com.exampleco.timesheets.launcher.kafka.BrokerSecurity;
import com.exampleco.timesheets.launcher.token.ClientCredentials;
import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.nimbusds.jwt.JWTClaimsSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka itself knows who is reading (issue 15): the broker refuses clients without a
 * valid token of the auth server for the Kafka audience, and its ACLs give the analyst
 * read access to the two topics in {@code analytics-*} groups and nothing else; only the
 * ingest API may write events, so a forged event never reaches the processor.
 */
@Order(11)
@ExtendWith(SystemTestPipeline.class)
class KafkaSecuritySystemTests {

	static final String PREFIX = "ks-";

	static final int ENTRIES = 10;

	private static final String STATE = "timesheet-state";

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	@BeforeEach
	void securedBrokerWithThisScenariosEntriesApplied() {
		assumeThat(this.pipeline.kafkaSecured()).as("Kafka security is off (container broker or switched off)")
			.isTrue();
		if (this.ledger.timesheets(PREFIX) == ENTRIES) {
			return;
		}
		Http.Answer answer = Http.post(this.pipeline.ingestUrl() + "/timesheet-batches",
				this.pipeline.accessToken(Pipeline.UPLOADER), "application/json",
				Entries.jsonArray(PREFIX, 0, ENTRIES));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
		Figures.acknowledged
			.addAll(IntStream.range(0, ENTRIES).mapToObj((n) -> Entries.externalId(PREFIX, n)).toList());
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(this.ledger.timesheets(PREFIX)).isEqualTo(ENTRIES));
	}

	@Test
	void brokerRefusesClientsWithoutAValidTokenForKafka() throws Exception {
		TrustedKeyTokens tokens = new TrustedKeyTokens(this.pipeline);
		// the control: the auth server's key, issuer and the Kafka audience are accepted
		String control = tokens.with(this::kafkaAnalyst);
		try (KafkaConsumer<String, byte[]> consumer = KafkaClients
			.consumer(KafkaClients.withToken(this.pipeline, control), "analytics-control")) {
			assertThat(consumer.partitionsFor(Topic.EVENTS, Duration.ofSeconds(30))).isNotEmpty();
		}

		refused("no credentials", () -> describeEvents(KafkaClients.withoutCredentials(this.pipeline)),
				TimeoutException.class);
		Instant past = Instant.now().minus(Duration.ofMinutes(20));
		Map<String, String> hostile = Map.of("another issuer's key", tokens.unknownKid(), "another issuer",
				tokens.with((c) -> kafkaAnalyst(c).issuer("https://attacker.example.com")), "expired",
				tokens.with((c) -> kafkaAnalyst(c).issueTime(Date.from(past))
					.notBeforeTime(Date.from(past))
					.expirationTime(Date.from(past.plusSeconds(600)))),
				"the APIs' audience (a real uploader token)", this.pipeline.accessToken(Pipeline.UPLOADER),
				"no audience", tokens.with((c) -> kafkaAnalyst(c).audience((String) null)));
		hostile.forEach((defect, token) -> refused(defect,
				() -> describeEvents(KafkaClients.withToken(this.pipeline, token)), SaslAuthenticationException.class));
	}

	@Test
	void analystReadsBothTopicsCommittedInAnAnalyticsGroup() {
		Set<String> seen = new HashSet<>();
		try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(
				this.pipeline.kafkaClient(ClientCredentials.KAFKA_ANALYST),
				"analytics-systemtests-" + UUID.randomUUID())) {
			consumer.subscribe(List.of(Topic.EVENTS, STATE));
			await().atMost(Duration.ofMinutes(1)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> seen.add(record.topic()));
				return seen.size() == 2;
			});
			consumer.commitSync();
		}
		assertThat(seen).containsExactlyInAnyOrder(Topic.EVENTS, STATE);
	}

	@Test
	void analystMayNotWriteReadTheDeadLettersOrUseAnotherGroup() {
		Map<String, Object> analyst = this.pipeline.kafkaClient(ClientCredentials.KAFKA_ANALYST);
		for (String topic : List.of(Topic.EVENTS, STATE, Topic.DLT, "timesheet-idempotency-keys")) {
			refused("the analyst writing " + topic,
					() -> throwRefusal(KafkaClients.refusedSend(analyst, record(topic, "{}"))),
					TopicAuthorizationException.class);
		}
		refused("the analyst reading the DLT",
				() -> throwRefusal(KafkaClients.refusedPoll(analyst, "analytics-dlt", List.of(Topic.DLT))),
				TopicAuthorizationException.class);
		refused("the analyst in group reporting",
				() -> throwRefusal(KafkaClients.refusedPoll(analyst, "reporting", List.of(Topic.EVENTS))),
				GroupAuthorizationException.class);
		Map<String, Object> transactional = new java.util.HashMap<>(analyst);
		transactional.put("transactional.id", "ingest-forged");
		transactional.put("enable.idempotence", true);
		refused("the analyst using the ingest API's transactional ids", () -> {
			try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(transactional)) {
				producer.initTransactions();
			}
		}, TransactionalIdAuthorizationException.class);
	}

	@Test
	void forgedEventIsRefusedAndTheProcessorAppliesOnlyWhatIngestWrote() {
		UUID timesheet = Entries.timesheetId(Entries.externalId(PREFIX, 0));
		ConsumerRecord<String, byte[]> real = Topic.recordsOf(this.pipeline.kafkaOperator(), Set.of(timesheet)).get(0);
		// the same submission with other hours under a new event id: it would apply
		String forged = new String(real.value(), StandardCharsets.UTF_8)
			.replaceFirst("\"eventId\"\\s*:\\s*\"[^\"]+\"", "\"eventId\":\"" + UUID.randomUUID() + "\"")
			.replaceFirst("\"hours\"\\s*:\\s*[0-9.]+", "\"hours\":24");
		long offsets = Topic.endOffsets(this.pipeline.kafkaOperator(), Topic.EVENTS);

		// the analyst, and the processor (which writes other topics)
		for (ClientCredentials writer : List.of(ClientCredentials.KAFKA_ANALYST, ClientCredentials.KAFKA_PROCESSOR)) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.EVENTS, null, real.key(),
					forged.getBytes(StandardCharsets.UTF_8), real.headers());
			refused("a forged event from " + writer.id(),
					() -> throwRefusal(KafkaClients.refusedSend(this.pipeline.kafkaClient(writer), record)),
					TopicAuthorizationException.class);
		}

		assertThat(Topic.endOffsets(this.pipeline.kafkaOperator(), Topic.EVENTS)).isEqualTo(offsets);
		assertThat(this.ledger.outcomes(PREFIX)).isEqualTo(Map.of("SUBMITTED/APPLIED", (long) ENTRIES));
	}

	private JWTClaimsSet.Builder kafkaAnalyst(JWTClaimsSet.Builder claims) {
		return claims.audience(BrokerSecurity.AUDIENCE)
			.subject(ClientCredentials.KAFKA_ANALYST.id())
			.claim("azp", ClientCredentials.KAFKA_ANALYST.id())
			.claim("scope", "kafka");
	}

	private static void describeEvents(Map<String, Object> client) {
		try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(client, "analytics-refused")) {
			consumer.partitionsFor(Topic.EVENTS, Duration.ofSeconds(15));
		}
	}

	private static ProducerRecord<String, byte[]> record(String topic, String value) {
		return new ProducerRecord<>(topic, UUID.randomUUID().toString(), value.getBytes(StandardCharsets.UTF_8));
	}

	private static void throwRefusal(Throwable refusal) throws Throwable {
		throw refusal;
	}

	/**
	 * One unauthorised attempt: counted, and counted as refused when refused as expected.
	 */
	static void refused(String what, ThrowingCallable attempt, Class<? extends Throwable> expected) {
		Figures.kafkaClientsTried.incrementAndGet();
		assertThatThrownBy(attempt).as(what).isInstanceOf(expected);
		Figures.kafkaClientsRefused.incrementAndGet();
	}

}
