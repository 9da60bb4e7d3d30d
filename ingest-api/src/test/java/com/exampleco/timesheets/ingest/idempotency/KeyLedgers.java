package com.exampleco.timesheets.ingest.idempotency;

import java.time.Clock;

import com.exampleco.timesheets.ingest.config.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;

/** {@link KeyLedger}s for tests of other packages, without a topic to read. */
public final class KeyLedgers {

	private KeyLedgers() {
	}

	/**
	 * A ledger that holds no key yet and is loaded (as if its topic were empty).
	 * @param properties the settings
	 * @param clock the clock
	 * @param meterRegistry where its meters go
	 * @return the ledger
	 */
	public static KeyLedger loaded(IngestProperties properties, Clock clock, MeterRegistry meterRegistry) {
		KeyLedger ledger = new KeyLedger(properties, clock, meterRegistry);
		ledger.markLoaded();
		return ledger;
	}

}
