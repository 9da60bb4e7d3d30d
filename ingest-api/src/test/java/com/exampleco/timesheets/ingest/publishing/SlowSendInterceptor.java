package com.exampleco.timesheets.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A slow broker, as far as one record is concerned: a record whose value holds
 * {@code slow-broker-<millis>} is held that long before the producer takes it, inside the
 * transaction that sends it. Configured with {@code interceptor.classes}; every other
 * record passes at once.
 */
public class SlowSendInterceptor implements ProducerInterceptor<String, byte[]> {

	private static final Pattern MARKER = Pattern.compile("slow-broker-([0-9]+)");

	@Override
	public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
		if (record.value() != null) {
			Matcher matcher = MARKER.matcher(new String(record.value(), StandardCharsets.UTF_8));
			if (matcher.find()) {
				try {
					// simulates the broker's delay; nothing waits for a result here
					Thread.sleep(Long.parseLong(matcher.group(1)));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
		return record;
	}

	@Override
	public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
	}

	@Override
	public void close() {
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

}
