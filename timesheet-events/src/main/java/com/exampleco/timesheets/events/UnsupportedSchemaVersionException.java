package com.exampleco.timesheets.events;

/**
 * A record value is a well-formed JSON object whose {@code schemaVersion} is an integer
 * greater than {@link TimesheetEvent#CURRENT_SCHEMA_VERSION}: an event written by a newer
 * producer than this code understands. Unlike a {@link MalformedEventException} it is not
 * poison: a newer consumer can process it, so a consumer must stop (and not skip it or
 * dead-letter it) until it is upgraded. Deploy consumers before producers.
 */
public class UnsupportedSchemaVersionException extends RuntimeException {

	private final long schemaVersion;

	private final String type;

	/**
	 * A new exception.
	 * @param schemaVersion the version the document names (saturated at
	 * {@link Long#MAX_VALUE})
	 * @param type the document's {@code type} property as written, may be empty
	 */
	public UnsupportedSchemaVersionException(long schemaVersion, String type) {
		super("event of schemaVersion " + schemaVersion + " (type '" + type + "') is newer than the supported "
				+ TimesheetEvent.CURRENT_SCHEMA_VERSION);
		this.schemaVersion = schemaVersion;
		this.type = type;
	}

	/**
	 * The schema version the event names.
	 * @return the version, greater than the current one
	 */
	public long schemaVersion() {
		return this.schemaVersion;
	}

	/**
	 * The event's {@code type} property as written, which this code may not know.
	 * @return the type name, never null, may be empty
	 */
	public String type() {
		return this.type;
	}

}
