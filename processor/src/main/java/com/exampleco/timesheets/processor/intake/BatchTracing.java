package com.exampleco.timesheets.processor.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.exampleco.timesheets.events.Topics;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The traces of a polled batch, which mixes records of many requests. Per batch: one
 * span, {@code timesheets batch} (a new trace; current while the batch is processed, so
 * every log line of it carries its ids). Per distinct trace among the records' W3C
 * {@code traceparent} headers: one span {@code timesheets apply}, a child of the
 * publishing request's span (so the ingest request's trace reaches the database
 * transaction), linked to the batch span, open for the transaction that applied the
 * records. Never a span per record: a record costs one header look-up and, when its
 * header differs from the previous record's, one map look-up. At most
 * {@value #MAX_TRACES_PER_BATCH} apply spans per batch; records of further traces are
 * counted on the batch span ({@code timesheets.untraced.records}). Records without the
 * header (it is optional) are processed as any other.
 */
@Component
class BatchTracing {

	/** The most apply spans one batch makes. */
	static final int MAX_TRACES_PER_BATCH = 100;

	static final String TRACEPARENT = "traceparent";

	private static final Logger logger = LoggerFactory.getLogger(BatchTracing.class);

	private static final Propagator.Getter<Headers> HEADERS = (headers, name) -> {
		Header header = headers.lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	};

	private final Tracer tracer;

	private final Propagator propagator;

	@Autowired
	BatchTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	BatchTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Starts the batch span and makes it current until {@link Batch#close()}.
	 * @param records the polled records
	 * @return the batch's trace; close it on the thread that started it
	 */
	Batch start(List<ConsumerRecord<byte[], byte[]>> records) {
		Span span = this.tracer.spanBuilder()
			.setNoParent()
			.name("timesheets batch")
			.kind(Span.Kind.CONSUMER)
			.tag("messaging.system", "kafka")
			.tag("messaging.destination.name", Topics.TIMESHEET_EVENTS)
			.tag("messaging.batch.message_count", records.size())
			.start();
		return new Batch(span, this.tracer.withSpan(span), records);
	}

	/** The trace of one batch: its span, and the traces its records continue. */
	final class Batch implements AutoCloseable {

		private final Span span;

		private final Tracer.SpanInScope scope;

		private final List<ConsumerRecord<byte[], byte[]>> records;

		private Batch(Span span, Tracer.SpanInScope scope, List<ConsumerRecord<byte[], byte[]>> records) {
			this.span = span;
			this.scope = scope;
			this.records = records;
		}

		/**
		 * Runs the batch's database transaction inside one apply span per distinct
		 * incoming trace.
		 * @param transaction the transaction
		 * @param <T> its result
		 * @return its result
		 */
		<T> T apply(Supplier<T> transaction) {
			List<Span> applies = startApplySpans();
			try {
				return transaction.get();
			}
			catch (RuntimeException | Error ex) {
				applies.forEach((apply) -> apply.error(ex));
				throw ex;
			}
			finally {
				applies.forEach(Span::end);
			}
		}

		/**
		 * Marks the batch span failed (the batch is retried or the container stops).
		 * @param ex the failure
		 */
		void failed(Throwable ex) {
			this.span.error(ex);
		}

		@Override
		public void close() {
			this.scope.close();
			this.span.end();
		}

		private List<Span> startApplySpans() {
			Map<String, Trace> traces = tracesOf(this.records);
			List<Span> applies = new ArrayList<>(traces.size());
			for (Trace trace : traces.values()) {
				Span apply = BatchTracing.this.propagator.extract(trace.first.headers(), HEADERS)
					.name("timesheets apply")
					.kind(Span.Kind.CONSUMER)
					.addLink(new Link(this.span.context()))
					.tag("messaging.batch.message_count", trace.records)
					.start();
				applies.add(apply);
				if (logger.isDebugEnabled()) {
					try (Tracer.SpanInScope scope = BatchTracing.this.tracer.withSpan(apply)) {
						logger.debug("Applying {} record(s) of this trace in a batch of {} (batch trace {})",
								trace.records, this.records.size(), this.span.context().traceId());
					}
				}
			}
			return applies;
		}

		private Map<String, Trace> tracesOf(List<ConsumerRecord<byte[], byte[]>> records) {
			Map<String, Trace> traces = new LinkedHashMap<>();
			byte[] previousHeader = null;
			Trace previous = null;
			int untraced = 0;
			for (ConsumerRecord<byte[], byte[]> record : records) {
				Header header = record.headers().lastHeader(TRACEPARENT);
				// version-traceid-parentid-flags: 00-<32 hex>-<16 hex>-<2 hex>
				if (header == null || header.value().length < 55) {
					continue;
				}
				byte[] value = header.value();
				if (previous != null && Arrays.equals(value, previousHeader)) {
					// the records of one request come together with the same header
					previous.records++;
					continue;
				}
				String traceId = new String(value, 3, 32, StandardCharsets.ISO_8859_1);
				Trace trace = traces.get(traceId);
				if (trace == null) {
					if (traces.size() >= MAX_TRACES_PER_BATCH) {
						untraced++;
						previous = null;
						continue;
					}
					trace = new Trace(record);
					traces.put(traceId, trace);
				}
				trace.records++;
				previous = trace;
				previousHeader = value;
			}
			this.span.tag("timesheets.traces", traces.size());
			if (untraced > 0) {
				this.span.tag("timesheets.untraced.records", untraced);
			}
			return traces;
		}

	}

	/** The records of one incoming trace in a batch. */
	private static final class Trace {

		private final ConsumerRecord<byte[], byte[]> first;

		private int records;

		private Trace(ConsumerRecord<byte[], byte[]> first) {
			this.first = first;
		}

	}

}
