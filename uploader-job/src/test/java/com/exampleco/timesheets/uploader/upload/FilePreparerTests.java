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
import java.util.UUID;

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

	static final UUID UPLOAD = UUID.fromString("0b5f3c1e-8a4d-4c47-9a51-3d0e7f6a2b10");

	@Test
	void theSameUploadOfTheSameContentGivesTheSameKeysWhateverTheFileName() throws IOException {
		String csv = csv(7);
		Upload first = upload(write("a.csv", csv), UPLOAD, 3);
		Upload retry = upload(write("renamed.csv", csv), UPLOAD, 3);

		assertThat(first.batches()).extracting(Batch::idempotencyKey)
			.containsExactlyElementsOf(retry.batches().stream().map(Batch::idempotencyKey).toList())
			.doesNotHaveDuplicates()
			.allSatisfy((key) -> assertThat(IdempotencyKeys.isValid(key)).isTrue());
		assertThat(first.batches()).extracting(Batch::entries).containsExactly(3, 3, 1);
		assertThat(first.batches().get(2).idempotencyKey())
			.isEqualTo("tsu2." + first.file().sha256() + "." + UPLOAD + ".3.3");
	}

	@Test
	void anotherUploadOfTheSameBytesGivesOtherKeys() throws IOException {
		Path file = write("a.csv", csv(4));
		Upload monday = upload(file, UPLOAD, 2);
		Upload wednesday = upload(file, UUID.randomUUID(), 2);

		assertThat(wednesday.file().sha256()).isEqualTo(monday.file().sha256());
		assertThat(wednesday.batches()).extracting(Batch::idempotencyKey)
			.doesNotContainAnyElementsOf(monday.batches().stream().map(Batch::idempotencyKey).toList());
		assertThat(wednesday.batches()).extracting(Batch::body)
			.containsExactlyElementsOf(monday.batches().stream().map(Batch::body).toList());
	}

	@Test
	void changedContentOrBatchSizeGivesOtherKeys() throws IOException {
		Upload original = upload(write("a.csv", csv(4)), UPLOAD, 2);
		Upload changed = upload(write("b.csv", csv(4).replace(",8,", ",7.5,")), UPLOAD, 2);
		Upload resized = upload(write("c.csv", csv(4)), UPLOAD, 4);

		assertThat(changed.batches().get(0).idempotencyKey()).isNotEqualTo(original.batches().get(0).idempotencyKey());
		assertThat(resized.batches().get(0).idempotencyKey()).isNotEqualTo(original.batches().get(0).idempotencyKey());
	}

	@Test
	void theLongestKeyFitsTheApisLimit() {
		String key = FilePreparer.idempotencyKey("f".repeat(64), UPLOAD, 100_000, 100_000);

		assertThat(key).hasSizeLessThanOrEqualTo(120);
		assertThat(IdempotencyKeys.isValid(key)).isTrue();
	}

	@Test
	void batchBodiesReadBackAsTheValidatedEntries() throws IOException {
		String csv = "external_id,employee_id,project_code,work_date,hours,note\n"
				+ " A-1 ,E1,P.1,2026-11-02,7.50,\"a, \"\"b\"\"\nc\"\n" + "A-2,E1,P.1,2026-11-03,10,\n";
		Upload file = upload(write("a.csv", csv), UPLOAD, 500);

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
		PreparedFile file = this.preparer.prepare(write("dup.csv", csv), EntryFormat.CSV);

		assertThat(file.valid()).isFalse();
		assertThat(file.validated()).isEmpty();
		assertThat(file.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.line()).isEqualTo(5))
			.satisfies((violation) -> assertThat(violation.field()).isEqualTo("externalId"));
	}

	@Test
	void everyBadRowIsReportedWithItsLine() throws IOException {
		String csv = "external_id,employee_id,project_code,work_date,hours,note\n" + "r-1,E1,P1,2026-11-02,1\n"
				+ "r-2,E1,P1,2026-11-31,1,\n" + "r-3,E1,P1,2026-11-02,1,\n" + "r-4,E1,P1,2026-12-02,1,\n";
		PreparedFile file = this.preparer.prepare(write("bad.csv", csv), EntryFormat.CSV);

		assertThat(file.valid()).isFalse();
		assertThat(file.violations()).extracting((v) -> v.line()).contains(2);
	}

	@Test
	void anEmptyFileIsInvalid() throws IOException {
		PreparedFile file = this.preparer.prepare(
				write("empty.csv", "external_id,employee_id,project_code,work_date,hours,note\r\n\r\n"),
				EntryFormat.CSV);

		assertThat(file.valid()).isFalse();
		assertThat(file.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.message()).contains("no entries"));
	}

	private Upload upload(Path file, UUID uploadId, int batchSize) throws IOException {
		return this.preparer.split(this.preparer.prepare(file, EntryFormat.CSV), uploadId, batchSize);
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
