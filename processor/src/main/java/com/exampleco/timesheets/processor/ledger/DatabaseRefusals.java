package com.exampleco.timesheets.processor.ledger;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a database failure that retrying can cure from one that the same bytes will meet
 * again and again. Deterministic: SQLState class {@code 22} (data exception: value too
 * long, invalid text, out of range, division by zero) and class {@code 23} (integrity
 * constraint violation: not null, check, foreign key) except {@code 23505}
 * (unique_violation, which here only means that another consumer, a zombie after a
 * rebalance, wrote the same key meanwhile; a retry then finds the event recorded).
 * Everything else is transient and retried in place: connection (class {@code 08}),
 * serialization failure {@code 40001}, deadlock {@code 40P01} (class {@code 40}),
 * insufficient resources ({@code 53}), operator intervention and timeouts ({@code 57}),
 * failures without an SQLState, and anything that is not an SQL failure at all.
 */
final class DatabaseRefusals {

	private DatabaseRefusals() {
	}

	/**
	 * The SQLState of a deterministic refusal somewhere in the failure's cause chain.
	 * @param failure the failure
	 * @return the SQLState when the failure is deterministic, else {@code null}
	 */
	static String deterministicState(Throwable failure) {
		String state = sqlState(failure);
		if (state == null || state.length() < 2) {
			return null;
		}
		String category = state.substring(0, 2);
		if (category.equals("22") || (category.equals("23") && !state.equals("23505"))) {
			return state;
		}
		return null;
	}

	/**
	 * What a person reads about a refusal: the SQLState and its class, never the values
	 * the database quotes in its message.
	 * @param state a deterministic SQLState
	 * @return the description
	 */
	static String describe(String state) {
		String kind = state.startsWith("22") ? "data exception" : "integrity constraint violation";
		return "database refused the event: SQLState " + state + " (" + kind + ")";
	}

	/** The first SQLState found, following causes and chained SQL exceptions. */
	static String sqlState(Throwable failure) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		Throwable current = failure;
		while (current != null && seen.put(current, Boolean.TRUE) == null) {
			if (current instanceof SQLException sql) {
				int chained = 0;
				for (SQLException next = sql; next != null && chained < 100; next = next.getNextException()) {
					if (next.getSQLState() != null) {
						return next.getSQLState();
					}
					chained++;
				}
			}
			current = current.getCause();
		}
		return null;
	}

}
