package com.exampleco.timesheets.processor.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.exampleco.timesheets.processor.ledger.AppliedBatch.Result;
import com.exampleco.timesheets.processor.ledger.BatchApplier.Plan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of events to the database in one transaction, and only orchestrates:
 * the {@link LedgerStore} looks up the eventIds already recorded and the timesheets the
 * batch names, the pure {@link BatchApplier} decides (duplicates dropped and recorded in
 * {@code duplicate_events}, the {@link StateMachine} run in delivery order, which is
 * offset order per timesheet since a timesheet lives in one partition), and the store
 * writes states and outcomes: a fixed number of round trips per batch, not one per event.
 * Applying the same batch twice changes no state. When the database refuses the batch
 * deterministically (a data exception or a constraint violation, see
 * {@link DatabaseRefusals}), the batch is applied again, event by event behind
 * savepoints, in one transaction: the refused event is recorded as
 * {@link Outcome#REJECTED} with the refusal as reason and the others are applied, so one
 * record never blocks its partition.
 */
@Service
public class TimesheetLedger {

	private static final Logger logger = LoggerFactory.getLogger(TimesheetLedger.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final BatchApplier applier = new BatchApplier();

	private final Clock clock;

	/**
	 * Where the rows go: {@link CopyLedgerStore} on PostgreSQL, {@link JdbcLedgerStore}
	 * elsewhere (H2). Chosen on the first batch.
	 */
	private volatile LedgerStore store;

	/**
	 * A ledger on the given database.
	 * @param jdbc the database
	 * @param transactions the transaction template of that database
	 * @param clock source of the applied-at time
	 */
	public TimesheetLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Applies the events in one transaction; when this returns, the transaction has
	 * committed. Any exception means nothing was written.
	 * @param events the batch in delivery order, may be empty
	 * @return the outcomes and the resulting states, never null
	 */
	public AppliedBatch apply(List<ReceivedEvent> events) {
		if (events.isEmpty()) {
			return new AppliedBatch(List.of(), Map.of(), this.clock.instant());
		}
		AppliedBatch batch;
		try {
			batch = this.transactions.execute((status) -> applyInTransaction(events));
		}
		catch (DataAccessException ex) {
			String state = DatabaseRefusals.deterministicState(ex);
			if (state == null) {
				throw ex;
			}
			logger.warn("The database refused a batch of {} events (SQLState {}); applying them one by one to "
					+ "isolate the refused record", events.size(), state);
			batch = this.transactions.execute((status) -> applyIsolating(events, status));
		}
		return new AppliedBatch(batch.results(), batch.touched(), this.clock.instant());
	}

	/**
	 * Applies the events one by one in one transaction, each behind a savepoint: an event
	 * the database refuses deterministically is rolled back to its savepoint and recorded
	 * as {@link Outcome#REJECTED} with the refusal as reason; the others are applied as
	 * usual. Any other failure propagates (the batch is retried).
	 */
	private AppliedBatch applyIsolating(List<ReceivedEvent> events, TransactionStatus status) {
		Instant now = this.clock.instant();
		List<Result> results = new ArrayList<>(events.size());
		Map<UUID, Timesheet> touched = new LinkedHashMap<>();
		for (ReceivedEvent received : events) {
			Object savepoint = status.createSavepoint();
			try {
				AppliedBatch one = applyInTransaction(List.of(received));
				status.releaseSavepoint(savepoint);
				results.addAll(one.results());
				touched.putAll(one.touched());
			}
			catch (DataAccessException ex) {
				String state = DatabaseRefusals.deterministicState(ex);
				if (state == null) {
					throw ex;
				}
				status.rollbackToSavepoint(savepoint);
				status.releaseSavepoint(savepoint);
				logger.warn("The database refused record {}-{}@{} (event {}, SQLState {}: {}); recorded as REJECTED",
						received.topic(), received.partition(), received.offset(), received.event().eventId(), state,
						firstLine(ex));
				Result refused = new Result(received, Outcome.REJECTED, DatabaseRefusals.describe(state));
				store().insertOutcomes(List.of(refused), now);
				results.add(refused);
				touched.putAll(store().loadTimesheets(List.of(received.event().timesheetId())));
			}
		}
		return new AppliedBatch(results, Collections.unmodifiableMap(touched), now);
	}

	private static String firstLine(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		String message = String.valueOf(root.getMessage());
		int end = message.indexOf('\n');
		message = (end >= 0) ? message.substring(0, end) : message;
		return (message.length() > 200) ? message.substring(0, 200) + "…" : message;
	}

	private AppliedBatch applyInTransaction(List<ReceivedEvent> events) {
		Instant now = this.clock.instant();
		LedgerStore store = store();
		Set<UUID> recorded = store.recordedEventIds(BatchApplier.eventIds(events));
		Map<UUID, Timesheet> current = store.loadTimesheets(BatchApplier.timesheetIds(events));
		Plan plan = this.applier.apply(events, recorded, current);
		store.insertTimesheets(plan.inserts(), now);
		store.updateTimesheets(plan.updates(), plan.loadedVersions(), now);
		store.recordResults(plan.results(), now);
		return new AppliedBatch(plan.results(), plan.states(), now);
	}

	private LedgerStore store() {
		LedgerStore store = this.store;
		if (store == null) {
			store = LedgerStore.on(this.jdbc);
			this.store = store;
		}
		return store;
	}

}
