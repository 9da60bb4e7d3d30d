package com.exampleco.timesheets.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event on the {@value Topics#TIMESHEET_EVENTS} topic. The record key is
 * {@link #timesheetId()}, so all events of one timesheet keep their order. The JSON form
 * carries a {@code type} property naming the record ({@code TimesheetSubmitted}, …) and
 * is described by the JSON Schemas under {@code schemas/} in this jar.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = TimesheetSubmitted.class, name = "TimesheetSubmitted"),
		@JsonSubTypes.Type(value = TimesheetApproved.class, name = "TimesheetApproved"),
		@JsonSubTypes.Type(value = TimesheetRejected.class, name = "TimesheetRejected"),
		@JsonSubTypes.Type(value = TimesheetDeleted.class, name = "TimesheetDeleted") })
public sealed interface TimesheetEvent
		permits TimesheetSubmitted, TimesheetApproved, TimesheetRejected, TimesheetDeleted {

	/** The schema version every event written by this version of the contract carries. */
	int CURRENT_SCHEMA_VERSION = 1;

	/**
	 * Unique id of this event; a retried request with the same {@code Idempotency-Key}
	 * yields the same id, so consumers can drop duplicates by it.
	 * @return the event id, never null
	 */
	UUID eventId();

	/**
	 * The timesheet this event is about, also the Kafka record key.
	 * @return the timesheet id, never null
	 */
	UUID timesheetId();

	/**
	 * The request (batch) that produced this event.
	 * @return the batch id, never null
	 */
	UUID batchId();

	/**
	 * When the API accepted the request.
	 * @return the instant, never null
	 */
	Instant occurredAt();

	/**
	 * Who caused the event.
	 * @return the actor, never null
	 */
	Actor actor();

	/**
	 * The version of the JSON Schema this event conforms to.
	 * @return the schema version, at least 1
	 */
	int schemaVersion();

	/**
	 * The type of this event, which also names its JSON Schema and CloudEvents type.
	 * @return the type, never null
	 */
	default EventType eventType() {
		return EventType.of(this);
	}

}
