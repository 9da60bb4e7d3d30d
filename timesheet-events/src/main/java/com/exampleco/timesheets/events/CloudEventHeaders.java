package com.exampleco.timesheets.events;

import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the headers every record on
 * {@value Topics#TIMESHEET_EVENTS} carries, so that tools that know CloudEvents can read
 * the records without this library. Header values are UTF-8 strings.
 */
public final class CloudEventHeaders {

	/** {@code ce_specversion}, always {@value #SPEC_VERSION}. */
	public static final String SPECVERSION = "ce_specversion";

	/** {@code ce_id}: the event id. */
	public static final String ID = "ce_id";

	/**
	 * {@code ce_type}: for example
	 * {@code com.exampleco.timesheets.TimesheetSubmitted.v1}.
	 */
	public static final String TYPE = "ce_type";

	/**
	 * {@code ce_source}: the service that accepted the request, for example
	 * {@code /timesheets/ingest-api}.
	 */
	public static final String SOURCE = "ce_source";

	/** {@code ce_time}: when the API accepted the request, RFC 3339. */
	public static final String TIME = "ce_time";

	/** {@code ce_subject}: the timesheet id. */
	public static final String SUBJECT = "ce_subject";

	/** {@code ce_dataschema}: the URI of the event's JSON Schema. */
	public static final String DATASCHEMA = "ce_dataschema";

	/** {@code content-type}, always {@value #CONTENT_TYPE_JSON}. */
	public static final String CONTENT_TYPE = "content-type";

	/** The CloudEvents version. */
	public static final String SPEC_VERSION = "1.0";

	/** The content type of every record value. */
	public static final String CONTENT_TYPE_JSON = "application/json";

	/** Base URI of the published schemas; the file name is appended. */
	public static final String SCHEMA_BASE_URI = "https://timesheets.exampleco.com/";

	private CloudEventHeaders() {
	}

	/**
	 * The headers of an event's record, in a stable order.
	 * @param event the event
	 * @param source the CloudEvents source of the publishing service, for example
	 * {@code /timesheets/ingest-api}
	 * @return header name to value, unmodifiable
	 */
	public static Map<String, String> of(TimesheetEvent event, String source) {
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(source, "source");
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(SPECVERSION, SPEC_VERSION);
		headers.put(ID, event.eventId().toString());
		headers.put(TYPE, event.eventType().cloudEventType(event.schemaVersion()));
		headers.put(SOURCE, source);
		headers.put(TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
		headers.put(SUBJECT, event.timesheetId().toString());
		headers.put(DATASCHEMA, SCHEMA_BASE_URI + event.eventType().schemaResource(event.schemaVersion()));
		headers.put(CONTENT_TYPE, CONTENT_TYPE_JSON);
		return Collections.unmodifiableMap(headers);
	}

}
