package com.exampleco.timesheets.events;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas (draft 2020-12) of the events, loaded from this jar's {@code schemas/}
 * folder. Thread-safe; build once and share.
 */
public final class EventSchemas {

	private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

	/** Loads the schemas of the current schema version, with format assertions on. */
	public EventSchemas() {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder
					.schemaIdResolvers((resolvers) -> resolvers
						.mapPrefix(CloudEventHeaders.SCHEMA_BASE_URI + "schemas/", "classpath:schemas/"))
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
		for (EventType type : EventType.values()) {
			String resource = type.schemaResource(TimesheetEvent.CURRENT_SCHEMA_VERSION);
			Schema schema = registry.getSchema(SchemaLocation.of(CloudEventHeaders.SCHEMA_BASE_URI + resource));
			schema.initializeValidators();
			this.schemas.put(type, schema);
		}
	}

	/**
	 * Validates a JSON document against the schema of the given event type.
	 * @param type the event type
	 * @param document the parsed document
	 * @return the violations, each as a readable message; empty when valid
	 */
	public List<String> validate(EventType type, JsonNode document) {
		Schema schema = this.schemas.get(type);
		return schema.validate(document).stream().map(Error::toString).toList();
	}

}
