package com.exampleco.timesheets.events;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of {@link TimesheetEvent}s: UTF-8, one object per record, a {@code type}
 * property naming the event, ISO-8601 dates and instants, hours as a plain decimal
 * number, absent optional fields omitted. Decoding checks the document against the
 * event's JSON Schema first, so anything decoded is a valid event. Thread-safe; build
 * once and share.
 */
public final class TimesheetEventCodec {

	private final JsonMapper mapper;

	private final EventSchemas schemas;

	/** A codec with the contract's mapper and schemas. */
	public TimesheetEventCodec() {
		this.mapper = JsonMapper.builder()
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		this.schemas = new EventSchemas();
	}

	/**
	 * The JSON of an event.
	 * @param event the event, not null
	 * @return UTF-8 JSON bytes
	 */
	public byte[] encode(TimesheetEvent event) {
		Objects.requireNonNull(event, "event");
		return this.mapper.writeValueAsBytes(event);
	}

	/**
	 * The event a record value holds. Unknown properties are ignored, so adding an
	 * optional property is not a breaking change.
	 * @param json UTF-8 JSON bytes
	 * @return the event, never null
	 * @throws UnsupportedSchemaVersionException when the bytes are a JSON object whose
	 * {@code schemaVersion} is an integer greater than
	 * {@link TimesheetEvent#CURRENT_SCHEMA_VERSION}, whatever its {@code type}: an event
	 * of a newer contract, which a newer consumer can read (not poison)
	 * @throws MalformedEventException when the bytes are not JSON, name no known event
	 * type, name a lower or non-integer {@code schemaVersion}, or do not conform to the
	 * event's schema (which includes text that breaks {@link TextRules}, a NUL for
	 * example)
	 */
	public TimesheetEvent decode(byte[] json) {
		if (json == null || json.length == 0) {
			throw new MalformedEventException("empty record value", List.of(), null);
		}
		JsonNode document;
		try {
			document = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("not JSON: " + ex.getOriginalMessage(), List.of(), ex);
		}
		if (document == null || !document.isObject()) {
			throw new MalformedEventException("not a JSON object", List.of(), null);
		}
		JsonNode version = document.path("schemaVersion");
		if (version.isIntegralNumber()
				&& version.bigIntegerValue().compareTo(BigInteger.valueOf(TimesheetEvent.CURRENT_SCHEMA_VERSION)) > 0) {
			long newer = version.canConvertToLong() ? version.asLong() : Long.MAX_VALUE;
			throw new UnsupportedSchemaVersionException(newer,
					document.path("type").isString() ? document.path("type").asString() : "");
		}
		EventType type;
		try {
			type = EventType.fromJsonName(document.path("type").asString(""));
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEventException(ex.getMessage(), List.of(), ex);
		}
		int schemaVersion = document.path("schemaVersion").asInt(0);
		if (schemaVersion != TimesheetEvent.CURRENT_SCHEMA_VERSION) {
			throw new MalformedEventException("unsupported schemaVersion " + document.path("schemaVersion"), List.of(),
					null);
		}
		try {
			return EventDocuments.read(type, document);
		}
		catch (EventDocuments.Refused | IllegalArgumentException | NullPointerException ex) {
			// rare: only now ask the schema validator for every violation
			List<String> problems = this.schemas.validate(type, document);
			if (problems.isEmpty()) {
				problems = List.of("$." + ex.getMessage() + ": not a valid value");
			}
			throw new MalformedEventException(type.jsonName() + " does not conform to its schema: " + problems,
					problems, null);
		}
	}

	/**
	 * The parsed JSON tree of an event, for tests and tools that check the wire form.
	 * @param event the event
	 * @return the tree
	 */
	public JsonNode toTree(TimesheetEvent event) {
		return this.mapper.valueToTree(event);
	}

	/**
	 * Checks a document against its event type's schema without decoding it.
	 * @param json UTF-8 JSON bytes of an event
	 * @return the schema violations, empty when valid
	 * @throws MalformedEventException when the bytes are not JSON or name no known type
	 */
	public List<String> schemaViolations(byte[] json) {
		try {
			JsonNode document = this.mapper.readTree(json);
			return this.schemas.validate(EventType.fromJsonName(document.path("type").asString("")), document);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new MalformedEventException("not an event: " + ex.getMessage(), List.of(), ex);
		}
	}

}
