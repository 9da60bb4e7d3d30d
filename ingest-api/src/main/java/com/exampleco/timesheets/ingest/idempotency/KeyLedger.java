package com.exampleco.timesheets.ingest.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.exampleco.timesheets.ingest.config.IngestProperties;
import com.exampleco.timesheets.ingest.publishing.BrokerUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key}s this API accepted, in memory, and the requests with a key
 * now being published. Before a request with a key is published, {@link #begin} decides:
 * a key accepted for the same {@link RequestIntent} is answered as then and publishes
 * nothing; a key accepted for another intent is refused
 * ({@link IdempotencyKeyReusedException}); a new key is claimed, so that a concurrent
 * request with the same key in this instance waits for the first one's outcome instead of
 * publishing too.
 * <p>
 * Where keys come from: the record of an accepted key is written to the compacted topic
 * {@value #TOPIC} in the same Kafka transaction as the request's events, so a key is
 * recorded if and only if its events are committed. {@link KeyLedgerFollower} reads the
 * topic ({@code read_committed}) from its start when the API starts and then follows it,
 * so every instance learns the keys every other instance accepted; this instance also
 * enters its own accepted keys as soon as their transaction committed.
 * <p>
 * Bounds: a key older than {@code idempotency.key-retention} names a new request; at most
 * {@code idempotency.max-keys} keys are held, the oldest forgotten first (counted in
 * {@code timesheets.ingest.idempotency.keys.evicted}).
 */
@Component
public class KeyLedger {

	/**
	 * The compacted topic of accepted keys: key = batch id, value = {@link RecordedKey}.
	 */
	public static final String TOPIC = "timesheet-idempotency-keys";

	private static final Logger logger = LoggerFactory.getLogger(KeyLedger.class);

	private final Duration retention;

	private final int maxKeys;

	private final Clock clock;

	private final Object lock = new Object();

	private final LinkedHashMap<UUID, RecordedKey> keys = new LinkedHashMap<>();

	private final Map<UUID, CompletableFuture<Void>> inFlight = new HashMap<>();

	private final JsonMapper jsonMapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Counter replayed;

	private final Counter reused;

	private final Counter evicted;

	private volatile boolean loaded;

	KeyLedger(IngestProperties properties, Clock clock, MeterRegistry meterRegistry) {
		this.retention = properties.idempotency().keyRetention();
		this.maxKeys = properties.idempotency().maxKeys();
		this.clock = clock;
		this.replayed = Counter.builder("timesheets.ingest.idempotency.replayed")
			.description("Requests whose Idempotency-Key was already accepted for the same request")
			.register(meterRegistry);
		this.reused = Counter.builder("timesheets.ingest.idempotency.reused")
			.description("Requests refused because their Idempotency-Key names another request")
			.register(meterRegistry);
		this.evicted = Counter.builder("timesheets.ingest.idempotency.keys.evicted")
			.description("Keys forgotten before their retention because max-keys was reached")
			.register(meterRegistry);
		Gauge.builder("timesheets.ingest.idempotency.keys", this, KeyLedger::size)
			.description("Accepted Idempotency-Keys held in memory")
			.register(meterRegistry);
	}

	/**
	 * Decides what a request with a key does. Waits while another request with the same
	 * key is being published in this instance, at most until the deadline.
	 * @param intent what the request's key names
	 * @param deadline {@link System#nanoTime()} by which the request must be answered
	 * @return a claim on the key, which the caller must {@link Claim#settle settle}; or
	 * {@code null} when the key was already accepted for this same request (publish
	 * nothing, answer as then)
	 * @throws IdempotencyKeyReusedException when the key was accepted for another request
	 * @throws BrokerUnavailableException when the keys are not loaded yet, or the request
	 * with the same key in progress did not finish in time
	 */
	public Claim begin(RequestIntent intent, long deadline) {
		while (true) {
			CompletableFuture<Void> other;
			synchronized (this.lock) {
				if (!this.loaded) {
					throw new BrokerUnavailableException("the accepted Idempotency-Keys are still being loaded", null);
				}
				RecordedKey recorded = current(intent.batchId());
				if (recorded != null) {
					if (recorded.sameRequestAs(intent)) {
						this.replayed.increment();
						return null;
					}
					this.reused.increment();
					throw new IdempotencyKeyReusedException(recorded, intent);
				}
				other = this.inFlight.get(intent.batchId());
				if (other == null) {
					CompletableFuture<Void> done = new CompletableFuture<>();
					this.inFlight.put(intent.batchId(), done);
					return new Claim(intent, done);
				}
			}
			try {
				other.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				throw new BrokerUnavailableException("a request with the same Idempotency-Key is still being published",
						ex, true);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BrokerUnavailableException("interrupted while waiting for a request with the same key", ex);
			}
			catch (ExecutionException ex) {
				// not completed exceptionally; decide again below
			}
		}
	}

	/**
	 * Enters a key read from the topic.
	 * @param batchId the record's key
	 * @param value the record's value
	 */
	void recorded(String batchId, byte[] value) {
		UUID id;
		RecordedKey recorded;
		try {
			id = UUID.fromString(batchId);
			recorded = this.jsonMapper.readValue(value, RecordedKey.class);
		}
		catch (IllegalArgumentException | NullPointerException | JacksonException ex) {
			logger.warn("Ignoring a malformed record on {}: {}", TOPIC, ex.toString());
			return;
		}
		if (recorded.endpoint() == null || recorded.fingerprint() == null || recorded.clientId() == null
				|| recorded.acceptedAt() == null) {
			logger.warn("Ignoring an incomplete record on {}", TOPIC);
			return;
		}
		put(id, recorded);
	}

	/** The topic has been read to the end it had when the API started. */
	void markLoaded() {
		this.loaded = true;
	}

	/**
	 * Whether the keys accepted before this instance started are known.
	 * @return true once the topic was read to its end
	 */
	public boolean isLoaded() {
		return this.loaded;
	}

	/**
	 * The keys held.
	 * @return how many keys are in memory
	 */
	public int size() {
		synchronized (this.lock) {
			return this.keys.size();
		}
	}

	private RecordedKey current(UUID batchId) {
		RecordedKey recorded = this.keys.get(batchId);
		if (recorded != null && expired(recorded, this.clock.instant())) {
			this.keys.remove(batchId);
			return null;
		}
		return recorded;
	}

	private boolean expired(RecordedKey recorded, Instant now) {
		return recorded.acceptedAt().plus(this.retention).isBefore(now);
	}

	private void put(UUID batchId, RecordedKey recorded) {
		Instant now = this.clock.instant();
		if (expired(recorded, now)) {
			return;
		}
		synchronized (this.lock) {
			this.keys.put(batchId, recorded);
			// insertion order is about acceptance order: expired keys are at the head
			Iterator<RecordedKey> oldest = this.keys.values().iterator();
			while (oldest.hasNext()) {
				RecordedKey head = oldest.next();
				if (this.keys.size() > this.maxKeys) {
					oldest.remove();
					this.evicted.increment();
				}
				else if (expired(head, now)) {
					oldest.remove();
				}
				else {
					break;
				}
			}
		}
	}

	private ProducerRecord<String, byte[]> toRecord(RequestIntent intent, RecordedKey recorded) {
		return new ProducerRecord<>(TOPIC, null, recorded.acceptedAt().toEpochMilli(), intent.batchId().toString(),
				this.jsonMapper.writeValueAsBytes(recorded));
	}

	/**
	 * A key claimed by one request: the record to publish with its events, and the
	 * settlement when its transaction's outcome is known.
	 */
	public final class Claim {

		private final RequestIntent intent;

		private final CompletableFuture<Void> done;

		private RecordedKey recorded;

		private Claim(RequestIntent intent, CompletableFuture<Void> done) {
			this.intent = intent;
			this.done = done;
		}

		/**
		 * The record of the key, to be sent in the request's transaction.
		 * @param events how many events the request publishes
		 * @return the record
		 */
		public ProducerRecord<String, byte[]> record(int events) {
			this.recorded = new RecordedKey(this.intent.endpoint(), this.intent.fingerprint(), this.intent.clientId(),
					KeyLedger.this.clock.instant(), events);
			return toRecord(this.intent, this.recorded);
		}

		/**
		 * The transaction holding the request is over: releases the key and, when it
		 * committed, enters it at once (the follower will read it too).
		 * @param committed true when the transaction committed; false when it aborted or
		 * its outcome is unknown (then the follower enters it if it did commit)
		 */
		public void settle(boolean committed) {
			synchronized (KeyLedger.this.lock) {
				if (committed && this.recorded != null) {
					put(this.intent.batchId(), this.recorded);
				}
				KeyLedger.this.inFlight.remove(this.intent.batchId(), this.done);
			}
			this.done.complete(null);
		}

	}

}
