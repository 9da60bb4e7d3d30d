package com.exampleco.timesheets.uploader.upload;

import java.nio.file.Path;
import java.util.List;

import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.entry.EntryFormat;
import com.exampleco.timesheets.events.entry.Violation;

/**
 * A file read and validated whole with the shared entry rules: either every entry is
 * valid and may be split into the batches of an {@link Upload}, or there are violations
 * and nothing may be sent.
 *
 * @param path the file
 * @param format its format, from its extension
 * @param sha256 hex SHA-256 of its bytes
 * @param entries how many entries it holds (valid or not)
 * @param validated the validated entries in file order, empty when there are violations
 * @param lines the file line each validated entry starts on, in the same order
 * @param violations every problem found, with line numbers; empty when valid
 */
public record PreparedFile(Path path, EntryFormat format, String sha256, int entries, List<TimesheetEntry> validated,
		List<Integer> lines, List<Violation> violations) {

	/**
	 * Whether the file may be sent.
	 * @return true when it has no violation and at least one entry
	 */
	public boolean valid() {
		return this.violations.isEmpty();
	}

	/**
	 * The file's name.
	 * @return the last path element
	 */
	public String name() {
		return this.path.getFileName().toString();
	}

}
