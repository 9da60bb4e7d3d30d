package com.exampleco.timesheets.events;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTests {

	private static final EventSchemas schemas = new EventSchemas();

	private static final TimesheetEventCodec codec = new TimesheetEventCodec();

	private static final JsonMapper mapper = JsonMapper.builder().build();

	static final List<TimesheetEvent> events = SampleEvents.all();

	@ParameterizedTest
	@FieldSource("events")
	void everyEventTheCodecWritesConformsToItsSchema(TimesheetEvent event) {
		assertThat(schemas.validate(event.eventType(), tree(event))).isEmpty();
	}

	@Test
	void samplesCoverEveryEventType() {
		assertThat(events.stream().map(TimesheetEvent::eventType).distinct())
			.containsExactlyInAnyOrder(EventType.values());
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void schemaRefusesAnotherEventTypeName(EventType type) {
		TimesheetEvent event = events.stream().filter((e) -> e.eventType() == type).findFirst().orElseThrow();
		for (EventType other : EventType.values()) {
			if (other != type) {
				assertThat(schemas.validate(other, tree(event))).as("%s against the %s schema", type, other)
					.isNotEmpty();
			}
		}
	}

	static Stream<Arguments> brokenDocuments() {
		return Stream.of(broken("missing eventId", SampleEvents.deleted(), (json) -> json.remove("eventId")),
				broken("uppercase eventId", SampleEvents.deleted(),
						(json) -> json.put("eventId", SampleEvents.EVENT_ID.toString().toUpperCase())),
				broken("eventId with braces", SampleEvents.deleted(),
						(json) -> json.put("eventId", "{" + SampleEvents.EVENT_ID + "}")),
				broken("missing timesheetId", SampleEvents.approved(), (json) -> json.remove("timesheetId")),
				broken("missing batchId", SampleEvents.rejected(), (json) -> json.remove("batchId")),
				broken("missing occurredAt", SampleEvents.deleted(), (json) -> json.remove("occurredAt")),
				broken("occurredAt a date only", SampleEvents.deleted(),
						(json) -> json.put("occurredAt", "2026-03-10")),
				broken("occurredAt without zone", SampleEvents.deleted(),
						(json) -> json.put("occurredAt", "2026-03-10T09:15:30")),
				broken("schemaVersion 2", SampleEvents.approved(), (json) -> json.put("schemaVersion", 2)),
				broken("missing type", SampleEvents.approved(), (json) -> json.remove("type")),
				broken("missing actor", SampleEvents.rejected(), (json) -> json.remove("actor")),
				broken("actor without subject", SampleEvents.rejected(), (json) -> actor(json).remove("subject")),
				broken("actor with empty employeeId", SampleEvents.rejected(),
						(json) -> actor(json).put("employeeId", "")),
				broken("actor not an object", SampleEvents.rejected(), (json) -> json.put("actor", "alice")),
				broken("actor team a string", SampleEvents.approved(), (json) -> actor(json).put("team", "E1001")),
				broken("actor team null", SampleEvents.approved(), (json) -> actor(json).putNull("team")),
				broken("actor team an object", SampleEvents.approved(),
						(json) -> actor(json).putObject("team").put("id", "E1001")),
				broken("actor team with a blank member", SampleEvents.rejected(),
						(json) -> actor(json).putArray("team").add("E1001").add(" ")),
				broken("actor team with an invalid member", SampleEvents.rejected(),
						(json) -> actor(json).putArray("team").add("E.1001")),
				broken("actor team with a number", SampleEvents.rejected(),
						(json) -> actor(json).putArray("team").add(1001)),
				broken("actor team of 1001", SampleEvents.approved(), (json) -> {
					var team = actor(json).putArray("team");
					for (int i = 0; i < 1001; i++) {
						team.add("E" + i);
					}
				}),
				broken("actor team without employeeId", SampleEvents.approved(),
						(json) -> actor(json).remove("employeeId")),
				broken("comment not a string", SampleEvents.approved(), (json) -> json.put("comment", 5)),
				broken("comment too long", SampleEvents.approved(), (json) -> json.put("comment", "c".repeat(2001))),
				broken("reason too long", SampleEvents.rejected(), (json) -> json.put("reason", "r".repeat(2001))),
				broken("submission without entry", SampleEvents.submitted(), (json) -> json.remove("entry")),
				broken("entry without hours", SampleEvents.submitted(), (json) -> entry(json).remove("hours")),
				broken("hours 0", SampleEvents.submitted(), (json) -> entry(json).put("hours", 0)),
				broken("hours 24.25", SampleEvents.submitted(),
						(json) -> entry(json).put("hours", new BigDecimal("24.25"))),
				broken("hours 7.3", SampleEvents.submitted(),
						(json) -> entry(json).put("hours", new BigDecimal("7.3"))),
				broken("hours 0.1", SampleEvents.submitted(),
						(json) -> entry(json).put("hours", new BigDecimal("0.1"))),
				broken("hours as string", SampleEvents.submitted(), (json) -> entry(json).put("hours", "7.5")),
				broken("workDate not real", SampleEvents.submitted(),
						(json) -> entry(json).put("workDate", "2026-02-30")),
				broken("workDate with time", SampleEvents.submitted(),
						(json) -> entry(json).put("workDate", "2026-03-09T00:00:00Z")),
				broken("empty externalId", SampleEvents.submitted(), (json) -> entry(json).put("externalId", "")),
				broken("externalId of 129", SampleEvents.submitted(),
						(json) -> entry(json).put("externalId", "x".repeat(129))),
				broken("employeeId of 65", SampleEvents.submitted(),
						(json) -> entry(json).put("employeeId", "e".repeat(65))),
				broken("projectCode starting with a dot", SampleEvents.submitted(),
						(json) -> entry(json).put("projectCode", ".PRJ")),
				broken("note too long", SampleEvents.submitted(), (json) -> entry(json).put("note", "n".repeat(2001))),
				broken("note not a string", SampleEvents.submitted(), (json) -> entry(json).put("note", 1)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenDocuments")
	void schemasRejectBrokenDocuments(String description, TimesheetEvent event, Consumer<ObjectNode> breakIt) {
		ObjectNode json = (ObjectNode) tree(event);
		assertThat(schemas.validate(event.eventType(), json)).as("before breaking").isEmpty();
		breakIt.accept(json);
		assertThat(schemas.validate(event.eventType(), json)).isNotEmpty();
	}

	/** Every free-text and id field of every event, with a way to set it. */
	static Stream<Arguments> textFields() {
		return Stream.of(
				text("entry.externalId", SampleEvents.submitted(), (json, v) -> entry(json).put("externalId", v)),
				text("entry.employeeId", SampleEvents.submitted(), (json, v) -> entry(json).put("employeeId", v)),
				text("entry.projectCode", SampleEvents.submitted(), (json, v) -> entry(json).put("projectCode", v)),
				text("entry.note", SampleEvents.submitted(), (json, v) -> entry(json).put("note", v)),
				text("actor.clientId", SampleEvents.approved(), (json, v) -> actor(json).put("clientId", v)),
				text("actor.subject", SampleEvents.rejected(), (json, v) -> actor(json).put("subject", v)),
				text("actor.employeeId", SampleEvents.deleted(), (json, v) -> actor(json).put("employeeId", v)),
				text("comment", SampleEvents.approved(), (json, v) -> json.put("comment", v)),
				text("reason", SampleEvents.rejected(), (json, v) -> json.put("reason", v)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("textFields")
	void aNulInAnyTextFieldIsAViolation(String field, TimesheetEvent event, BiConsumer<ObjectNode, String> set) {
		ObjectNode json = (ObjectNode) tree(event);
		set.accept(json, "AB1");
		assertThat(schemas.validate(event.eventType(), json)).as("a plain value").isEmpty();
		set.accept(json, "A\u0000B");
		assertThat(schemas.validate(event.eventType(), json)).as("a NUL").isNotEmpty();
		set.accept(json, "A\u001fB");
		assertThat(schemas.validate(event.eventType(), json)).as("U+001F").isNotEmpty();
		set.accept(json, "A\u007fB");
		assertThat(schemas.validate(event.eventType(), json)).as("DEL").isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("textFields")
	void tabAndLineBreaksAreAllowedInFreeTextOnly(String field, TimesheetEvent event,
			BiConsumer<ObjectNode, String> set) {
		ObjectNode json = (ObjectNode) tree(event);
		set.accept(json, "line 1\r\n\tline 2");
		boolean freeText = field.equals("entry.note") || field.equals("comment") || field.equals("reason");
		assertThat(schemas.validate(event.eventType(), json).isEmpty()).isEqualTo(freeText);
	}

	private static Arguments text(String field, TimesheetEvent event, BiConsumer<ObjectNode, String> set) {
		return Arguments.of(field, event, set);
	}

	@Test
	void schemasAcceptUnknownProperties() {
		ObjectNode json = (ObjectNode) tree(SampleEvents.submitted());
		json.put("traceparent", "00-abc-def-01");
		entry(json).put("costCentre", "CC-1");
		assertThat(schemas.validate(EventType.SUBMITTED, json)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everyEventTypeHasASchemaOfTheCurrentVersion(EventType type) {
		assertThat(getClass().getClassLoader().getResource(type.schemaResource(TimesheetEvent.CURRENT_SCHEMA_VERSION)))
			.isNotNull();
	}

	@Test
	void everySchemaFileIsJsonWithAnIdMatchingItsPublishedUri() throws IOException, URISyntaxException {
		URL folder = getClass().getClassLoader().getResource("schemas");
		assertThat(folder).isNotNull();
		List<Path> files;
		try (Stream<Path> listing = Files.list(Path.of(folder.toURI()))) {
			files = listing.sorted().toList();
		}
		assertThat(files).hasSize(5);
		for (Path file : files) {
			String resource = "schemas/" + file.getFileName();
			assertThat(resource).endsWith(".schema.json");
			JsonNode schema;
			try (InputStream in = Files.newInputStream(file)) {
				schema = mapper.readTree(in);
			}
			assertThat(schema.isObject()).as(resource).isTrue();
			assertThat(schema.path("$schema").asString()).as(resource)
				.isEqualTo("https://json-schema.org/draft/2020-12/schema");
			assertThat(schema.path("$id").asString()).as(resource)
				.isEqualTo(CloudEventHeaders.SCHEMA_BASE_URI + resource);
		}
	}

	private static Arguments broken(String description, TimesheetEvent event, Consumer<ObjectNode> breakIt) {
		return Arguments.of(description, event, breakIt);
	}

	private static ObjectNode entry(ObjectNode json) {
		return (ObjectNode) json.get("entry");
	}

	private static ObjectNode actor(ObjectNode json) {
		return (ObjectNode) json.get("actor");
	}

	private static JsonNode tree(TimesheetEvent event) {
		return mapper.readTree(codec.encode(event));
	}

}
