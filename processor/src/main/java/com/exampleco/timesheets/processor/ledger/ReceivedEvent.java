package com.exampleco.timesheets.processor.ledger;

import com.exampleco.timesheets.events.TimesheetEvent;

/**
 * A decoded event with the coordinates of the record that carried it.
 *
 * @param event the event, never null
 * @param topic the record's topic
 * @param partition the record's partition
 * @param offset the record's offset
 */
public record ReceivedEvent(TimesheetEvent event, String topic, int partition, long offset) {
}
