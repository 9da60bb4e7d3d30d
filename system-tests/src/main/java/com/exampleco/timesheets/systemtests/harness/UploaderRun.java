package com.exampleco.timesheets.systemtests.harness;

import java.util.List;

/**
 * One finished run of the real uploader job.
 *
 * @param exitCode the job's exit code (0 all done, 1 some file failed or stayed, 2 could
 * not run)
 * @param output what it printed (standard output and error), never null
 */
public record UploaderRun(int exitCode, List<String> output) {

	public UploaderRun {
		output = List.copyOf(output);
	}

	/**
	 * The output as one text.
	 * @return the lines joined with line breaks
	 */
	public String text() {
		return String.join("\n", this.output);
	}

}
