package com.exampleco.timesheets.uploader.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UploadRecordsTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);

	static final String HASH_A = "a".repeat(64);

	static final String HASH_B = "b".repeat(64);

	@TempDir
	Path root;

	Inbox inbox;

	@BeforeEach
	void openInbox() {
		this.inbox = new Inbox(this.root, CLOCK);
	}

	@Test
	void aFileWithoutRecordBeginsANewUploadAndRecordsItBeforeAnythingIsSent() throws IOException {
		Path file = file("week.csv");

		UploadRecords.Begun begun = uploads().begin(file, HASH_A, 500);

		assertThat(begun.how()).isEqualTo(UploadRecords.Begun.How.NEW);
		assertThat(this.root.resolve(".week.csv.upload.json")).isRegularFile();
		assertThat(uploads().read(file))
			.contains(new UploadRecord(begun.upload().uploadId(), HASH_A, 500, CLOCK.instant(), null));
		// written through a temporary file, renamed into place
		assertThat(leftovers()).containsExactly(".week.csv.upload.json");
	}

	@Test
	void theSameBytesContinueTheRecordedUploadWithItsBatchSize() throws IOException {
		Path file = file("week.csv");
		UUID first = uploads().begin(file, HASH_A, 500).upload().uploadId();

		UploadRecords.Begun again = uploads().begin(file, HASH_A, 200);

		assertThat(again.how()).isEqualTo(UploadRecords.Begun.How.CONTINUED);
		assertThat(again.upload().uploadId()).isEqualTo(first);
		assertThat(again.upload().batchSize()).isEqualTo(500);
	}

	@Test
	void changedBytesBeginANewUpload() throws IOException {
		Path file = file("week.csv");
		UUID first = uploads().begin(file, HASH_A, 500).upload().uploadId();

		UploadRecords.Begun changed = uploads().begin(file, HASH_B, 500);

		assertThat(changed.how()).isEqualTo(UploadRecords.Begun.How.RESTARTED);
		assertThat(changed.why()).contains("the file changed since upload " + first);
		assertThat(changed.upload().uploadId()).isNotEqualTo(first);
		assertThat(uploads().read(file)).map(UploadRecord::sha256).contains(HASH_B);
	}

	@Test
	void anUnreadableRecordBeginsANewUpload() throws IOException {
		Path file = file("week.csv");
		Files.writeString(this.root.resolve(".week.csv.upload.json"), "{\"uploadId\":");

		UploadRecords.Begun begun = uploads().begin(file, HASH_A, 500);

		assertThat(begun.how()).isEqualTo(UploadRecords.Begun.How.RESTARTED);
		assertThat(begun.why()).contains("could not be read");
		assertThat(uploads().read(file)).map(UploadRecord::uploadId).contains(begun.upload().uploadId());
	}

	@Test
	void finishingRemovesTheRecordWhetherDoneOrFailed() throws IOException {
		Path done = file("done.csv");
		Path failed = file("failed.csv");
		uploads().begin(done, HASH_A, 500);
		uploads().begin(failed, HASH_B, 500);

		this.inbox.finish(done, report("done.csv"), true);
		this.inbox.finish(failed, report("failed.csv"), false);

		assertThat(this.root.resolve("done/done.csv")).isRegularFile();
		assertThat(this.root.resolve("failed/failed.csv")).isRegularFile();
		assertThat(leftovers()).isEmpty();
		try (Stream<Path> moved = Stream.concat(Files.list(this.root.resolve("done")),
				Files.list(this.root.resolve("failed")))) {
			assertThat(moved.map((path) -> path.getFileName().toString())).noneMatch((name) -> name.startsWith("."));
		}
	}

	@Test
	void aCopyOfAFileMovedOutBeforeItsRecordWasRemovedIsANewUpload() throws IOException {
		// a crash between moving week.csv to done/ and removing its record, then the same
		// bytes dropped in again
		Path file = file("week.csv");
		UUID monday = uploads().begin(file, HASH_A, 500).upload().uploadId();
		uploads().finishing(file, this.root.resolve("done/week.csv"));
		Files.createDirectories(this.root.resolve("done"));
		Files.move(file, this.root.resolve("done/week.csv"));
		file("week.csv");

		UploadRecords.Begun wednesday = uploads().begin(file, HASH_A, 500);

		assertThat(wednesday.how()).isEqualTo(UploadRecords.Begun.How.RESTARTED);
		assertThat(wednesday.why()).contains("already finished as done/week.csv");
		assertThat(wednesday.upload().uploadId()).isNotEqualTo(monday);
	}

	@Test
	void aFileWhoseMoveOutDidNotHappenContinuesItsUpload() throws IOException {
		// a crash between marking the record and moving the file
		Path file = file("week.csv");
		UUID first = uploads().begin(file, HASH_A, 500).upload().uploadId();
		uploads().finishing(file, this.root.resolve("done/week.csv"));

		UploadRecords.Begun again = uploads().begin(file, HASH_A, 500);

		assertThat(again.how()).isEqualTo(UploadRecords.Begun.How.CONTINUED);
		assertThat(again.upload().uploadId()).isEqualTo(first);
		assertThat(uploads().read(file)).map(UploadRecord::finishingAs).isEmpty();
	}

	@Test
	void sweepRemovesRecordsOfFilesNoLongerInTheInboxAndInterruptedWrites() throws IOException {
		Path kept = file("kept.csv");
		Path gone = file("gone.csv");
		uploads().begin(kept, HASH_A, 500);
		uploads().begin(gone, HASH_B, 500);
		Files.delete(gone);
		Files.writeString(this.root.resolve(".kept.csv.upload.json.tmp"), "{");

		List<String> removed = uploads().sweep();

		assertThat(removed).containsExactly("gone.csv");
		assertThat(leftovers()).containsExactly(".kept.csv.upload.json");
		assertThat(this.inbox.files()).containsExactly(kept);
	}

	private UploadRecords uploads() {
		return this.inbox.uploads();
	}

	private Path file(String name) throws IOException {
		return Files.writeString(this.root.resolve(name), "external_id\n");
	}

	private List<String> leftovers() throws IOException {
		try (Stream<Path> files = Files.list(this.root)) {
			return files.map((path) -> path.getFileName().toString())
				.filter((name) -> name.startsWith(".") && name.contains(".upload.json"))
				.sorted()
				.toList();
		}
	}

	private static FileReport report(String name) {
		return new FileReport(name, "DONE", "CSV", HASH_A, UUID.randomUUID(), 1, 500, 1, 1, List.of(), CLOCK.instant(),
				CLOCK.instant(), List.of(), null);
	}

}
