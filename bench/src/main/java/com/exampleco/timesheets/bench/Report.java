package com.exampleco.timesheets.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The figures of one run: a table for people and a JSON file for machines. */
final class Report {

	private final List<Row> rows = new ArrayList<>();

	private final Map<String, Object> peakRssMb = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private final String mode;

	private final Instant startedAt = Instant.now();

	Report(String mode) {
		this.mode = mode;
	}

	/**
	 * One figure.
	 *
	 * @param figure what was measured
	 * @param value the measured value
	 * @param unit its unit
	 * @param baseline the raw baseline it is compared with, or null
	 * @param baselineValue the baseline's value (same unit), or null
	 * @param goal the goal as text (e.g. "≥ 0.5×"), or null
	 * @param met whether the goal was met, or null without a goal
	 * @param details extra figures (latency percentiles, counts)
	 */
	record Row(String figure, double value, String unit, String baseline, Double baselineValue, Double ratio,
			String goal, Boolean met, Map<String, Object> details) {
	}

	Row add(String figure, double value, String unit, Map<String, Object> details) {
		return added(new Row(figure, round(value), unit, null, null, null, null, null, details));
	}

	/** A figure with a baseline; the ratio is value / baseline; goal = minimum ratio. */
	Row compare(String figure, double value, String unit, String baseline, double baselineValue, Double minRatio,
			Map<String, Object> details) {
		Double ratio = (baselineValue > 0) ? round(value / baselineValue) : null;
		String goal = (minRatio != null) ? "≥ " + minRatio + "×" : null;
		Boolean met = (minRatio != null && ratio != null) ? ratio >= minRatio : null;
		return added(new Row(figure, round(value), unit, baseline, round(baselineValue), ratio, goal, met, details));
	}

	/**
	 * A figure with a baseline (ratio = value / baseline) and an upper bound on the value
	 * as its goal (CPU per request).
	 */
	Row compareAtMost(String figure, double value, String unit, String baseline, double baselineValue, double max,
			Map<String, Object> details) {
		Double ratio = (baselineValue > 0) ? round(value / baselineValue) : null;
		return added(new Row(figure, round(value), unit, baseline, round(baselineValue), ratio, "≤ " + max + " " + unit,
				value <= max, details));
	}

	/** A figure with a lower bound as its goal (the highest rate that keeps a bound). */
	Row atLeast(String figure, double value, String unit, double min, Map<String, Object> details) {
		return added(new Row(figure, round(value), unit, null, null, null, "≥ " + number(min) + " " + unit,
				value >= min, details));
	}

	/** A figure with an upper bound as its goal (latency). */
	Row bounded(String figure, double value, String unit, double max, Map<String, Object> details) {
		return added(
				new Row(figure, round(value), unit, null, null, null, "≤ " + max + " " + unit, value <= max, details));
	}

	private Row added(Row row) {
		this.rows.add(row);
		System.out.println("  " + format(row));
		return row;
	}

	/** The figures so far, in order. */
	List<Row> rows() {
		return List.copyOf(this.rows);
	}

	void peakRss(String process, Object megabytes) {
		this.peakRssMb.put(process, megabytes);
	}

	void note(String note) {
		this.notes.add(note);
		System.out.println("  note: " + note);
	}

	private static double round(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		return (Math.abs(value) >= 100) ? Math.round(value) : Math.round(value * 1000) / 1000.0;
	}

	private static String format(Row row) {
		StringBuilder line = new StringBuilder(
				String.format(Locale.ROOT, "%-52s %12s %-9s", row.figure(), number(row.value()), row.unit()));
		if (row.baseline() != null) {
			line.append(String.format(Locale.ROOT, " %-34s %12s %7s", row.baseline(), number(row.baselineValue()),
					(row.ratio() != null) ? String.format(Locale.ROOT, "%.2f×", row.ratio()) : "-"));
		}
		else {
			line.append(String.format(Locale.ROOT, " %-34s %12s %7s", "", "", ""));
		}
		if (row.goal() != null) {
			line.append(String.format(Locale.ROOT, "  %-10s %s", row.goal(),
					Boolean.TRUE.equals(row.met()) ? "met" : "MISSED"));
		}
		return line.toString();
	}

	private static String number(Double value) {
		if (value == null || value.isNaN()) {
			return "-";
		}
		return (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.2f", value);
	}

	void printTable(PrintStream out, Map<String, Object> machine) {
		out.println();
		out.println("== bench (" + this.mode + ") " + this.startedAt + " ==");
		out.println("machine: " + machine);
		out.println(String.format(Locale.ROOT, "%-52s %12s %-9s %-34s %12s %7s  %s", "figure", "value", "unit",
				"raw baseline", "baseline", "ratio", "goal"));
		this.rows.forEach((row) -> out.println(format(row)));
		out.println("peak RSS (MB): " + this.peakRssMb);
		this.notes.forEach((note) -> out.println("note: " + note));
	}

	void writeJson(Path file, Map<String, Object> machine, Map<String, Object> settings) throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("mode", this.mode);
		json.put("startedAt", this.startedAt.toString());
		json.put("finishedAt", Instant.now().toString());
		json.put("machine", machine);
		json.put("settings", settings);
		json.put("figures", this.rows);
		json.put("peakRssMb", this.peakRssMb);
		json.put("notes", this.notes);
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file.toFile(), json);
	}

}
