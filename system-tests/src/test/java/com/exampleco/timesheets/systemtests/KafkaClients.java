package com.exampleco.timesheets.systemtests;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka clients of the Kafka security scenarios, and what they are refused. */
final class KafkaClients {

	private KafkaClients() {
	}

	/** A client presenting exactly this token ({@link FixedTokenLogin}). */
	static Map<String, Object> withToken(Pipeline pipeline, String token) {
		Map<String, Object> client = withoutCredentials(pipeline);
		client.put("security.protocol", "SASL_PLAINTEXT");
		client.put("sasl.mechanism", "OAUTHBEARER");
		client.put("sasl.login.callback.handler.class", FixedTokenLogin.class.getName());
		client.put("sasl.jaas.config",
				"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required token=\"" + token
						+ "\" ;");
		return client;
	}

	/** A client that does not log in (plain connection to the SASL listener). */
	static Map<String, Object> withoutCredentials(Pipeline pipeline) {
		Map<String, Object> client = new HashMap<>();
		client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka().bootstrapServers());
		return client;
	}

	/**
	 * A {@code read_committed} consumer in a group, from the beginning, no auto-commit.
	 */
	static KafkaConsumer<String, byte[]> consumer(Map<String, Object> client, String group) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	/**
	 * A producer; not idempotent unless the client's properties say so, so that a refusal
	 * names the topic (an idempotent producer without any WRITE grant is refused earlier,
	 * for the cluster: {@code ClusterAuthorizationException}).
	 */
	static KafkaProducer<String, byte[]> producer(Map<String, Object> client) {
		Map<String, Object> config = new HashMap<>(client);
		config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Sends one record and returns the failure's cause (the broker's refusal); fails when
	 * the record was written.
	 */
	static Throwable refusedSend(Map<String, Object> client, ProducerRecord<String, byte[]> record) {
		try (KafkaProducer<String, byte[]> producer = producer(client)) {
			producer.send(record).get(30, TimeUnit.SECONDS);
			throw new AssertionError("the broker accepted a record on " + record.topic());
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new AssertionError("no answer for a record on " + record.topic(), ex);
		}
		catch (org.apache.kafka.common.KafkaException ex) {
			// refused before sending (metadata of an unauthorized topic, say)
			return ex;
		}
	}

	/** Subscribes and polls until something fails; fails when 30 s pass without. */
	static Throwable refusedPoll(Map<String, Object> client, String group, List<String> topics) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(client, group)) {
			consumer.subscribe(topics);
			long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < end) {
				try {
					consumer.poll(Duration.ofMillis(500));
				}
				catch (org.apache.kafka.common.KafkaException ex) {
					return ex;
				}
			}
			throw new AssertionError("group " + group + " read " + topics + " for 30 s without refusal");
		}
	}

}
