package com.exampleco.timesheets.events;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Builds events straight from parsed JSON documents, checking as it goes every constraint
 * of the events' JSON Schemas (and the records' own), so that the hot path of consumers
 * needs neither a schema validator run nor a second data-binding pass. It answers only
 * "valid or not": when a document is refused, {@link TimesheetEventCodec} asks the schema
 * validator for the full list of violations. The schema stays the contract;
 * {@code EventDocumentsTests} checks that this class refuses whatever the schemas refuse.
 */
final class EventDocuments {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern EMPLOYEE_ID = EmployeeIds.RULE;

	private static final Pattern PROJECT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

	private static final Pattern DATE_TEXT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

	private static final BigDecimal QUARTERS = BigDecimal.valueOf(4);

	private static final int MAX_EXTERNAL_ID = 128;

	private static final int MAX_TEXT = 2000;

	private EventDocuments() {
	}

	/**
	 * The event a document describes.
	 * @param type the type its {@code type} property names
	 * @param document the document, a JSON object
	 * @return the event
	 * @throws Refused when the document breaks a constraint
	 */
	static TimesheetEvent read(EventType type, JsonNode document) {
		JsonNode version = document.get("schemaVersion");
		if (version == null || !version.isIntegralNumber()
				|| version.asInt() != TimesheetEvent.CURRENT_SCHEMA_VERSION) {
			throw new Refused("schemaVersion");
		}
		UUID eventId = uuid(document, "eventId");
		UUID timesheetId = uuid(document, "timesheetId");
		UUID batchId = uuid(document, "batchId");
		Instant occurredAt = instant(document, "occurredAt");
		Actor actor = actor(document.get("actor"));
		int schemaVersion = version.asInt();
		switch (type) {
			case SUBMITTED:
				return new TimesheetSubmitted(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion,
						entry(document.get("entry")));
			case APPROVED:
				return new TimesheetApproved(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion,
						optionalText(document, "comment", MAX_TEXT), optionalVersion(document));
			case REJECTED:
				return new TimesheetRejected(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion,
						optionalText(document, "reason", MAX_TEXT), optionalVersion(document));
			default:
				return new TimesheetDeleted(eventId, timesheetId, batchId, occurredAt, actor, schemaVersion);
		}
	}

	private static TimesheetEntry entry(JsonNode entry) {
		if (entry == null || !entry.isObject()) {
			throw new Refused("entry");
		}
		String externalId = text(entry, "externalId");
		int length = externalId.codePointCount(0, externalId.length());
		if (length < 1 || length > MAX_EXTERNAL_ID) {
			throw new Refused("entry.externalId");
		}
		String employeeId = matching(entry, "employeeId", EMPLOYEE_ID);
		String projectCode = matching(entry, "projectCode", PROJECT_CODE);
		String workDateText = matching(entry, "workDate", DATE_TEXT);
		LocalDate workDate;
		try {
			workDate = LocalDate.parse(workDateText, STRICT_DATE);
		}
		catch (DateTimeException ex) {
			throw new Refused("entry.workDate");
		}
		JsonNode hoursNode = entry.get("hours");
		if (hoursNode == null || !hoursNode.isNumber()) {
			throw new Refused("entry.hours");
		}
		BigDecimal hours = hoursNode.decimalValue();
		if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0
				|| hours.multiply(QUARTERS).stripTrailingZeros().scale() > 0) {
			throw new Refused("entry.hours");
		}
		return new TimesheetEntry(externalId, employeeId, projectCode, workDate, hours,
				optionalText(entry, "note", MAX_TEXT));
	}

	private static Actor actor(JsonNode actor) {
		if (actor == null || !actor.isObject()) {
			throw new Refused("actor");
		}
		String clientId = text(actor, "clientId");
		String subject = text(actor, "subject");
		String employeeId = optionalText(actor, "employeeId", Integer.MAX_VALUE);
		if (clientId.isBlank() || subject.isBlank() || (employeeId != null && employeeId.isEmpty())) {
			throw new Refused("actor");
		}
		JsonNode teamNode = actor.get("team");
		if (teamNode != null && employeeId == null) {
			throw new Refused("actor.team");
		}
		return new Actor(clientId, subject, employeeId, team(teamNode));
	}

	private static List<String> team(JsonNode team) {
		if (team == null) {
			return List.of();
		}
		if (!team.isArray() || team.size() > Actor.MAX_TEAM) {
			throw new Refused("actor.team");
		}
		List<String> members = new ArrayList<>(team.size());
		for (JsonNode member : team) {
			if (!member.isString() || !EMPLOYEE_ID.matcher(member.asString()).matches()) {
				throw new Refused("actor.team");
			}
			members.add(member.asString());
		}
		return members;
	}

	private static UUID uuid(JsonNode document, String name) {
		String text = text(document, name);
		if (!UUID_TEXT.matcher(text).matches()) {
			throw new Refused(name);
		}
		return UUID.fromString(text);
	}

	private static Instant instant(JsonNode document, String name) {
		try {
			// RFC 3339: a date, a time and an offset ("Z" or "+hh:mm")
			return OffsetDateTime.parse(text(document, name), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeException ex) {
			throw new Refused(name);
		}
	}

	private static String matching(JsonNode document, String name, Pattern pattern) {
		String text = text(document, name);
		if (!pattern.matcher(text).matches()) {
			throw new Refused(name);
		}
		return text;
	}

	private static String text(JsonNode document, String name) {
		JsonNode value = document.get(name);
		if (value == null || !value.isString() || value.asString().isEmpty()) {
			throw new Refused(name);
		}
		return value.asString();
	}

	private static String optionalText(JsonNode document, String name, int maxLength) {
		JsonNode value = document.get(name);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw new Refused(name);
		}
		String text = value.asString();
		if (text.codePointCount(0, text.length()) > maxLength) {
			throw new Refused(name);
		}
		return text;
	}

	private static Long optionalVersion(JsonNode document) {
		JsonNode value = document.get("expectedVersion");
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
			throw new Refused("expectedVersion");
		}
		return value.asLong();
	}

	/** A document breaks a constraint; the message names the property. */
	static final class Refused extends RuntimeException {

		Refused(String property) {
			super(property, null, false, false);
		}

	}

}
