package com.exampleco.timesheets.uploader.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InboxTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path root;

	@Test
	void keepsEveryCopyOfANameFinishedWithinOneSecond() throws IOException {
		Inbox inbox = new Inbox(this.root, CLOCK);
		for (String content : List.of("monday", "tuesday", "wednesday")) {
			Path file = Files.writeString(this.root.resolve("week.csv"), content);
			inbox.finish(file, report(), true);
		}

		assertThat(this.root.resolve("done/week.csv")).hasContent("monday");
		assertThat(this.root.resolve("done/week.20261130T020000Z.csv")).hasContent("tuesday");
		assertThat(this.root.resolve("done/week.20261130T020000Z-2.csv")).hasContent("wednesday");
		assertThat(this.root.resolve("done/week.20261130T020000Z-2.csv.report.json")).isRegularFile();
	}

	private static FileReport report() {
		return new FileReport("week.csv", "DONE", "CSV", "a".repeat(64), UUID.randomUUID(), 1, 500, 1, 1, List.of(),
				CLOCK.instant(), CLOCK.instant(), List.of(), null);
	}

}
