package com.exampleco.timesheets.events;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class TimesheetEventCodecTests {

	private static final TimesheetEventCodec codec = new TimesheetEventCodec();

	private static final JsonMapper mapper = JsonMapper.builder().build();

	static final List<TimesheetEvent> events = SampleEvents.all();

	@ParameterizedTest
	@FieldSource("events")
	void decodesWhatItEncodes(TimesheetEvent event) {
		assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
	}

	@Test
	void decodedHoursEqualTheOriginalByValue() {
		TimesheetSubmitted decoded = (TimesheetSubmitted) codec.decode(codec.encode(SampleEvents.submittedMinimal()));
		assertThat(decoded.entry().hours()).isEqualByComparingTo(new BigDecimal("10.00"));
		assertThat(decoded.entry().sameContentAs(SampleEvents.entryWithoutNote())).isTrue();
	}

	@ParameterizedTest
	@FieldSource("events")
	void writesTheTypeAndCommonFields(TimesheetEvent event) {
		JsonNode json = tree(event);
		assertThat(json.get("type").asString()).isEqualTo(event.eventType().jsonName());
		assertThat(json.get("eventId").asString()).isEqualTo(SampleEvents.EVENT_ID.toString());
		assertThat(json.get("timesheetId").asString()).isEqualTo(SampleEvents.TIMESHEET_ID.toString());
		assertThat(json.get("batchId").asString()).isEqualTo(SampleEvents.BATCH_ID.toString());
		assertThat(json.get("occurredAt").isString()).isTrue();
		assertThat(json.get("occurredAt").asString()).isEqualTo("2026-03-10T09:15:30.123Z");
		assertThat(json.get("schemaVersion").isInt()).isTrue();
		assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
		assertThat(json.get("actor").get("clientId").asString()).isEqualTo(event.actor().clientId());
	}

	@Test
	void writesExactlyTheContractPropertiesOfASubmission() {
		JsonNode json = tree(SampleEvents.submitted());
		assertThat(json.propertyNames()).containsExactlyInAnyOrder("type", "eventId", "timesheetId", "batchId",
				"occurredAt", "actor", "schemaVersion", "entry");
		assertThat(json.get("entry").propertyNames()).containsExactlyInAnyOrder("externalId", "employeeId",
				"projectCode", "workDate", "hours", "note");
		assertThat(json.get("actor").propertyNames()).containsExactlyInAnyOrder("clientId", "subject", "employeeId");
	}

	@Test
	void writesWorkDateAsIsoDateAndHoursAsPlainNumber() {
		JsonNode entry = tree(SampleEvents.submitted()).get("entry");
		assertThat(entry.get("workDate").isString()).isTrue();
		assertThat(entry.get("workDate").asString()).isEqualTo("2026-03-09");
		assertThat(entry.get("hours").isNumber()).isTrue();
		assertThat(entry.get("hours").decimalValue()).isEqualByComparingTo("7.5");
	}

	@Test
	void writesWholeHoursWithoutExponent() {
		String json = new String(codec.encode(SampleEvents.submittedMinimal()), StandardCharsets.UTF_8);
		assertThat(json).contains("\"hours\":10").doesNotContainIgnoringCase("e+").doesNotContain("\"hours\":\"");
	}

	@ParameterizedTest
	@FieldSource("events")
	void writesNoNullsAndNoJavaClassNames(TimesheetEvent event) {
		String json = new String(codec.encode(event), StandardCharsets.UTF_8);
		assertThat(json).doesNotContain("null")
			.doesNotContain("com.exampleco")
			.doesNotContain("@class")
			.doesNotContain("eventType");
	}

	@Test
	void omitsAbsentOptionalFields() {
		assertThat(tree(SampleEvents.submittedMinimal()).get("entry").has("note")).isFalse();
		assertThat(tree(SampleEvents.submittedMinimal()).get("actor").has("employeeId")).isFalse();
		assertThat(tree(SampleEvents.approvedMinimal()).has("comment")).isFalse();
		assertThat(tree(SampleEvents.rejectedMinimal()).has("reason")).isFalse();
	}

	@Test
	void writesTheOptionalFieldsWhenPresent() {
		assertThat(tree(SampleEvents.approved()).get("comment").asString()).isEqualTo("Looks right");
		assertThat(tree(SampleEvents.rejected()).get("reason").asString()).isEqualTo("Wrong project");
		assertThat(tree(SampleEvents.submitted()).get("actor").get("employeeId").asString()).isEqualTo("EMP-7");
	}

	@Test
	void encodesAsUtf8() {
		TimesheetEntry entry = new TimesheetEntry("Zeile-ä", "E", "P", SampleEvents.entry().workDate(), BigDecimal.ONE,
				"Grüße 😀");
		TimesheetSubmitted event = new TimesheetSubmitted(SampleEvents.EVENT_ID, SampleEvents.TIMESHEET_ID,
				SampleEvents.BATCH_ID, SampleEvents.OCCURRED_AT, SampleEvents.MACHINE, 1, entry);
		byte[] bytes = codec.encode(event);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Grüße 😀");
		assertThat(codec.decode(bytes)).isEqualTo(event);
	}

	@Test
	void toTreeEqualsTheEncodedJson() {
		TimesheetEvent event = SampleEvents.submitted();
		assertThat(mapper.writeValueAsString(codec.toTree(event)))
			.isEqualTo(new String(codec.encode(event), StandardCharsets.UTF_8));
	}

	@Test
	void encodeRequiresAnEvent() {
		assertThatNullPointerException().isThrownBy(() -> codec.encode(null));
	}

	@Test
	void toleratesUnknownProperties() {
		ObjectNode json = (ObjectNode) tree(SampleEvents.submitted());
		json.put("traceparent", "00-abc-def-01");
		((ObjectNode) json.get("entry")).put("costCentre", "CC-1");
		((ObjectNode) json.get("actor")).putObject("extra").put("nested", true);
		assertThat(codec.decode(mapper.writeValueAsBytes(json))).isEqualTo(SampleEvents.submitted());
	}

	@Test
	void decodesAnEventWrittenByAnotherProducer() {
		String json = """
				{"schemaVersion":1,"type":"TimesheetRejected","occurredAt":"2026-03-10T09:15:30+01:00",
				 "eventId":"0b5f1f0e-8a1c-5d0e-9a55-1d2f3e4a5b6c","timesheetId":"9a298b03-6ed7-5962-bb4b-3e3a0f40d8cf",
				 "batchId":"6e66aa77-100a-561d-99d1-44198aa1ebf3","actor":{"clientId":"c","subject":"s"},"reason":"no"}
				""";
		TimesheetEvent event = codec.decode(json.getBytes(StandardCharsets.UTF_8));
		assertThat(event).isInstanceOf(TimesheetRejected.class);
		assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-10T08:15:30Z"));
		assertThat(((TimesheetRejected) event).reason()).isEqualTo("no");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "{", "hello", "{\"type\":", "[]", "[{\"type\":\"TimesheetDeleted\"}]", "null", "42",
			"\"TimesheetDeleted\"" })
	void rejectsValuesThatAreNotAJsonObject(String value) {
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> codec.decode(value.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void decodesEveryExampleInTheReadme() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		Matcher blocks = Pattern.compile("```json\\n(\\{\\s*\"type\".*?)```", Pattern.DOTALL).matcher(readme);
		List<EventType> types = new ArrayList<>();
		while (blocks.find()) {
			types.add(codec.decode(blocks.group(1).getBytes(StandardCharsets.UTF_8)).eventType());
		}
		assertThat(types).containsExactly(EventType.values());
	}

	@Test
	void rejectsMissingValue() {
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> codec.decode(null))
			.withMessageContaining("empty");
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> codec.decode(new byte[0]))
			.withMessageContaining("empty");
	}

	@Test
	void rejectsObjectFollowedByMoreJson() {
		byte[] json = (new String(codec.encode(SampleEvents.deleted()), StandardCharsets.UTF_8) + " {}")
			.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> codec.decode(json));
	}

	static Stream<Arguments> brokenSubmissions() {
		return Stream.of(broken("unknown type", (json) -> json.put("type", "TimesheetArchived")),
				broken("missing type", (json) -> json.remove("type")),
				broken("type not a string", (json) -> json.put("type", 1)),
				broken("schemaVersion 0", (json) -> json.put("schemaVersion", 0)),
				broken("schemaVersion as string", (json) -> json.put("schemaVersion", "1")),
				broken("missing schemaVersion", (json) -> json.remove("schemaVersion")),
				broken("missing eventId", (json) -> json.remove("eventId")),
				broken("eventId not a uuid", (json) -> json.put("eventId", "not-a-uuid")),
				broken("timesheetId too short",
						(json) -> json.put("timesheetId", "9a298b03-6ed7-5962-bb4b-3e3a0f40d8c")),
				broken("batchId null", (json) -> json.putNull("batchId")),
				broken("occurredAt not a date-time", (json) -> json.put("occurredAt", "yesterday")),
				broken("occurredAt as number", (json) -> json.put("occurredAt", 1773134130)),
				broken("hours 0", (json) -> entry(json).put("hours", 0)),
				broken("hours 24.25", (json) -> entry(json).put("hours", new BigDecimal("24.25"))),
				broken("hours 7.3", (json) -> entry(json).put("hours", new BigDecimal("7.3"))),
				broken("hours negative", (json) -> entry(json).put("hours", -1)),
				broken("hours as string", (json) -> entry(json).put("hours", "8")),
				broken("missing entry", (json) -> json.remove("entry")),
				broken("entry not an object", (json) -> json.put("entry", "ROW-42")),
				broken("workDate not real", (json) -> entry(json).put("workDate", "2026-02-30")),
				broken("workDate not ISO", (json) -> entry(json).put("workDate", "09.03.2026")),
				broken("missing workDate", (json) -> entry(json).remove("workDate")),
				broken("missing externalId", (json) -> entry(json).remove("externalId")),
				broken("employeeId with space", (json) -> entry(json).put("employeeId", "EMP 7")),
				broken("missing actor", (json) -> json.remove("actor")),
				broken("missing actor.clientId", (json) -> actor(json).remove("clientId")),
				broken("empty actor.subject", (json) -> actor(json).put("subject", "")),
				broken("blank actor.clientId", (json) -> actor(json).put("clientId", "  ")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenSubmissions")
	void rejectsDocumentsThatBreakTheContract(String description, Consumer<ObjectNode> breakIt) {
		ObjectNode json = (ObjectNode) tree(SampleEvents.submitted());
		breakIt.accept(json);
		byte[] bytes = mapper.writeValueAsBytes(json);
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> codec.decode(bytes));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("com.exampleco.timesheets.events.EventSchemasTests#textFields")
	void refusesANulInAnyTextField(String field, TimesheetEvent event, BiConsumer<ObjectNode, String> set) {
		ObjectNode json = (ObjectNode) tree(event);
		set.accept(json, "A\u0000B");
		byte[] bytes = mapper.writeValueAsBytes(json);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\\u0000");
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> codec.decode(bytes));
	}

	@Test
	void writesTheManagersTeamCanonicalSortedAndReadsItBack() {
		TimesheetApproved approved = SampleEvents.approved();

		JsonNode actor = tree(approved).get("actor");

		assertThat(actor.get("team").toString()).isEqualTo("[\"E1001\",\"E1003\"]");
		assertThat(new EventSchemas().validate(EventType.APPROVED, tree(approved))).isEmpty();
		TimesheetEvent decoded = codec.decode(codec.encode(approved));
		assertThat(decoded.actor().team()).containsExactly("E1001", "E1003");
		assertThat(decoded.actor().manages("e1003")).isTrue();
		assertThat(decoded.actor().manages("E1004")).isFalse();
	}

	@Test
	void leavesTheTeamOutWhenThereIsNone() {
		assertThat(tree(SampleEvents.rejectedMinimal()).get("actor").has("team")).isFalse();
		assertThat(tree(SampleEvents.deleted()).get("actor").has("team")).isFalse();
		assertThat(new Actor("web", "ana", "E1001", List.of()).hasTeam()).isFalse();
		assertThat(new Actor("web", "ana", "E1001", null).team()).isEmpty();
	}

	@Test
	void readsAnOldRecordWithoutTeamAsAnActorWithoutTeam() {
		ObjectNode json = (ObjectNode) tree(SampleEvents.approved());
		((ObjectNode) json.get("actor")).remove("team");
		byte[] bytes = mapper.writeValueAsBytes(json);

		TimesheetEvent decoded = codec.decode(bytes);

		assertThat(decoded.actor().employeeId()).isEqualTo("E1002");
		assertThat(decoded.actor().team()).isEmpty();
		assertThat(decoded.actor().hasTeam()).isFalse();
	}

	@Test
	void readsAnEmptyTeamAsNoTeam() {
		ObjectNode json = (ObjectNode) tree(SampleEvents.approved());
		((ObjectNode) json.get("actor")).putArray("team");

		assertThat(codec.decode(mapper.writeValueAsBytes(json)).actor().hasTeam()).isFalse();
	}

	@Test
	void anActorWithATeamNeedsAnEmployeeAndValidMembers() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new Actor("web", "maria", null, List.of("E1001")));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new Actor("web", "maria", "E1002", List.of("E 1001")));
	}

	@ParameterizedTest(name = "schemaVersion {0}")
	@ValueSource(strings = { "2", "3", "17", "2147483648", "99999999999999999999999" })
	void aNewerSchemaVersionIsNotMalformed(String version) {
		ObjectNode json = (ObjectNode) tree(SampleEvents.approved());
		json.put("schemaVersion", new java.math.BigInteger(version));
		json.put("approvalChain", "a property only the newer version knows");
		byte[] bytes = mapper.writeValueAsBytes(json);
		assertThatExceptionOfType(UnsupportedSchemaVersionException.class).isThrownBy(() -> codec.decode(bytes))
			.satisfies((ex) -> {
				assertThat(ex).isNotInstanceOf(MalformedEventException.class);
				assertThat(ex.schemaVersion()).isGreaterThan(TimesheetEvent.CURRENT_SCHEMA_VERSION);
				assertThat(ex.type()).isEqualTo("TimesheetApproved");
				assertThat(ex.getMessage()).contains("schemaVersion").contains(ex.schemaVersion() + "");
			});
	}

	@Test
	void aNewerSchemaVersionIsRecognisedWhateverItsTypeAndShape() {
		byte[] bytes = "{\"type\":\"TimesheetArchived\",\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(UnsupportedSchemaVersionException.class).isThrownBy(() -> codec.decode(bytes))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("TimesheetArchived"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("olderOrInvalidVersions")
	void aLowerOrInvalidSchemaVersionIsMalformed(String description, Consumer<ObjectNode> breakIt) {
		ObjectNode json = (ObjectNode) tree(SampleEvents.approved());
		breakIt.accept(json);
		byte[] bytes = mapper.writeValueAsBytes(json);
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> codec.decode(bytes));
	}

	static Stream<Arguments> olderOrInvalidVersions() {
		return Stream.of(broken("0", (json) -> json.put("schemaVersion", 0)),
				broken("-1", (json) -> json.put("schemaVersion", -1)),
				broken("2 as string", (json) -> json.put("schemaVersion", "2")),
				broken("2.5", (json) -> json.put("schemaVersion", new BigDecimal("2.5"))),
				broken("true", (json) -> json.put("schemaVersion", true)),
				broken("null", (json) -> json.putNull("schemaVersion")),
				broken("missing", (json) -> json.remove("schemaVersion")));
	}

	@Test
	void listsEverySchemaViolation() {
		ObjectNode json = (ObjectNode) tree(SampleEvents.submitted());
		json.remove("eventId");
		entry(json).put("hours", 0);
		byte[] bytes = mapper.writeValueAsBytes(json);
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> codec.decode(bytes))
			.satisfies((ex) -> assertThat(ex.problems()).hasSizeGreaterThanOrEqualTo(2)
				.anySatisfy((problem) -> assertThat(problem).contains("eventId"))
				.anySatisfy((problem) -> assertThat(problem).contains("hours")));
	}

	@Test
	void schemaViolationsOfAValidEventAreEmpty() {
		assertThat(codec.schemaViolations(codec.encode(SampleEvents.submitted()))).isEmpty();
	}

	@Test
	void schemaViolationsRefusesBytesThatAreNoEvent() {
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> codec.schemaViolations("{\"type\":\"X\"}".getBytes(StandardCharsets.UTF_8)));
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> codec.schemaViolations("{".getBytes(StandardCharsets.UTF_8)));
	}

	private static Arguments broken(String description, Consumer<ObjectNode> breakIt) {
		return Arguments.of(description, breakIt);
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
