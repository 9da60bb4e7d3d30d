package com.exampleco.timesheets.systemtests;

import java.util.HashSet;
import java.util.Set;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Last: every entry any scenario got a 202 for is in the database exactly once. Fills the
 * figures table's database rows.
 */
@Order(99)
@ExtendWith(SystemTestPipeline.class)
class FinalFiguresSystemTests {

	private final Pipeline pipeline = SystemTestPipeline.get();

	private final Ledger ledger = new Ledger(this.pipeline);

	@Test
	void everyAcknowledgedEntryIsInTheDatabaseExactlyOnce() {
		Set<String> acknowledged = new HashSet<>(Figures.acknowledged);
		Set<String> present = new HashSet<>();
		this.ledger.externalIds("").forEach((id) -> {
			if (acknowledged.contains(id)) {
				present.add(id);
			}
		});
		Figures.entriesInDatabase.set(present.size());
		Figures.lost.set(acknowledged.size() - present.size());
		Figures.duplicates.set((int) this.ledger.doubled(""));
		Figures.redeliveries.set((int) this.ledger.count("SELECT COUNT(*) FROM duplicate_events"));
		assertThat(acknowledged).isNotEmpty();
		assertThat(Figures.lost.get()).as("acknowledged entries missing from the database").isZero();
		assertThat(Figures.duplicates.get()).as("entries applied more than once").isZero();
	}

}
