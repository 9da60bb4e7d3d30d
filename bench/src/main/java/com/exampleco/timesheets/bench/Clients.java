package com.exampleco.timesheets.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop clients: the same loop on {@code n} threads of their own, each with its own
 * connection, until every one has returned.
 */
final class Clients {

	private Clients() {
	}

	/** One client's work (opens its own connection, runs until its deadline). */
	interface Loop {

		void run() throws Exception;

	}

	/**
	 * Runs {@code clients} copies of the loop and waits for all of them.
	 * @throws Exception the first failure of a loop (wrapped in an
	 * {@link java.util.concurrent.ExecutionException})
	 */
	static void run(int clients, Loop loop) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				futures.add(pool.submit(() -> {
					loop.run();
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * The measured part of a closed-loop phase: after {@code warmupSeconds} from now, for
	 * {@code seconds}.
	 *
	 * @param from start of the measured window ({@link System#nanoTime()})
	 * @param end its end, when the clients stop
	 */
	record Window(long from, long end) {

		static Window after(int warmupSeconds, int seconds) {
			long from = System.nanoTime() + warmupSeconds * 1_000_000_000L;
			return new Window(from, from + seconds * 1_000_000_000L);
		}

		/** Whether a request sent at {@code sent} is measured. */
		boolean measures(long sent) {
			return sent >= this.from;
		}

		/** Whether a client should send another request. */
		boolean open() {
			return System.nanoTime() < this.end;
		}

	}

}
