package com.exampleco.timesheets.ingest.config;

import java.time.Clock;

import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.entry.EntryReader;
import com.exampleco.timesheets.events.entry.EntryValidator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contract's codec, readers and rules as beans, and the clock they use. */
@Configuration(proxyBeanMethods = false)
class ContractConfig {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	TimesheetEventCodec timesheetEventCodec() {
		return new TimesheetEventCodec();
	}

	@Bean
	EntryReader entryReader() {
		return new EntryReader();
	}

	@Bean
	EntryValidator entryValidator(IngestProperties properties, Clock clock) {
		return new EntryValidator(properties.entryLimits(), clock);
	}

}
