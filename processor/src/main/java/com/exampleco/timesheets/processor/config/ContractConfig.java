package com.exampleco.timesheets.processor.config;

import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.processor.intake.EventDecoder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contract's codec as a bean, and the processor's {@link EventDecoder} on it (the
 * seam a test uses to stand in for a processor of a newer contract version).
 */
@Configuration(proxyBeanMethods = false)
class ContractConfig {

	@Bean
	TimesheetEventCodec timesheetEventCodec() {
		return new TimesheetEventCodec();
	}

	@Bean
	EventDecoder eventDecoder(TimesheetEventCodec codec) {
		return codec::decode;
	}

}
