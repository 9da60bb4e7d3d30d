package com.exampleco.timesheets.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reading the logs {@link JavaProcess} writes: the last run's output, and the last lines
 * for failure messages (these never throw: a missing or unreadable log is reported in the
 * text).
 */
public final class ProcessLogs {

	private ProcessLogs() {
	}

	/**
	 * What the last run printed: the lines after the log's last
	 * {@value JavaProcess#START_MARKER} line (all lines when there is none).
	 * @param log the log file
	 * @return the lines, never null
	 * @throws UncheckedIOException when the log cannot be read
	 */
	public static List<String> lastRun(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			int start = 0;
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).startsWith(JavaProcess.START_MARKER)) {
					start = i + 1;
				}
			}
			return List.copyOf(lines.subList(start, lines.size()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The last lines of one log, each prefixed with {@code [name]}.
	 * @param name the process name
	 * @param log the log file
	 * @param lines how many
	 * @return the text, never null
	 */
	public static String tail(String name, Path log, int lines) {
		if (!Files.isRegularFile(log)) {
			return "[" + name + "] (no log at " + log + ")";
		}
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			StringBuilder out = new StringBuilder(
					"---- last " + Math.min(lines, all.size()) + " lines of " + log + " ----\n");
			all.subList(Math.max(0, all.size() - lines), all.size())
				.forEach((line) -> out.append('[').append(name).append("] ").append(line).append('\n'));
			return out.toString();
		}
		catch (IOException | UncheckedIOException ex) {
			return "[" + name + "] cannot read " + log + ": " + ex.getMessage();
		}
	}

	/**
	 * The last lines of every {@code <name>.log} in a folder, in name order.
	 * @param directory the folder
	 * @param lines lines per log
	 * @return the text, never null
	 */
	public static String tailAll(Path directory, int lines) {
		StringBuilder out = new StringBuilder();
		try (Stream<Path> files = Files.list(directory)) {
			files.sorted().forEach((log) -> {
				String name = log.getFileName().toString().replaceFirst("\\.log$", "");
				out.append(tail(name, log, lines)).append('\n');
			});
		}
		catch (IOException | UncheckedIOException ex) {
			out.append("(no logs under ").append(directory).append(")");
		}
		return out.toString();
	}

}
