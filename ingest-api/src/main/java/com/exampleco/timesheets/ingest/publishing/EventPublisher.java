package com.exampleco.timesheets.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.TimesheetEvent;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.ingest.config.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes the events of one request atomically: all of them in one Kafka transaction,
 * returning only after the broker committed it. Readers with
 * {@code isolation.level=read_committed} see all of a request's events or none.
 */
@Component
public class EventPublisher implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EventPublisher.class);

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final TimesheetEventCodec codec;

	private final IngestProperties properties;

	private final Timer publishTimer;

	private final ThreadPoolExecutor executor;

	EventPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, TimesheetEventCodec codec, IngestProperties properties,
			MeterRegistry meterRegistry) {
		this.kafkaTemplate = kafkaTemplate;
		this.codec = codec;
		this.properties = properties;
		this.publishTimer = Timer.builder("timesheets.ingest.publish")
			.description("Time from the start of a request's Kafka transaction to its commit")
			.publishPercentileHistogram()
			.register(meterRegistry);
		// A bounded hand-off: the request thread waits at most publishTimeout, whatever
		// the
		// Kafka client does; when every publisher thread is busy the request gets a 503.
		this.executor = new ThreadPoolExecutor(4, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				new CustomizableThreadFactory("publish-"));
	}

	/**
	 * Publishes events in one transaction and waits for the commit.
	 * @param events the events of one request, in order
	 * @throws BrokerUnavailableException when the broker did not commit within the
	 * publish timeout; the caller must not acknowledge the request
	 */
	public void publish(List<TimesheetEvent> events) {
		List<ProducerRecord<String, byte[]>> records = events.stream().map(this::toRecord).toList();
		Future<?> commit;
		try {
			commit = this.executor.submit(() -> this.publishTimer.record(() -> sendInTransaction(records)));
		}
		catch (RejectedExecutionException ex) {
			throw new BrokerUnavailableException("too many publishes waiting for the broker", ex);
		}
		try {
			commit.get(this.properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			commit.cancel(true);
			throw new BrokerUnavailableException("broker did not commit within " + this.properties.publishTimeout(),
					ex);
		}
		catch (ExecutionException ex) {
			logger.warn("Publishing {} events failed: {}", records.size(), ex.getCause().toString());
			throw new BrokerUnavailableException("publishing failed: " + ex.getCause().getClass().getSimpleName(),
					ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BrokerUnavailableException("interrupted while publishing", ex);
		}
	}

	private void sendInTransaction(List<ProducerRecord<String, byte[]>> records) {
		this.kafkaTemplate.executeInTransaction((operations) -> {
			List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
			for (ProducerRecord<String, byte[]> record : records) {
				sends.add(operations.send(record));
			}
			// Every send must have succeeded before the commit: a failed send throws
			// here,
			// and the template aborts the transaction, so no partial batch becomes
			// visible.
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
			return null;
		});
	}

	private ProducerRecord<String, byte[]> toRecord(TimesheetEvent event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TIMESHEET_EVENTS, null,
				event.occurredAt().toEpochMilli(), event.timesheetId().toString(), this.codec.encode(event));
		CloudEventHeaders.of(event, this.properties.eventSource())
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
