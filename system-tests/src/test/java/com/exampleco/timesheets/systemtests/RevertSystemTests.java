package com.exampleco.timesheets.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.systemtests.harness.UploaderRun;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: a revert is never silently dropped. File A on Monday, a corrected B on
 * Tuesday, the byte-identical A again on Wednesday, each through the real uploader with
 * {@code --await}: the state ends as A, and Wednesday's events are applied, not dropped
 * as duplicates of Monday's.
 */
@Order(9)
@ExtendWith(SystemTestPipeline.class)
class RevertSystemTests {

	static final String PREFIX = "rv-";

	static final int ENTRIES = 40;

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	@Test
	void uploadingAThenBThenAAgainEndsInA() throws IOException {
		Path inbox = this.pipeline.logDirectory().resolveSibling("inbox-revert");
		Path file = inbox.resolve("week.csv");
		String monday = csv("monday");
		String tuesday = csv("tuesday");
		List<String> ids = IntStream.range(0, ENTRIES).mapToObj((n) -> Entries.externalId(PREFIX, n)).toList();

		upload(file, monday);
		Figures.acknowledged.addAll(ids);
		assertThat(notes()).isEqualTo(Map.of("monday", (long) ENTRIES));
		upload(file, tuesday);
		assertThat(notes()).isEqualTo(Map.of("tuesday", (long) ENTRIES));
		upload(file, monday);
		Map<String, Long> after = notes();
		Figures.revertsLost.set((int) (ENTRIES - after.getOrDefault("monday", 0L)));
		assertThat(after).as("Wednesday's upload of Monday's bytes is applied")
			.isEqualTo(Map.of("monday", (long) ENTRIES));
		assertThat(this.ledger.outcomes(PREFIX)).isEqualTo(Map.of("SUBMITTED/APPLIED", 3L * ENTRIES));
		assertThat(this.ledger.duplicateDeliveries(PREFIX)).isZero();
		assertThat(this.ledger.doubled(PREFIX)).isZero();
	}

	private void upload(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
		UploaderRun run = this.pipeline.runUploader(file.getParent(), Duration.ofMinutes(3), "--await");
		assertThat(run.exitCode()).as(run.text()).isZero();
		assertThat(run.text()).contains("1 done, 0 failed");
	}

	private Map<String, Long> notes() {
		return this.ledger.grouped("SELECT note, COUNT(*) FROM timesheets WHERE external_id LIKE ? GROUP BY note",
				PREFIX + "%");
	}

	private static String csv(String note) {
		StringBuilder csv = new StringBuilder("external_id,employee_id,project_code,work_date,hours,note\n");
		for (int n = 0; n < ENTRIES; n++) {
			csv.append(Entries.externalId(PREFIX, n))
				.append(',')
				.append(Entries.employee(n))
				.append(",RV,")
				.append(Entries.workDate(n))
				.append(',')
				.append(Entries.hours(n).toPlainString())
				.append(',')
				.append(note)
				.append('\n');
		}
		return csv.toString();
	}

}
