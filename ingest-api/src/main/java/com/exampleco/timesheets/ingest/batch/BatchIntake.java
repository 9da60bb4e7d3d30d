package com.exampleco.timesheets.ingest.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetIds;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.entry.EntryFormat;
import com.exampleco.timesheets.events.entry.EntryReader;
import com.exampleco.timesheets.events.entry.EntryValidator;
import com.exampleco.timesheets.events.entry.Violation;
import com.exampleco.timesheets.ingest.config.IngestProperties;
import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import com.exampleco.timesheets.ingest.idempotency.RequestIds;
import com.exampleco.timesheets.ingest.idempotency.RequestIntent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import org.springframework.stereotype.Service;

/**
 * Turns an upload into {@link TimesheetSubmitted} events: reads it, validates it whole
 * with the shared entry rules and the caller's own-entries rule ({@link OwnEntriesRule}),
 * and publishes all of it or nothing.
 */
@Service
public class BatchIntake {

	static final String BATCH_ENDPOINT = RequestIntent.endpoint("POST", "/timesheet-batches", null);

	static final String ONE_ENDPOINT = RequestIntent.endpoint("POST", "/timesheets", null);

	private final EntryReader reader;

	private final EntryValidator validator;

	private final EventPublisher publisher;

	private final IngestProperties properties;

	private final Clock clock;

	private final Counter acceptedEntries;

	private final JsonMapper jsonMapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	BatchIntake(EntryReader reader, EntryValidator validator, EventPublisher publisher, IngestProperties properties,
			Clock clock, MeterRegistry meterRegistry) {
		this.reader = reader;
		this.validator = validator;
		this.publisher = publisher;
		this.properties = properties;
		this.clock = clock;
		this.acceptedEntries = Counter.builder("timesheets.ingest.entries.accepted")
			.description("Entries acknowledged to callers after the broker committed them")
			.register(meterRegistry);
	}

	/**
	 * Accepts one entry sent as a JSON object: a batch of one.
	 * @param actor who uploads
	 * @param idempotencyKey the request's key, or null
	 * @param body the JSON object
	 * @return what was accepted
	 * @throws InvalidBatchException when the body is not one JSON object or breaks a rule
	 */
	public BatchAccepted acceptOne(Actor actor, String idempotencyKey, byte[] body) {
		JsonNode entry;
		try {
			entry = this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidBatchException(List.of(Violation.malformed(-1, 0, "malformed JSON")));
		}
		if (entry == null || entry.isMissingNode()) {
			throw new InvalidBatchException(
					List.of(Violation.malformed(-1, 0, "empty body: expected one JSON object")));
		}
		if (entry == null || !entry.isObject()) {
			throw new InvalidBatchException(List.of(Violation.ofInput(0, "expected one JSON object")));
		}
		ArrayNode batch = this.jsonMapper.createArrayNode().add(entry);
		return accept(actor, idempotencyKey, ONE_ENDPOINT, EntryFormat.JSON_ARRAY,
				this.jsonMapper.writeValueAsBytes(batch));
	}

	/**
	 * Accepts an upload.
	 * @param actor who uploads
	 * @param idempotencyKey the request's key, or null
	 * @param format the upload's format
	 * @param body the upload
	 * @return what was accepted
	 * @throws InvalidBatchException when any entry breaks a rule
	 * @throws TooManyEntriesException when the upload holds too many entries
	 * @throws com.exampleco.timesheets.ingest.publishing.BrokerUnavailableException when
	 * the broker did not commit in time
	 */
	public BatchAccepted accept(Actor actor, String idempotencyKey, EntryFormat format, byte[] body) {
		return accept(actor, idempotencyKey, BATCH_ENDPOINT, format, body);
	}

	private BatchAccepted accept(Actor actor, String idempotencyKey, String endpoint, EntryFormat format, byte[] body) {
		// a publisher thread taking a group meanwhile waits briefly for this request
		try (EventPublisher.Upcoming upcoming = this.publisher.upcoming()) {
			return announced(actor, idempotencyKey, endpoint, format, body);
		}
	}

	private BatchAccepted announced(Actor actor, String idempotencyKey, String endpoint, EntryFormat format,
			byte[] body) {
		RequestIds ids = RequestIds.of(actor.clientId(), idempotencyKey);
		EntryReader.Result read = this.reader.read(format, body);
		int count = read.entries().size() + (int) read.violations().stream().filter((v) -> v.index() >= 0).count();
		if (count > this.properties.maxBatchEntries()) {
			throw new TooManyEntriesException(count, this.properties.maxBatchEntries());
		}
		if (!read.violations().isEmpty()) {
			throw new InvalidBatchException(read.violations());
		}
		if (read.entries().isEmpty()) {
			throw new InvalidBatchException(List.of(Violation.ofInput(0, "the upload holds no entries")));
		}
		EntryValidator.Validation validation = this.validator.validate(read.entries());
		List<Violation> foreign = OwnEntriesRule.check(actor, read.entries());
		if (!validation.valid() || !foreign.isEmpty()) {
			List<Violation> all = new ArrayList<>(validation.violations());
			all.addAll(foreign);
			all.sort(Comparator.comparingInt(Violation::index));
			throw new InvalidBatchException(all);
		}
		Instant now = this.clock.instant();
		List<TimesheetEvent> events = new ArrayList<>(validation.entries().size());
		List<UUID> timesheetIds = new ArrayList<>(validation.entries().size());
		for (TimesheetEntry entry : validation.entries()) {
			UUID timesheetId = TimesheetIds.timesheetId(actor.clientId(), entry.externalId());
			events.add(new TimesheetSubmitted(ids.eventId(events.size()), timesheetId, ids.batchId(), now, actor,
					TimesheetEvent.CURRENT_SCHEMA_VERSION, entry));
			timesheetIds.add(timesheetId);
		}
		// the validated entries, whatever the format and spelling of the body
		RequestIntent intent = ids.intent(endpoint, actor, (content) -> {
			content.add(validation.entries().size());
			for (TimesheetEntry entry : validation.entries()) {
				content.add(entry.externalId())
					.add(entry.employeeId())
					.add(entry.projectCode())
					.add(entry.workDate())
					.add(entry.hours().toPlainString())
					.add(entry.note());
			}
		});
		this.publisher.publish(events, intent);
		this.acceptedEntries.increment(events.size());
		return new BatchAccepted(ids.batchId(), events.size(), timesheetIds);
	}

}
