package com.exampleco.timesheets.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.TimesheetIds;
import com.exampleco.timesheets.systemtests.harness.Pipeline;

/**
 * Generated timesheet entries of one scenario: external ids {@code <prefix><n>}, valid by
 * every rule (quarter hours, dates in 2026 up to yesterday), employees E1001, E1002 and
 * E2000–E2047.
 */
final class Entries {

	private Entries() {
	}

	static String externalId(String prefix, int n) {
		return prefix + n;
	}

	static String employee(int n) {
		int slot = n % 50;
		return (slot == 0) ? "E1002" : (slot == 1) ? "E1001" : "E20" + String.format("%02d", slot - 2);
	}

	static LocalDate workDate(int n) {
		LocalDate start = LocalDate.of(2026, 1, 1);
		long days = Math.max(1, LocalDate.now().minusDays(1).toEpochDay() - start.toEpochDay());
		return start.plusDays(n % days);
	}

	static BigDecimal hours(int n) {
		return BigDecimal.valueOf((n % 32) + 1).multiply(new BigDecimal("0.25"));
	}

	static UUID timesheetId(String externalId) {
		return TimesheetIds.timesheetId(Pipeline.UPLOADER.id(), externalId);
	}

	static String csvLine(String prefix, int n) {
		return externalId(prefix, n) + "," + employee(n) + ",P" + (n % 7) + "," + workDate(n) + ","
				+ hours(n).toPlainString() + ",system test " + n;
	}

	/**
	 * Writes {@code count} entries starting at {@code first} as a CSV file.
	 * @return the external ids written
	 */
	static List<String> writeCsv(Path file, String prefix, int first, int count) {
		StringBuilder csv = new StringBuilder("external_id,employee_id,project_code,work_date,hours,note\n");
		List<String> ids = new ArrayList<>();
		for (int n = first; n < first + count; n++) {
			csv.append(csvLine(prefix, n)).append('\n');
			ids.add(externalId(prefix, n));
		}
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, csv, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ids;
	}

	/** A JSON array of entries for POST /timesheet-batches. */
	static String jsonArray(String prefix, int first, int count) {
		StringBuilder json = new StringBuilder("[");
		for (int n = first; n < first + count; n++) {
			if (n > first) {
				json.append(',');
			}
			json.append(jsonEntry(prefix, n));
		}
		return json.append(']').toString();
	}

	static String jsonEntry(String prefix, int n) {
		return "{\"externalId\":\"" + externalId(prefix, n) + "\",\"employeeId\":\"" + employee(n)
				+ "\",\"projectCode\":\"P" + (n % 7) + "\",\"workDate\":\"" + workDate(n) + "\",\"hours\":"
				+ hours(n).toPlainString() + ",\"note\":\"system test " + n + "\"}";
	}

}
