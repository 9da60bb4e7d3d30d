package com.exampleco.timesheets.processor;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The processor: consumes {@code timesheet-events}, applies each event to the timesheet
 * state exactly once and records its outcome. Owns the database schema.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProcessorApplication {

	/**
	 * The clock of the ledger's write times ({@code applied_at}, {@code updated_at}).
	 * @return the system clock in UTC
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Starts the processor.
	 * @param args command-line arguments, passed to Spring Boot
	 */
	public static void main(String[] args) {
		SpringApplication.run(ProcessorApplication.class, args);
	}

}
