package com.exampleco.timesheets.processor.intake;

import com.exampleco.timesheets.events.MalformedEventException;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.UnsupportedSchemaVersionException;

/**
 * Turns a record value into an event. The processor's is the contract's
 * {@link com.exampleco.timesheets.events.TimesheetEventCodec}; the seam exists so that a
 * test can stand in for a processor of a newer contract version.
 */
@FunctionalInterface
public interface EventDecoder {

	/**
	 * The event a record value holds.
	 * @param value the record value
	 * @return the event, never null
	 * @throws MalformedEventException when the value can never be an event (DLT)
	 * @throws UnsupportedSchemaVersionException when the value is an event of a newer
	 * schema version than this processor knows (stop, upgrade)
	 */
	TimesheetEvent decode(byte[] value);

}
