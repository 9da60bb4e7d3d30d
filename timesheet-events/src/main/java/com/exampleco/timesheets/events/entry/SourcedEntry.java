package com.exampleco.timesheets.events.entry;

/**
 * A {@link RawEntry} with where it came from.
 *
 * @param index zero-based position in the batch or file
 * @param line one-based line of the file or body where the entry starts
 * @param raw the entry
 */
public record SourcedEntry(int index, int line, RawEntry raw) {

}
