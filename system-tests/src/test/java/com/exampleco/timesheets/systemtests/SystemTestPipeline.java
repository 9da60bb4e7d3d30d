package com.exampleco.timesheets.systemtests;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.systemtests.harness.PipelineOptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The one pipeline all system tests of this JVM share (started by the first class that
 * needs it; stopped by {@link FiguresListener} after the last test, and by the harness's
 * shutdown hook if the JVM ends otherwise). As an extension it prints the tail of every
 * service log when a test fails.
 */
final class SystemTestPipeline implements BeforeAllCallback, TestWatcher {

	private static Pipeline pipeline;

	private static RuntimeException startFailure;

	static synchronized Pipeline get() {
		if (startFailure != null) {
			throw startFailure;
		}
		if (pipeline == null) {
			long started = System.nanoTime();
			try {
				// the web app too: BrowserSystemTests drive it in a real browser; short
				// key-cache rules and key-file polling: IssuerFaultSystemTests rotates
				// keys; spans exported to the test's OTLP receiver: TraceSystemTests
				pipeline = Pipeline.start(PipelineOptions.defaults()
					.withWebApp(true)
					.withArguments("ingest-api", IssuerFaultSystemTests.KEY_CACHE_RULES)
					.withArguments("ingest-api", OtlpReceiver.get().endpointArgument())
					.withArguments("processor", OtlpReceiver.get().endpointArgument())
					.withArguments("query-api", IssuerFaultSystemTests.KEY_CACHE_RULES)
					.withArguments("auth-server", "--timesheets.auth.key-file-poll-interval=1s"));
			}
			catch (RuntimeException ex) {
				startFailure = ex;
				throw ex;
			}
			System.out.printf("pipeline started in %.1f s: ingest %s, query %s, kafka %s, logs %s%n",
					(System.nanoTime() - started) / 1e9, pipeline.ingestUrl(), pipeline.queryUrl(),
					pipeline.kafkaBootstrap(), pipeline.logDirectory());
		}
		return pipeline;
	}

	static synchronized void stop() {
		if (pipeline != null) {
			pipeline.close();
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		get();
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		Pipeline running = pipeline;
		if (running != null) {
			System.out.println("==== " + context.getDisplayName() + " failed: tails of the service logs ====");
			System.out.println(running.tailLogs(40));
		}
	}

}
