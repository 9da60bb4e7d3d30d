package com.exampleco.timesheets.uploader.upload;

import java.nio.file.Path;
import java.util.List;

import com.exampleco.timesheets.events.entry.EntryFormat;
import com.exampleco.timesheets.events.entry.Violation;

/**
 * A file read and validated whole with the shared entry rules: either every entry is
 * valid and split into batches, or there are violations and nothing may be sent.
 *
 * @param path the file
 * @param format its format, from its extension
 * @param sha256 hex SHA-256 of its bytes
 * @param entries how many entries it holds (valid or not)
 * @param batchSize the batch size used to split it
 * @param batches the batches, empty when there are violations
 * @param violations every problem found, with line numbers; empty when valid
 */
public record PreparedFile(Path path, EntryFormat format, String sha256, int entries, int batchSize,
		List<Batch> batches, List<Violation> violations) {

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
