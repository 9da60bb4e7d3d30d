package com.exampleco.timesheets.processor.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.processor.ledger.AppliedBatch.Result;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the ledger reads and writes timesheets and outcomes. Every method runs in the
 * caller's transaction and either completes or throws a {@code DataAccessException}; a
 * fixed number of statements per call, whatever the number of rows. Empty lists write
 * nothing.
 */
interface LedgerStore {

	/**
	 * The store for a database, chosen once per ledger: {@link CopyLedgerStore} on
	 * PostgreSQL, {@link JdbcLedgerStore} elsewhere (H2).
	 * @param jdbc the database
	 * @return the store
	 */
	static LedgerStore on(JdbcTemplate jdbc) {
		Boolean postgres = jdbc.execute((ConnectionCallback<Boolean>) PostgresCopy::supports);
		return Boolean.TRUE.equals(postgres) ? new CopyLedgerStore(jdbc) : new JdbcLedgerStore(jdbc);
	}

	/**
	 * The eventIds recorded for these batches, in {@code applied_runs} (APPLIED) or in
	 * {@code event_outcome_rows} (UNCHANGED, REJECTED, and every outcome recorded before
	 * V5): what a retried request finds. Looked up by batch, not by event: a batch's rows
	 * are few, its events many.
	 * @param batchIds the batches to look up
	 * @return the recorded eventIds of those batches
	 */
	Set<UUID> recordedEventIds(Collection<UUID> batchIds);

	/**
	 * The current state of the existing timesheets among these ids.
	 * @param timesheetIds the ids to load
	 * @return the states by id, in the order the database returned them (modifiable)
	 */
	Map<UUID, Timesheet> loadTimesheets(Collection<UUID> timesheetIds);

	/**
	 * Inserts new timesheets.
	 * @param timesheets the rows
	 * @param now their {@code updated_at}
	 */
	void insertTimesheets(List<Timesheet> timesheets, Instant now);

	/**
	 * Updates existing timesheets if their version is still the loaded one.
	 * @param timesheets the rows
	 * @param loadedVersions the version each row had when loaded
	 * @param now their {@code updated_at}
	 * @throws org.springframework.dao.OptimisticLockingFailureException when a row's
	 * version changed meanwhile (another consumer, a zombie after a rebalance)
	 */
	void updateTimesheets(List<Timesheet> timesheets, Map<UUID, Long> loadedVersions, Instant now);

	/**
	 * Records runs of APPLIED events in {@code applied_runs}.
	 * @param runs the runs
	 * @param now their {@code applied_at}
	 */
	void insertRuns(List<AppliedRun> runs, Instant now);

	/**
	 * Records UNCHANGED and REJECTED outcomes in {@code event_outcome_rows}.
	 * @param outcomes the outcomes
	 * @param now their {@code applied_at}
	 */
	void insertOutcomes(List<Result> outcomes, Instant now);

	/**
	 * Records duplicate deliveries in {@code duplicate_events}.
	 * @param duplicates the {@link Outcome#DUPLICATE} results
	 * @param now their {@code received_at}
	 */
	void insertDuplicates(List<Result> duplicates, Instant now);

	/**
	 * Records every result where it belongs: APPLIED ones in runs ({@code applied_runs}),
	 * duplicates in {@code duplicate_events}, the others in {@code event_outcome_rows}.
	 * @param results the results
	 * @param now their write time
	 */
	default void recordResults(List<Result> results, Instant now) {
		List<Result> outcomes = new ArrayList<>();
		List<Result> duplicates = new ArrayList<>();
		for (Result result : results) {
			if (result.outcome() == Outcome.DUPLICATE) {
				duplicates.add(result);
			}
			else if (result.outcome() != Outcome.APPLIED) {
				outcomes.add(result);
			}
		}
		insertRuns(AppliedRun.of(results), now);
		insertOutcomes(outcomes, now);
		insertDuplicates(duplicates, now);
	}

}
