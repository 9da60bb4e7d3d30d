package com.exampleco.timesheets.uploader.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.exampleco.timesheets.uploader.auth.AuthenticationProblem;

/**
 * Sends the batches of one file, at most {@code concurrency} at a time. Once a batch
 * fails for good (or the run must stop), batches not yet started are skipped.
 */
public class FileUploader implements AutoCloseable {

	private final BatchSender sender;

	private final ExecutorService executor;

	public FileUploader(BatchSender sender, int concurrency) {
		this.sender = sender;
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(concurrency, (task) -> {
			Thread thread = new Thread(task, "uploader-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Sends every batch of an upload.
	 * @param file the upload
	 * @param listener hears about each batch and retry
	 * @return one result per batch, in batch order
	 * @throws AuthenticationProblem when the run must stop for want of a token
	 * @throws InterruptedException when interrupted
	 */
	public List<BatchResult> upload(Upload file, Listener listener) throws InterruptedException {
		AtomicBoolean stop = new AtomicBoolean();
		List<Future<BatchResult>> futures = new ArrayList<>();
		for (Batch batch : file.batches()) {
			futures.add(this.executor.submit(() -> {
				if (stop.get()) {
					return new BatchResult(batch, BatchResult.Outcome.SKIPPED, null, 0, 0, null, List.of());
				}
				try {
					BatchResult result = this.sender.send(batch, listener::retrying);
					if (result.outcome() != BatchResult.Outcome.ACCEPTED) {
						stop.set(true);
					}
					listener.finished(result);
					return result;
				}
				catch (RuntimeException | InterruptedException ex) {
					stop.set(true);
					throw ex;
				}
			}));
		}
		List<BatchResult> results = new ArrayList<>();
		AuthenticationProblem problem = null;
		for (Future<BatchResult> future : futures) {
			try {
				results.add(future.get());
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof AuthenticationProblem authentication) {
					problem = (problem != null) ? problem : authentication;
				}
				else if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				else {
					throw new IllegalStateException(ex.getCause());
				}
			}
		}
		if (problem != null) {
			throw problem;
		}
		return results;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/** Hears about progress. */
	public interface Listener {

		/**
		 * A batch ended.
		 * @param result how
		 */
		void finished(BatchResult result);

		/**
		 * A batch waits to be retried.
		 * @param batch the batch
		 * @param retry one-based retry number
		 * @param why the answer that calls for it
		 * @param delay the wait
		 */
		void retrying(Batch batch, int retry, String why, java.time.Duration delay);

	}

}
