package com.exampleco.timesheets.events.entry;

import java.time.LocalDate;

/**
 * The configurable bounds of the shared entry rules.
 *
 * @param maxNoteLength the longest note accepted, in characters (code points); at most
 * {@value #NOTE_LENGTH_CEILING}, the bound the published schema allows
 * @param earliestWorkDate the earliest work date accepted
 * @param maxDaysAhead how many days after today (UTC) a work date may lie, to allow for
 * time zones ahead of UTC
 */
public record EntryLimits(int maxNoteLength, LocalDate earliestWorkDate, int maxDaysAhead) {

	/**
	 * The longest note the event schema allows; {@link #maxNoteLength} cannot exceed it.
	 */
	public static final int NOTE_LENGTH_CEILING = 2000;

	/** The defaults: notes up to 500 characters, dates from 2000-01-01 to tomorrow. */
	public static final EntryLimits DEFAULTS = new EntryLimits(500, LocalDate.of(2000, 1, 1), 1);

	public EntryLimits {
		if (maxNoteLength < 0 || maxNoteLength > NOTE_LENGTH_CEILING) {
			throw new IllegalArgumentException("maxNoteLength must be between 0 and " + NOTE_LENGTH_CEILING);
		}
		if (earliestWorkDate == null) {
			throw new IllegalArgumentException("earliestWorkDate is required");
		}
		if (maxDaysAhead < 0) {
			throw new IllegalArgumentException("maxDaysAhead must not be negative");
		}
	}

}
