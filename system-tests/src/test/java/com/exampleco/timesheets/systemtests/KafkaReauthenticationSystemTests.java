package com.exampleco.timesheets.systemtests;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.exampleco.timesheets.launcher.token.ClientCredentials;
import com.exampleco.timesheets.systemtests.harness.Pipeline;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * A live connection outlives its token only by re-authenticating: a consumer whose client
 * gets 20-second tokens keeps reading for well over two token lifetimes (Kafka's login
 * fetches a new token before the old one expires, the broker makes the connection
 * re-authenticate before then); once its client is disabled at the auth server it gets no
 * new token and the broker cuts it off when its last token runs out.
 */
@Order(10)
@ExtendWith(SystemTestPipeline.class)
class KafkaReauthenticationSystemTests {

	static final String PREFIX = "kr-";

	private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(20);

	private final Pipeline pipeline = SystemTestPipeline.get();

	@Test
	void consumerKeepsReadingPastItsTokenLifetimeAndIsCutOffOnceItsClientIsDisabled() throws Exception {
		assumeThat(this.pipeline.kafkaSecured()).as("Kafka security is off").isTrue();
		String group = "analytics-reauth-" + UUID.randomUUID();
		List<AclBinding> acls = List.of(allow(ResourceType.TOPIC, Topic.EVENTS, PatternType.LITERAL),
				allow(ResourceType.GROUP, group, PatternType.LITERAL));
		try (Admin admin = Admin.create(this.pipeline.kafkaOperator())) {
			admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
			try {
				readPastTwoTokenLifetimesThenDisable(group);
			}
			finally {
				clientAdmin("PUT");
				admin.deleteAcls(acls.stream().map(AclBinding::toFilter).toList()).all().get(30, TimeUnit.SECONDS);
			}
		}
	}

	private void readPastTwoTokenLifetimesThenDisable(String group) {
		Map<String, Object> client = this.pipeline.kafkaClient(Pipeline.KAFKA_SHORT_LIVED);
		// a new token after a few seconds rather than Kafka's one-minute minimum
		client.put("sasl.login.refresh.min.period.seconds", "2");
		client.put("sasl.login.refresh.buffer.seconds", "2");
		Set<String> expected = IntStream.range(0, 5)
			.mapToObj((n) -> Entries.timesheetId(Entries.externalId(PREFIX, n)).toString())
			.collect(Collectors.toSet());
		Set<String> received = new HashSet<>();
		try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(client, group)) {
			consumer.subscribe(List.of(Topic.EVENTS));
			await().atMost(Duration.ofMinutes(1)).until(() -> {
				consumer.poll(Duration.ofMillis(200));
				return !consumer.assignment().isEmpty();
			});
			consumer.seekToEnd(consumer.assignment());
			long start = System.nanoTime();
			AtomicReference<Boolean> posted = new AtomicReference<>(false);
			// reads for 2.5 token lifetimes; entries posted after 1.5 of them must arrive
			await().atMost(TOKEN_LIFETIME.multipliedBy(5)).pollInterval(Duration.ofMillis(10)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> received.add(record.key()));
				Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
				if (!posted.get() && elapsed.compareTo(TOKEN_LIFETIME.multipliedBy(3).dividedBy(2)) > 0) {
					post();
					posted.set(true);
				}
				return elapsed.compareTo(TOKEN_LIFETIME.multipliedBy(5).dividedBy(2)) > 0
						&& received.containsAll(expected);
			});

			assertThat(clientAdmin("DELETE")).isEqualTo(204);
			assertThat(Http
				.post(this.pipeline.tokenUri(), null, "application/x-www-form-urlencoded",
						"grant_type=client_credentials&client_id=" + Pipeline.KAFKA_SHORT_LIVED.id() + "&client_secret="
								+ Pipeline.KAFKA_SHORT_LIVED.secret())
				.status()).as("a disabled client gets no token").isEqualTo(401);
			Figures.kafkaClientsTried.incrementAndGet();
			AtomicReference<AuthenticationException> cutOff = new AtomicReference<>();
			await().atMost(TOKEN_LIFETIME.multipliedBy(4)).until(() -> {
				try {
					consumer.poll(Duration.ofMillis(500));
					return false;
				}
				catch (AuthenticationException ex) {
					cutOff.set(ex);
					return true;
				}
			});
			assertThat(cutOff.get()).isNotNull();
			Figures.kafkaClientsRefused.incrementAndGet();
		}
		assertThat(received).containsAll(expected);
	}

	private void post() {
		Http.Answer answer = Http.post(this.pipeline.ingestUrl() + "/timesheet-batches",
				this.pipeline.accessToken(Pipeline.UPLOADER), "application/json", Entries.jsonArray(PREFIX, 0, 5));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
		Figures.acknowledged.addAll(IntStream.range(0, 5).mapToObj((n) -> Entries.externalId(PREFIX, n)).toList());
	}

	/** Disables (DELETE) or enables (PUT) the short-lived client at the auth server. */
	private int clientAdmin(String method) {
		String token = this.pipeline.accessToken(ClientCredentials.CLIENT_ADMIN, "admin:clients");
		return Http
			.method(method, this.pipeline.issuer() + "/admin/clients/" + Pipeline.KAFKA_SHORT_LIVED.id() + "/enabled",
					token)
			.status();
	}

	private static AclBinding allow(ResourceType type, String name, PatternType pattern) {
		return new AclBinding(new ResourcePattern(type, name, pattern), new AccessControlEntry(
				"User:" + Pipeline.KAFKA_SHORT_LIVED.id(), "*", AclOperation.READ, AclPermissionType.ALLOW));
	}

}
