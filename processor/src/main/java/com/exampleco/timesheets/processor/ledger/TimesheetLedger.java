package com.exampleco.timesheets.processor.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Applies a polled batch of events to the database in one transaction, and only
 * orchestrates. First the stored offsets of the batch's partitions are read and locked
 * ({@link StoredOffsets}): a record before its partition's stored offset was applied by
 * an earlier transaction (a redelivery after a crash or a retry in place) and is skipped.
 * For the rest, the {@link LedgerStore} looks up the eventIds already recorded for their
 * batches and the timesheets they name, the pure {@link BatchApplier} decides (duplicates
 * of a retried request dropped and recorded in {@code duplicate_events}, the
 * {@link StateMachine} run in delivery order, which is offset order per timesheet since a
 * timesheet lives in one partition), and the store writes states and outcomes (APPLIED
 * ones as runs). Last, the offsets after the batch are stored: the same transaction, so
 * the database always says which records its state contains. A fixed number of round
 * trips per batch. When the database refuses the batch deterministically (a data
 * exception or a constraint violation, see {@link DatabaseRefusals}), the batch is
 * applied again, event by event behind savepoints, in one transaction: the refused event
 * is recorded as {@link Outcome#REJECTED} with the refusal as reason and the others are
 * applied, so one record never blocks its partition.
 */
@Service
public class TimesheetLedger {

	private static final Logger logger = LoggerFactory.getLogger(TimesheetLedger.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final BatchApplier applier = new BatchApplier();

	private final StoredOffsets offsets;

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
		this.offsets = new StoredOffsets(jdbc);
		this.clock = clock;
	}

	/**
	 * Applies the events in one transaction and stores the positions in it; when this
	 * returns, the transaction has committed. Any exception means nothing was written.
	 * @param groupId the consumer group whose offsets are stored
	 * @param events the decoded records of the batch in delivery order, may be empty
	 * @param positions where the batch ended in each partition it read
	 * @return the outcomes and the resulting states, never null
	 */
	public AppliedBatch apply(String groupId, List<ReceivedEvent> events, Collection<ReadPosition> positions) {
		if (positions.isEmpty()) {
			return new AppliedBatch(List.of(), Map.of(), 0, this.clock.instant());
		}
		AppliedBatch batch;
		try {
			batch = this.transactions.execute((status) -> applyAndStore(groupId, events, positions, null));
		}
		catch (DataAccessException ex) {
			String state = DatabaseRefusals.deterministicState(ex);
			if (state == null) {
				throw ex;
			}
			logger.warn("The database refused a batch of {} events (SQLState {}); applying them one by one to "
					+ "isolate the refused record", events.size(), state);
			batch = this.transactions.execute((status) -> applyAndStore(groupId, events, positions, status));
		}
		return new AppliedBatch(batch.results(), batch.touched(), batch.redelivered(), this.clock.instant());
	}

	/**
	 * The stored offsets of a topic's partitions, read without a lock: where a consumer
	 * assigned these partitions starts.
	 * @param groupId the consumer group
	 * @param topic the topic
	 * @param partitions the partitions
	 * @return the next offset to read by partition, for the partitions that have one
	 */
	public Map<Integer, Long> storedOffsets(String groupId, String topic, Collection<Integer> partitions) {
		return this.offsets.read(groupId, topic, partitions, false);
	}

	/**
	 * In the transaction: skips records before the stored offsets, applies the rest
	 * (event by event behind savepoints when {@code isolating} is given) and stores the
	 * new offsets.
	 */
	private AppliedBatch applyAndStore(String groupId, List<ReceivedEvent> events, Collection<ReadPosition> positions,
			TransactionStatus isolating) {
		Map<String, Map<Integer, Long>> stored = new LinkedHashMap<>();
		Map<String, Set<Integer>> partitions = new LinkedHashMap<>();
		positions.forEach((p) -> partitions.computeIfAbsent(p.topic(), (t) -> new TreeSet<>()).add(p.partition()));
		partitions.forEach((topic, numbers) -> stored.put(topic, this.offsets.read(groupId, topic, numbers, true)));
		List<ReceivedEvent> fresh = new ArrayList<>(events.size());
		List<UUID> redelivered = new ArrayList<>();
		for (ReceivedEvent received : events) {
			Long next = stored.getOrDefault(received.topic(), Map.of()).get(received.partition());
			if (next != null && received.offset() < next) {
				redelivered.add(received.event().timesheetId());
			}
			else {
				fresh.add(received);
			}
		}
		AppliedBatch applied = (isolating != null) ? applyIsolating(fresh, isolating) : applyInTransaction(fresh);
		Map<UUID, Timesheet> touched = applied.touched();
		if (!redelivered.isEmpty()) {
			// their states go to the state topic again: the publication after the first
			// commit may have failed
			touched = new LinkedHashMap<>(touched);
			touched.putAll(store().loadTimesheets(redelivered));
			logger.info("Skipped {} records already applied (before the stored offsets of their partitions)",
					redelivered.size());
		}
		this.offsets.write(groupId, positions, stored, applied.committedAt());
		return new AppliedBatch(applied.results(), Collections.unmodifiableMap(touched), redelivered.size(),
				applied.committedAt());
	}

	/**
	 * Applies the events one by one in the transaction, each behind a savepoint: an event
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
		return new AppliedBatch(results, touched, 0, now);
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
		if (events.isEmpty()) {
			return new AppliedBatch(List.of(), Map.of(), 0, now);
		}
		LedgerStore store = store();
		Set<UUID> recorded = store.recordedEventIds(BatchApplier.batchIds(events));
		Map<UUID, Timesheet> current = store.loadTimesheets(BatchApplier.timesheetIds(events));
		Plan plan = this.applier.apply(events, recorded, current);
		store.insertTimesheets(plan.inserts(), now);
		store.updateTimesheets(plan.updates(), plan.loadedVersions(), now);
		store.recordResults(plan.results(), now);
		return new AppliedBatch(plan.results(), plan.states(), 0, now);
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
