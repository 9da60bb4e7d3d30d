package com.exampleco.timesheets.processor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The processor: consumes {@code timesheet-events}, applies each event to the timesheet
 * state exactly once and records its outcome. Owns the database schema.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProcessorApplication {

	/**
	 * Starts the processor.
	 * @param args command-line arguments, passed to Spring Boot
	 */
	public static void main(String[] args) {
		SpringApplication.run(ProcessorApplication.class, args);
	}

}
