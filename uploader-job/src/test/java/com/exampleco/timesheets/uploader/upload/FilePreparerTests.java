package com.exampleco.timesheets.uploader.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.exampleco.timesheets.events.IdempotencyKeys;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.entry.EntryFormat;
import com.exampleco.timesheets.events.entry.EntryLimits;
import com.exampleco.timesheets.events.entry.EntryReader;
import com.exampleco.timesheets.events.entry.EntryValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FilePreparerTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);

	final EntryValidator validator = new EntryValidator(EntryLimits.DEFAULTS, CLOCK);

	final FilePreparer preparer = new FilePreparer(this.validator);

	@TempDir
	Path dir;

	@Test
	void sameContentGivesTheSameKeysWhateverTheFileName() throws IOException {
		String csv = csv(7);
		PreparedFile first = this.preparer.prepare(write("a.csv", csv), EntryFormat.CSV, 3);
		PreparedFile second = this.preparer.prepare(write("renamed.csv", csv), EntryFormat.CSV, 3);

		assertThat(first.batches()).extracting(Batch::idempotencyKey)
			.containsExactlyElementsOf(second.batches().stream().map(Batch::idempotencyKey).toList())
			.doesNotHaveDuplicates()
			.allSatisfy((key) -> assertThat(IdempotencyKeys.isValid(key)).isTrue());
		assertThat(first.batches()).extracting(Batch::entries).containsExactly(3, 3, 1);
		assertThat(first.batches().get(2).idempotencyKey()).isEqualTo("tsu1." + first.sha256() + ".3.3");
	}

	@Test
	void changedContentOrBatchSizeGivesOtherKeys() throws IOException {
		PreparedFile original = this.preparer.prepare(write("a.csv", csv(4)), EntryFormat.CSV, 2);
		PreparedFile changed = this.preparer.prepare(write("b.csv", csv(4).replace(",8,", ",7.5,")), EntryFormat.CSV,
				2);
		PreparedFile resized = this.preparer.prepare(write("c.csv", csv(4)), EntryFormat.CSV, 4);

		assertThat(changed.batches().get(0).idempotencyKey()).isNotEqualTo(original.batches().get(0).idempotencyKey());
		assertThat(resized.batches().get(0).idempotencyKey()).isNotEqualTo(original.batches().get(0).idempotencyKey());
	}

	@Test
	void batchBodiesReadBackAsTheValidatedEntries() throws IOException {
		String csv = "external_id,employee_id,project_code,work_date,hours,note\n"
				+ " A-1 ,E1,P.1,2026-11-02,7.50,\"a, \"\"b\"\"\nc\"\n" + "A-2,E1,P.1,2026-11-03,10,\n";
		PreparedFile file = this.preparer.prepare(write("a.csv", csv), EntryFormat.CSV, 500);

		EntryReader.Result read = new EntryReader().read(EntryFormat.JSON_ARRAY, file.batches().get(0).body());
		List<TimesheetEntry> sent = this.validator.validate(read.entries()).entries();
		List<TimesheetEntry> original = this.validator
			.validate(new EntryReader().read(EntryFormat.CSV, csv.getBytes(StandardCharsets.UTF_8)).entries())
			.entries();
		assertThat(sent).isEqualTo(original);
		assertThat(new String(file.batches().get(0).body(), StandardCharsets.UTF_8)).contains("\"hours\":10")
			.doesNotContain("E+1");
		assertThat(file.batches().get(0).lines()).containsExactly(2, 4);
	}

	@Test
	void duplicateExternalIdsAcrossBatchesFailTheWholeFile() throws IOException {
		String csv = csv(3) + "r-1,E1,P1,2026-11-02,1,\n";
		PreparedFile file = this.preparer.prepare(write("dup.csv", csv), EntryFormat.CSV, 2);

		assertThat(file.valid()).isFalse();
		assertThat(file.batches()).isEmpty();
		assertThat(file.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.line()).isEqualTo(5))
			.satisfies((violation) -> assertThat(violation.field()).isEqualTo("externalId"));
	}

	@Test
	void everyBadRowIsReportedWithItsLine() throws IOException {
		String csv = "external_id,employee_id,project_code,work_date,hours,note\n" + "r-1,E1,P1,2026-11-02,1\n"
				+ "r-2,E1,P1,2026-11-31,1,\n" + "r-3,E1,P1,2026-11-02,1,\n" + "r-4,E1,P1,2026-12-02,1,\n";
		PreparedFile file = this.preparer.prepare(write("bad.csv", csv), EntryFormat.CSV, 2);

		assertThat(file.valid()).isFalse();
		assertThat(file.violations()).extracting((v) -> v.line()).contains(2);
	}

	@Test
	void anEmptyFileIsInvalid() throws IOException {
		PreparedFile file = this.preparer.prepare(
				write("empty.csv", "external_id,employee_id,project_code,work_date,hours,note\r\n\r\n"),
				EntryFormat.CSV, 2);

		assertThat(file.valid()).isFalse();
		assertThat(file.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.message()).contains("no entries"));
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

	private static String csv(int rows) {
		StringBuilder csv = new StringBuilder("external_id,employee_id,project_code,work_date,hours,note\n");
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= rows; i++) {
			lines.add("r-" + i + ",E1,P1,2026-11-02,8,\n");
		}
		lines.forEach(csv::append);
		return csv.toString();
	}

}
