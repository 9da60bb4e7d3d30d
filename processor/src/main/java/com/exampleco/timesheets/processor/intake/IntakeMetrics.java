package com.exampleco.timesheets.processor.intake;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.exampleco.timesheets.processor.ledger.AppliedBatch;
import com.exampleco.timesheets.processor.ledger.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The processor's own meters: {@code timesheets.processor.events} by {@code outcome}
 * (applied, unchanged, duplicate, rejected, dead_lettered, and redelivered: records
 * skipped because an earlier transaction applied them) and
 * {@code timesheets.processor.apply.latency}, the time from an event's {@code occurredAt}
 * to the commit that recorded it.
 */
@Component
class IntakeMetrics {

	private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

	private final Counter deadLettered;

	private final Counter redelivered;

	private final Timer latency;

	IntakeMetrics(MeterRegistry registry) {
		for (Outcome outcome : Outcome.values()) {
			this.outcomes.put(outcome, counter(registry, outcome.name().toLowerCase()));
		}
		this.deadLettered = counter(registry, "dead_lettered");
		this.redelivered = counter(registry, "redelivered");
		this.latency = Timer.builder("timesheets.processor.apply.latency")
			.description("Time from the event's occurredAt to the database commit that recorded it")
			.publishPercentileHistogram()
			.register(registry);
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("timesheets.processor.events")
			.description("Events processed, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	void recordCommitted(AppliedBatch batch) {
		this.redelivered.increment(batch.redelivered());
		for (AppliedBatch.Result result : batch.results()) {
			this.outcomes.get(result.outcome()).increment();
			if (result.outcome() != Outcome.DUPLICATE) {
				Duration latency = Duration.between(result.received().event().occurredAt(), batch.committedAt());
				this.latency.record(latency.isNegative() ? Duration.ZERO : latency);
			}
		}
	}

	void deadLettered() {
		this.deadLettered.increment();
	}

}
