package com.exampleco.timesheets.events;

/**
 * The kinds of {@link TimesheetEvent}, with the names used in JSON ({@code type}), in the
 * CloudEvents {@code ce_type} header and for the JSON Schema file.
 */
public enum EventType {

	/** {@link TimesheetSubmitted}. */
	SUBMITTED("TimesheetSubmitted", "timesheet-submitted"),

	/** {@link TimesheetApproved}. */
	APPROVED("TimesheetApproved", "timesheet-approved"),

	/** {@link TimesheetRejected}. */
	REJECTED("TimesheetRejected", "timesheet-rejected"),

	/** {@link TimesheetDeleted}. */
	DELETED("TimesheetDeleted", "timesheet-deleted");

	private static final String CE_TYPE_PREFIX = "com.exampleco.timesheets.";

	private final String jsonName;

	private final String schemaName;

	EventType(String jsonName, String schemaName) {
		this.jsonName = jsonName;
		this.schemaName = schemaName;
	}

	/**
	 * The value of the JSON {@code type} property.
	 * @return for example {@code TimesheetSubmitted}
	 */
	public String jsonName() {
		return this.jsonName;
	}

	/**
	 * The CloudEvents type of this event at the given schema version.
	 * @param schemaVersion the schema version
	 * @return for example {@code com.exampleco.timesheets.TimesheetSubmitted.v1}
	 */
	public String cloudEventType(int schemaVersion) {
		return CE_TYPE_PREFIX + this.jsonName + ".v" + schemaVersion;
	}

	/**
	 * The class-path resource of the JSON Schema of this event at the given version.
	 * @param schemaVersion the schema version
	 * @return for example {@code schemas/timesheet-submitted.v1.schema.json}
	 */
	public String schemaResource(int schemaVersion) {
		return "schemas/" + this.schemaName + ".v" + schemaVersion + ".schema.json";
	}

	/**
	 * The type with the given JSON name.
	 * @param jsonName the value of the {@code type} property
	 * @return the type
	 * @throws IllegalArgumentException when no type has that name
	 */
	public static EventType fromJsonName(String jsonName) {
		for (EventType type : values()) {
			if (type.jsonName.equals(jsonName)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown event type '" + jsonName + "'");
	}

	static EventType of(TimesheetEvent event) {
		if (event instanceof TimesheetSubmitted) {
			return SUBMITTED;
		}
		if (event instanceof TimesheetApproved) {
			return APPROVED;
		}
		if (event instanceof TimesheetRejected) {
			return REJECTED;
		}
		return DELETED;
	}

}
