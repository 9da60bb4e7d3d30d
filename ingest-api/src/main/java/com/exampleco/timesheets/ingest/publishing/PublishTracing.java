package com.exampleco.timesheets.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.exampleco.timesheets.events.Topics;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The trace of a request's publish. One span per request, {@code timesheets publish}
 * (kind producer), a child of the request's server span, however many events the request
 * holds and whichever shared transaction carries them; and that span's trace context (W3C
 * {@code traceparent}, plus {@code tracestate}/{@code baggage} when there are any)
 * written into the headers of each of the request's records, so that the processor
 * continues the request's trace. The context is rendered once per request and the same
 * header bytes are added to every record: a record costs one header more, nothing else.
 * Spring Kafka's own template observation (a span per send) stays off.
 * <p>
 * Without a tracer (tracing not configured) nothing is recorded and no header is added.
 */
@Component
class PublishTracing {

	/** Records nothing and adds no header. */
	static final PublishTracing NONE = new PublishTracing(Tracer.NOOP, Propagator.NOOP);

	private final Tracer tracer;

	private final Propagator propagator;

	@Autowired
	PublishTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	PublishTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Runs a request's publish in its own span.
	 * @param events how many events the request publishes
	 * @param publish the publish, which adds the headers ({@link #addTraceHeaders})
	 * @param <T> what the publish answers
	 * @return what the publish answered
	 */
	<T> T publish(int events, Supplier<T> publish) {
		Span request = this.tracer.currentSpan();
		Span.Builder builder = this.tracer.spanBuilder();
		if (request != null) {
			builder.setParent(request.context());
		}
		else {
			builder.setNoParent();
		}
		Span span = builder.name("timesheets publish")
			.kind(Span.Kind.PRODUCER)
			.tag("messaging.system", "kafka")
			.tag("messaging.destination.name", Topics.TIMESHEET_EVENTS)
			.tag("messaging.batch.message_count", events)
			.start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return publish.get();
		}
		catch (RuntimeException | Error ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	/**
	 * Writes the current span's trace context into each record's headers.
	 * @param records the records of one request
	 */
	void addTraceHeaders(List<ProducerRecord<String, byte[]>> records) {
		Span current = this.tracer.currentSpan();
		if (current == null || records.isEmpty()) {
			return;
		}
		Map<String, String> context = new LinkedHashMap<>(4);
		this.propagator.inject(current.context(), context, Map::put);
		if (context.isEmpty()) {
			return;
		}
		List<Header> headers = new ArrayList<>(context.size());
		context.forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
		for (ProducerRecord<String, byte[]> record : records) {
			for (Header header : headers) {
				record.headers().add(header);
			}
		}
	}

}
