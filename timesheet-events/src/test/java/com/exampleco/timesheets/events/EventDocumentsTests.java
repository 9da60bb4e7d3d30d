package com.exampleco.timesheets.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The codec decodes without running the schema validator on valid documents, checking the
 * schemas' constraints itself ({@link EventDocuments}); these tests hold it to the
 * schemas: every document a schema refuses is refused, every document the schemas accept
 * is decoded, over hand-picked cases and seeded random mutations of every property.
 */
class EventDocumentsTests {

	private static final TimesheetEventCodec codec = new TimesheetEventCodec();

	private static final EventSchemas schemas = new EventSchemas();

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@ParameterizedTest(name = "{0}")
	@MethodSource("com.exampleco.timesheets.events.EventSchemasTests#brokenDocuments")
	void refusesWhateverTheSchemasRefuse(String description, TimesheetEvent event, Consumer<ObjectNode> breakIt) {
		ObjectNode json = (ObjectNode) codec.toTree(event);
		breakIt.accept(json);
		byte[] bytes = mapper.writeValueAsBytes(json);
		assertThatExceptionOfType(refusal(json)).isThrownBy(() -> codec.decode(bytes));
	}

	/** A newer schemaVersion is refused as such, not as malformed. */
	private static Class<? extends RuntimeException> refusal(ObjectNode json) {
		JsonNode version = json.path("schemaVersion");
		return (version.isIntegralNumber() && version.asLong() > TimesheetEvent.CURRENT_SCHEMA_VERSION)
				? UnsupportedSchemaVersionException.class : MalformedEventException.class;
	}

	@Test
	void agreesWithTheSchemasOnRandomMutationsOfEveryProperty() {
		Random random = new Random(20261128);
		List<JsonNode> values = candidateValues();
		int refused = 0;
		int accepted = 0;
		for (TimesheetEvent event : SampleEvents.all()) {
			for (int round = 0; round < 40; round++) {
				ObjectNode json = (ObjectNode) codec.toTree(event);
				ObjectNode target = pickObject(json, random);
				List<String> names = new ArrayList<>(target.propertyNames());
				names.add("note");
				names.add("comment");
				names.add("employeeId");
				String name = names.get(random.nextInt(names.size()));
				if (name.equals("type")) {
					continue;
				}
				JsonNode value = values.get(random.nextInt(values.size()));
				if (value == null) {
					target.remove(name);
				}
				else {
					target.set(name, value);
				}
				List<String> violations = schemas.validate(event.eventType(), json);
				byte[] bytes = mapper.writeValueAsBytes(json);
				String what = name + " = " + value + " in " + json;
				if (violations.isEmpty() && !blankActorText(json)) {
					assertThat(codec.decode(bytes)).as(what).isNotNull();
					accepted++;
				}
				else {
					assertThatExceptionOfType(refusal(json)).as(what).isThrownBy(() -> codec.decode(bytes));
					refused++;
				}
			}
		}
		assertThat(refused).as("mutations refused").isGreaterThan(50);
		assertThat(accepted).as("mutations accepted").isGreaterThan(10);
	}

	// The records refuse blank client ids and subjects,
	// which the schema's minLength lets by.
	private static boolean blankActorText(ObjectNode json) {
		JsonNode actor = json.path("actor");
		return actor.path("clientId").isString() && actor.path("clientId").asString().isBlank()
				|| actor.path("subject").isString() && actor.path("subject").asString().isBlank();
	}

	private static ObjectNode pickObject(ObjectNode json, Random random) {
		int choice = random.nextInt(3);
		if (choice == 1 && json.get("entry") instanceof ObjectNode entry) {
			return entry;
		}
		if (choice == 2 && json.get("actor") instanceof ObjectNode actor) {
			return actor;
		}
		return json;
	}

	private static List<JsonNode> candidateValues() {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		List<JsonNode> values = new ArrayList<>();
		values.add(null);
		values.add(nodes.nullNode());
		values.add(nodes.stringNode(""));
		values.add(nodes.stringNode(" "));
		values.add(nodes.stringNode("x"));
		values.add(nodes.stringNode("E-1001"));
		values.add(nodes.stringNode("x".repeat(129)));
		values.add(nodes.stringNode("x".repeat(2001)));
		values.add(nodes.stringNode("2026-02-30"));
		values.add(nodes.stringNode("2026-03-09"));
		values.add(nodes.stringNode("2026-03-10T09:15:30Z"));
		values.add(nodes.stringNode("2026-03-10T09:15:30"));
		values.add(nodes.stringNode("0B5F1F0E-8A1C-5D0E-9A55-1D2F3E4A5B6C"));
		values.add(nodes.stringNode("0b5f1f0e-8a1c-5d0e-9a55-1d2f3e4a5b6c"));
		values.add(nodes.stringNode("8"));
		values.add(nodes.numberNode(0));
		values.add(nodes.numberNode(1));
		values.add(nodes.numberNode(2));
		values.add(nodes.numberNode(-1));
		values.add(nodes.numberNode(new BigDecimal("7.25")));
		values.add(nodes.numberNode(new BigDecimal("7.3")));
		values.add(nodes.numberNode(new BigDecimal("24.25")));
		values.add(nodes.booleanNode(true));
		values.add(nodes.objectNode());
		values.add(nodes.arrayNode());
		return values;
	}

}
