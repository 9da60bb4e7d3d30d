package com.exampleco.timesheets.systemtests;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.exampleco.timesheets.launcher.process.JavaProcess;
import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.systemtests.harness.UploaderRun;

/**
 * A steady upload against one pipeline, in two background threads until {@link #stop()}:
 * the real uploader job in rounds (a CSV file of {@code roundEntries} entries each, sent
 * in batches of 50, one request at a time, backing off at most 5 s), and direct API calls
 * (batches of 20 entries, each with its own {@code Idempotency-Key}, re-sent with the
 * same key after 1 s until acknowledged). Every direct answer is recorded with its time,
 * so a test can tell when the API answered 503. External ids start with {@value #PREFIX}.
 */
final class ClusterLoad {

	static final String PREFIX = "rc-";

	static final int DIRECT_BATCH = 20;

	private final Pipeline pipeline;

	private final Path inboxes;

	private final int roundEntries;

	private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	private final List<Answered> answers = Collections.synchronizedList(new ArrayList<>());

	private final List<UploaderRun> runs = Collections.synchronizedList(new ArrayList<>());

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean stopping;

	ClusterLoad(Pipeline pipeline, Path inboxes, int roundEntries) {
		this.pipeline = pipeline;
		this.inboxes = inboxes;
		this.roundEntries = roundEntries;
	}

	void start() {
		this.threads.add(new Thread(this::uploadRounds, "cluster-load-uploader"));
		this.threads.add(new Thread(this::postBatches, "cluster-load-direct"));
		this.threads.forEach(Thread::start);
	}

	/**
	 * Lets both threads finish what they are sending (the current upload round, the
	 * current batch), then returns.
	 */
	void stop() throws InterruptedException {
		this.stopping = true;
		for (Thread thread : this.threads) {
			thread.join(Duration.ofMinutes(10).toMillis());
		}
	}

	/**
	 * External ids of every entry acknowledged so far (202 to a direct call, or a round
	 * that ended with exit 0).
	 */
	Set<String> acknowledged() {
		return Set.copyOf(this.acknowledged);
	}

	/** Every answer to a direct call, in order. */
	List<Answered> answers() {
		synchronized (this.answers) {
			return List.copyOf(this.answers);
		}
	}

	/** The uploader rounds that ended. */
	List<UploaderRun> runs() {
		synchronized (this.runs) {
			return List.copyOf(this.runs);
		}
	}

	/** Whether a direct call was acknowledged after the given time. */
	boolean acknowledgedSince(Instant since) {
		return answers().stream().anyMatch((answer) -> answer.status() == 202 && answer.at().isAfter(since));
	}

	private void uploadRounds() {
		for (int round = 0; !this.stopping; round++) {
			String prefix = PREFIX + "u" + round + "-";
			Path inbox = this.inboxes.resolve("round-" + round);
			List<String> ids = Entries.writeCsv(inbox.resolve("round-" + round + ".csv"), prefix, 0, this.roundEntries);
			JavaProcess job = this.pipeline.startUploader(inbox, "--batch-size=50", "--concurrency=1",
					"--timesheets.uploader.backoff.max-delay=5s");
			UploaderRun run = this.pipeline.finished(job, job.awaitExit(Duration.ofMinutes(8)));
			this.runs.add(run);
			if (run.exitCode() == 0) {
				this.acknowledged.addAll(ids);
			}
		}
	}

	private void postBatches() {
		String token = this.pipeline.accessToken(Pipeline.UPLOADER);
		String prefix = PREFIX + "d-";
		for (int batch = 0; !this.stopping; batch++) {
			String body = Entries.jsonArray(prefix, batch * DIRECT_BATCH, DIRECT_BATCH);
			Map<String, String> key = Map.of("Idempotency-Key", prefix + batch);
			// the same request until it is acknowledged: a 503 may have an unknown
			// outcome
			while (true) {
				Answered answer = post(token, body, key);
				this.answers.add(answer);
				if (answer.status() == 202) {
					for (int n = batch * DIRECT_BATCH; n < (batch + 1) * DIRECT_BATCH; n++) {
						this.acknowledged.add(Entries.externalId(prefix, n));
					}
					break;
				}
				if (answer.status() == 401) {
					token = this.pipeline.accessToken(Pipeline.UPLOADER);
				}
				else if (answer.status() != 503 && answer.status() != -1) {
					break; // recorded; the test fails on it
				}
				pause(Duration.ofSeconds(1));
			}
			// pacing, not waiting for a result: a steady stream, not a flood
			pause(Duration.ofMillis(50));
		}
	}

	private Answered post(String token, String body, Map<String, String> headers) {
		try {
			Http.Answer answer = Http.post(this.pipeline.ingestUrl() + "/timesheet-batches", token, "application/json",
					body, headers);
			return new Answered(Instant.now(), answer.status(), answer.retryAfter(), answer.isProblem());
		}
		catch (UncheckedIOException ex) {
			return new Answered(Instant.now(), -1, null, false);
		}
	}

	private static void pause(Duration duration) {
		try {
			TimeUnit.MILLISECONDS.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One answer to a direct call.
	 *
	 * @param at when it arrived
	 * @param status the HTTP status; -1 when the connection failed
	 * @param retryAfter its {@code Retry-After}, or null
	 * @param problem whether it was {@code application/problem+json}
	 */
	record Answered(Instant at, int status, String retryAfter, boolean problem) {

	}

}
